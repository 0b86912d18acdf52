#pragma once
// Users of Doorstep (branch staff). SQL for the users table lives here only.
#include "domain/messages/error.h"
#include "domain/users/user.h"
#include "storage/database/sqlite.h"

#include <optional>
#include <string>
#include <vector>

namespace doorstep::storage {

class UserRepository final {
public:
    explicit UserRepository(const Connection& connection) : m_db(connection) {}

    Result<std::int64_t> add(const User& user, std::string_view createdAt);
    std::optional<User> findByName(std::string_view username) const;
    std::optional<User> findById(std::int64_t id) const;
    std::vector<User> list() const;  // by user name
    void setRole(std::int64_t id, Role role);
    void setDisabled(std::int64_t id, bool disabled);
    void setDisplayName(std::int64_t id, std::string_view displayName);
    void remove(std::int64_t id);
    int countActiveAdministrators() const;

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
