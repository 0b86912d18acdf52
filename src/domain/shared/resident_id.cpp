#include "domain/shared/resident_id.h"

#include "domain/shared/calendar.h"

#include <array>
#include <chrono>

namespace doorstep {
namespace {

bool allDigits(std::string_view text)
{
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int digitsValue(std::string_view digits)
{
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

}  // namespace

std::optional<char> residentIdCheckCharacter(std::string_view first17Digits)
{
    // GB 11643-1999: weights 2^(17-i) mod 11, sum mod 11 indexes "10X98765432".
    static constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr std::string_view kCheck = "10X98765432";
    if (first17Digits.size() != kWeights.size() || !allDigits(first17Digits)) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size(); ++i)
        sum += (first17Digits[i] - '0') * kWeights[i];
    return kCheck[static_cast<std::size_t>(sum % 11)];
}

Result<void> validateResidentId(std::string_view idNumber)
{
    if (idNumber.size() != 18) return fail(ErrorCode::InvalidInput, MessageId{"resident_id.length"});
    const std::string_view digits = idNumber.substr(0, 17);
    const char last = idNumber[17];
    if (!allDigits(digits) || !((last >= '0' && last <= '9') || last == 'X'))
        return fail(ErrorCode::InvalidInput, MessageId{"resident_id.format"});
    const Date birth{std::chrono::year{digitsValue(idNumber.substr(6, 4))},
                     std::chrono::month{static_cast<unsigned>(digitsValue(idNumber.substr(10, 2)))},
                     std::chrono::day{static_cast<unsigned>(digitsValue(idNumber.substr(12, 2)))}};
    if (!birth.ok()) return fail(ErrorCode::InvalidInput, MessageId{"resident_id.birth_date"});
    if (residentIdCheckCharacter(digits) != last)
        return fail(ErrorCode::InvalidInput, MessageId{"resident_id.check_digit"});
    return {};
}

bool isValidResidentId(std::string_view idNumber)
{
    return validateResidentId(idNumber).has_value();
}

}  // namespace doorstep
