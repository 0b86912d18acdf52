#pragma once
// Administration of users: each call checks the role, runs in one transaction and is audited.
#include "app/users/session.h"
#include "domain/messages/error.h"
#include "domain/users/user.h"

#include <string_view>
#include <vector>

namespace doorstep::app {

struct NewUser {
    std::string username;
    std::string displayName;
    Role role = Role::Officer;
    std::string password;
};

class UserAdministration final {
public:
    explicit UserAdministration(Session& session) : m_session(session) {}

    Result<std::vector<User>> list() const;
    Result<User> add(const NewUser& input);
    Result<void> setRole(std::int64_t userId, Role role);
    Result<void> setDisabled(std::int64_t userId, bool disabled);
    Result<void> resetPassword(std::int64_t userId, std::string_view newPassword);
    // Removes the account and its key slot, then re-keys the database.
    Result<void> remove(std::int64_t userId);

private:
    Result<User> findOther(std::int64_t userId, bool allowSelf) const;
    Session& m_session;
};

}  // namespace doorstep::app
