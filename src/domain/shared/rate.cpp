#include "domain/shared/rate.h"

#include <charconv>

namespace doorstep {

Result<AnnualRate> parsePercentRate(std::string_view text)
{
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    const auto digitsOnly = [](std::string_view s) {
        for (char c : s) {
            if (c < '0' || c > '9') return false;
        }
        return true;
    };
    if (whole.empty() || whole.size() > 3 || !digitsOnly(whole) || !digitsOnly(fraction) ||
        (dot != std::string_view::npos && fraction.empty()))
        return fail(ErrorCode::InvalidInput, MessageId{"rate.not_percent"});
    if (fraction.size() > 4) return fail(ErrorCode::InvalidInput, MessageId{"rate.too_many_decimals"});
    std::int64_t value = 0;
    std::from_chars(whole.data(), whole.data() + whole.size(), value);
    value *= 10'000;
    std::int64_t scale = 1000;
    for (char c : fraction) {
        value += (c - '0') * scale;
        scale /= 10;
    }
    return AnnualRate{value};
}

std::string formatPercentRate(AnnualRate rate)
{
    std::string out = std::to_string(rate.micros / 10'000);
    std::int64_t fraction = rate.micros % 10'000;
    if (fraction == 0) return out;
    std::string digits = std::to_string(fraction);
    digits.insert(0, 4 - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0')
        digits.pop_back();
    return out + "." + digits;
}

}  // namespace doorstep
