#pragma once
// Annual interest rates, stored exactly as millionths of one (4.35 % = 43'500). DOMAIN.md section 2:
// the daily rate is annual / 360, the monthly rate of a schedule annual / 12.
#include "domain/messages/error.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace doorstep {

struct AnnualRate {
    std::int64_t micros = 0;  // millionths: 0.0435 → 43'500

    static constexpr AnnualRate fromPercentE4(std::int64_t percentTimes10000) { return {percentTimes10000}; }
    friend constexpr auto operator<=>(AnnualRate, AnnualRate) = default;
};

// "4.35" (percent, at most four decimals) → 43'500. InvalidInput with a sentence otherwise.
Result<AnnualRate> parsePercentRate(std::string_view text);
std::string formatPercentRate(AnnualRate rate);  // "4.35"

}  // namespace doorstep
