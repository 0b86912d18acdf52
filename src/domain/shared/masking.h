#pragma once
// Masking of personal data for screens, letters and logs (DOMAIN.md section 1, challenge 3.3): people
// see enough to recognise a customer, not enough to copy the number.
#include <cstddef>
#include <string>
#include <string_view>

namespace doorstep {

// Keeps the first `keepFirst` and the last `keepLast` characters (UTF-8 code points) and writes one '*'
// for each character between. When fewer than `minHidden` characters would be hidden, it keeps fewer:
// first none at the front, then none at the back, so a short text comes out as all stars.
std::string maskMiddle(std::string_view text, std::size_t keepFirst, std::size_t keepLast, std::size_t minHidden = 4);

// An 18-character number → "110101********1234": the address code and the last four kept.
std::string maskIdNumber(std::string_view idNumber);
// "13812345678" → "138****5678": the network prefix and the last four kept.
std::string maskPhone(std::string_view phone);

}  // namespace doorstep
