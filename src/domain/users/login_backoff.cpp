#include "domain/users/login_backoff.h"

#include <algorithm>

namespace doorstep {

std::chrono::seconds loginDelayAfterFailures(int consecutiveFailures)
{
    constexpr int kFree = 3;
    constexpr std::chrono::seconds kCap{300};
    if (consecutiveFailures <= kFree) return std::chrono::seconds{0};
    const int exponent = std::min(consecutiveFailures - kFree, 9);  // 2^9 = 512 > cap
    return std::min(std::chrono::seconds{1LL << exponent}, kCap);
}

}  // namespace doorstep
