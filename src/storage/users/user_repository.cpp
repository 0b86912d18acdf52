#include "storage/users/user_repository.h"

namespace doorstep::storage {
namespace {

constexpr std::string_view kColumns = "id, username, display_name, role, disabled";

User readUser(const Statement& stmt)
{
    User u;
    u.id = stmt.columnInt(0);
    u.username = stmt.columnText(1);
    u.displayName = stmt.columnText(2);
    u.role = parseRole(stmt.columnText(3)).value_or(Role::Officer);
    u.disabled = stmt.columnInt(4) != 0;
    return u;
}

}  // namespace

Result<std::int64_t> UserRepository::add(const User& user, std::string_view createdAt)
{
    if (findByName(user.username)) return fail(ErrorCode::AlreadyExists, MessageId{"user.exists"});
    m_db.prepare("INSERT INTO users (username, display_name, role, disabled, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, user.username)
        .bind(2, user.displayName)
        .bind(3, roleName(user.role))
        .bindBool(4, user.disabled)
        .bind(5, createdAt)
        .run();
    return m_db.lastInsertId();
}

std::optional<User> UserRepository::findByName(std::string_view username) const
{
    auto stmt = m_db.prepare(std::string("SELECT ") + std::string(kColumns) + " FROM users WHERE username = ?");
    stmt.bind(1, username);
    if (!stmt.step()) return std::nullopt;
    return readUser(stmt);
}

std::optional<User> UserRepository::findById(std::int64_t id) const
{
    auto stmt = m_db.prepare(std::string("SELECT ") + std::string(kColumns) + " FROM users WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step()) return std::nullopt;
    return readUser(stmt);
}

std::vector<User> UserRepository::list() const
{
    auto stmt = m_db.prepare(std::string("SELECT ") + std::string(kColumns) + " FROM users ORDER BY username");
    std::vector<User> out;
    while (stmt.step())
        out.push_back(readUser(stmt));
    return out;
}

void UserRepository::setRole(std::int64_t id, Role role)
{
    m_db.prepare("UPDATE users SET role = ? WHERE id = ?").bind(1, roleName(role)).bind(2, id).run();
}

void UserRepository::setDisabled(std::int64_t id, bool disabled)
{
    m_db.prepare("UPDATE users SET disabled = ? WHERE id = ?").bindBool(1, disabled).bind(2, id).run();
}

void UserRepository::setDisplayName(std::int64_t id, std::string_view displayName)
{
    m_db.prepare("UPDATE users SET display_name = ? WHERE id = ?").bind(1, displayName).bind(2, id).run();
}

void UserRepository::remove(std::int64_t id)
{
    m_db.prepare("DELETE FROM users WHERE id = ?").bind(1, id).run();
}

int UserRepository::countActiveAdministrators() const
{
    auto stmt = m_db.prepare("SELECT count(*) FROM users WHERE role = 'administrator' AND disabled = 0");
    stmt.step();
    return static_cast<int>(stmt.columnInt(0));
}

}  // namespace doorstep::storage
