#include "domain/messages/message.h"

#include "domain/messages/message_catalogue.h"
#include "domain/shared/money.h"

namespace doorstep {

std::string groupThousands(std::int64_t value)
{
    const bool negative = value < 0;
    // Through unsigned so the most negative value has a magnitude too.
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::string digits = std::to_string(magnitude);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3 + 1);
    if (negative) out.push_back('-');
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

MessageArg MessageArg::number(std::string name, std::int64_t value)
{
    return {std::move(name), groupThousands(value), false};
}

MessageArg MessageArg::money(std::string name, Money value)
{
    return {std::move(name), formatYuan(value), false};
}

namespace {

// The row for `id`: its singular form `id.one` when the arguments say `count` is 1 and the catalogue has one
// ("one single payment" rather than "1 monthly instalments").
const MessageText* rowFor(std::string_view id, const MessageArgs& args)
{
    for (const MessageArg& a : args) {
        if (a.name == "count" && !a.isRef && a.value == "1") {
            if (const MessageText* one = findMessage(std::string(id) + ".one")) return one;
        }
    }
    return findMessage(id);
}

}  // namespace

std::string formatMessage(std::string_view id, const MessageArgs& args, Language language)
{
    const MessageText* row = rowFor(id, args);
    if (!row) return std::string(id);
    const std::string_view pattern = language == Language::Chinese ? row->chinese : row->english;
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = pattern.substr(i + 1, close - i - 1);
                const MessageArg* found = nullptr;
                for (const MessageArg& a : args) {
                    if (a.name == name) found = &a;
                }
                if (found) {
                    out += found->isRef ? formatMessage(found->value, found->refArgs, language) : found->value;
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push_back(pattern[i]);
        ++i;
    }
    return out;
}

}  // namespace doorstep
