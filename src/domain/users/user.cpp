#include "domain/users/user.h"

#include <algorithm>
#include <cctype>

namespace doorstep {

// The messages below name these numbers; keep them in step.
static_assert(kMaxUsernameLength == 32 && kMinPasswordLength == 10);

Result<void> validateUsername(std::string_view username)
{
    if (username.empty()) return fail(ErrorCode::InvalidInput, MessageId{"user.name_empty"});
    if (username.size() > kMaxUsernameLength) return fail(ErrorCode::InvalidInput, MessageId{"user.name_too_long"});
    const auto allowed = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
    };
    if (!std::ranges::all_of(username, allowed))
        return fail(ErrorCode::InvalidInput, MessageId{"user.name_characters"});
    if (std::isalnum(static_cast<unsigned char>(username.front())) == 0)
        return fail(ErrorCode::InvalidInput, MessageId{"user.name_start"});
    return {};
}

Result<void> validateNewPassword(std::string_view password, std::string_view username)
{
    if (password.size() < kMinPasswordLength) return fail(ErrorCode::InvalidInput, MessageId{"user.password_short"});
    const bool hasLetter = std::ranges::any_of(password, [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
    });
    const bool hasOther =
        std::ranges::any_of(password, [](char c) { return std::isalpha(static_cast<unsigned char>(c)) == 0; });
    if (!hasLetter || !hasOther) return fail(ErrorCode::InvalidInput, MessageId{"user.password_mix"});
    if (!username.empty() && password.find(username) != std::string_view::npos)
        return fail(ErrorCode::InvalidInput, MessageId{"user.password_has_name"});
    return {};
}

Result<void> validateDisplayName(std::string_view displayName)
{
    if (displayName.empty()) return fail(ErrorCode::InvalidInput, MessageId{"user.display_name_empty"});
    if (displayName.size() > 120) return fail(ErrorCode::InvalidInput, MessageId{"user.display_name_long"});
    return {};
}

}  // namespace doorstep
