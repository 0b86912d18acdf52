#pragma once
// Stable text codes for enums (stored in the database and the extract files): one table per enum,
// looked up both ways.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace doorstep {

template <typename E, std::size_t N> using CodeTable = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N> std::optional<E> codeLookup(const CodeTable<E, N>& table, std::string_view code)
{
    for (const auto& [value, text] : table) {
        if (text == code) return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N> std::string_view codeOf(const CodeTable<E, N>& table, E value)
{
    for (const auto& [v, text] : table) {
        if (v == value) return text;
    }
    return {};
}

}  // namespace doorstep
