#pragma once
// A Doorstep user account (a member of the branch's staff, not a customer).
#include "domain/messages/error.h"
#include "domain/users/role.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace doorstep {

struct User {
    std::int64_t id = 0;
    std::string username;     // login name: letters, digits, '.', '_' and '-'
    std::string displayName;  // shown in the status bar and lists
    Role role = Role::Officer;
    bool disabled = false;
};

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxUsernameLength = 32;

// Checks a login name; the message says what to change.
Result<void> validateUsername(std::string_view username);
// Checks a new password against the policy (length, not only one kind of character, not the name).
Result<void> validateNewPassword(std::string_view password, std::string_view username);
Result<void> validateDisplayName(std::string_view displayName);

}  // namespace doorstep
