#pragma once
// The resident identity number (居民身份证号码) of GB 11643-1999: 6 digits of the address code, 8 of the
// birth date (YYYYMMDD), 3 of the sequence, and a check character computed over those 17 digits.
#include "domain/messages/error.h"

#include <optional>
#include <string_view>

namespace doorstep {

// The check character ('0'–'9' or 'X') for 17 digits; nullopt when the text is not exactly 17 ASCII digits.
std::optional<char> residentIdCheckCharacter(std::string_view first17Digits);

// Checks the length, the characters (17 digits, then a digit or an upper-case X), the birth date in
// positions 7–14 and the check character. The InvalidInput message names what is wrong and never
// contains the number itself (it is a personal datum).
Result<void> validateResidentId(std::string_view idNumber);
bool isValidResidentId(std::string_view idNumber);

}  // namespace doorstep
