#include "domain/shared/money.h"

#include <charconv>
#include <cstdlib>

namespace doorstep {

Result<Money> parseYuan(std::string_view text)
{
    if (text.empty()) return fail(ErrorCode::InvalidInput, MessageId{"money.empty"});
    bool negative = false;
    std::string_view rest = text;
    if (rest.front() == '-') {
        negative = true;
        rest.remove_prefix(1);
    }
    const auto dot = rest.find('.');
    const std::string_view whole = rest.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    const auto digitsOnly = [](std::string_view s) {
        for (char c : s) {
            if (c < '0' || c > '9') return false;
        }
        return true;
    };
    if (whole.empty() || !digitsOnly(whole) || !digitsOnly(fraction) ||
        (dot != std::string_view::npos && fraction.empty()))
        return fail(ErrorCode::InvalidInput, MessageId{"money.not_amount"});
    if (fraction.size() > 2) return fail(ErrorCode::InvalidInput, MessageId{"money.too_many_decimals"});
    if (whole.size() > 15) return fail(ErrorCode::InvalidInput, MessageId{"money.too_large"});
    std::int64_t yuan = 0;
    std::from_chars(whole.data(), whole.data() + whole.size(), yuan);
    std::int64_t fen = yuan * 100;
    if (!fraction.empty()) fen += (fraction[0] - '0') * 10 + (fraction.size() > 1 ? fraction[1] - '0' : 0);
    return Money{negative ? -fen : fen};
}

std::string formatYuanPlain(Money m)
{
    const std::int64_t absolute = std::llabs(m.fen);
    std::string out = m.fen < 0 ? "-" : "";
    out += std::to_string(absolute / 100);
    const auto cents = absolute % 100;
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return out;
}

std::string formatYuan(Money m)
{
    std::string grouped = formatYuanGrouped(m);
    return m.fen < 0 ? "-¥" + grouped.substr(1) : "¥" + grouped;
}

std::string formatYuanGrouped(Money m)
{
    const std::int64_t absolute = std::llabs(m.fen);
    std::string digits = std::to_string(absolute / 100);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    const auto cents = absolute % 100;
    std::string out = m.fen < 0 ? "-" : "";
    out += grouped;
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return out;
}

}  // namespace doorstep
