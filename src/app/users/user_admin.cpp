#include "app/users/user_admin.h"

#include "app/shared/logging.h"
#include "storage/users/user_repository.h"

namespace doorstep::app {
namespace {

Result<void> wouldLeaveNoAdministrator(const storage::UserRepository& users, const User& target)
{
    if (target.role == Role::Administrator && !target.disabled && users.countActiveAdministrators() <= 1)
        return fail(ErrorCode::Conflict, MessageId{"user.last_administrator"});
    return {};
}

}  // namespace

Result<std::vector<User>> UserAdministration::list() const
{
    if (auto r = m_session.require(Permission::ManageUsers); !r) return std::unexpected(r.error());
    return storage::UserRepository(m_session.database().connection()).list();
}

Result<User> UserAdministration::findOther(std::int64_t userId, bool allowSelf) const
{
    if (auto r = m_session.require(Permission::ManageUsers); !r) return std::unexpected(r.error());
    if (!allowSelf && userId == m_session.user().id) return fail(ErrorCode::Conflict, MessageId{"user.own_account"});
    auto user = storage::UserRepository(m_session.database().connection()).findById(userId);
    if (!user) return fail(ErrorCode::NotFound, MessageId{"user.gone"});
    return *user;
}

Result<User> UserAdministration::add(const NewUser& input)
{
    if (auto r = m_session.require(Permission::ManageUsers); !r) return std::unexpected(r.error());
    if (auto r = validateUsername(input.username); !r) return std::unexpected(r.error());
    if (auto r = validateDisplayName(input.displayName); !r) return std::unexpected(r.error());
    if (auto r = validateNewPassword(input.password, input.username); !r) return std::unexpected(r.error());
    auto& db = m_session.database();
    storage::Transaction tx(db.connection());
    User user{0, input.username, input.displayName, input.role, false};
    auto id = storage::UserRepository(db.connection()).add(user, m_session.now());
    if (!id) return std::unexpected(id.error());
    user.id = *id;
    m_session.audit("user.add", "user", std::to_string(user.id));
    // The slot is staged with the account and its audit event and put in place after the commit; a crash
    // in between is settled by the next open (BranchDatabase::open), so the three never part.
    auto slot = db.stageSlot(user.username, input.password, Session::kdfParamsForNewSlots());
    if (!slot) return std::unexpected(slot.error());
    tx.commit();
    if (auto r = slot->finish(); !r) return std::unexpected(r.error());
    logger("app")->info("user added: id {}", user.id);
    return user;
}

Result<void> UserAdministration::setRole(std::int64_t userId, Role role)
{
    auto user = findOther(userId, /*allowSelf=*/false);
    if (!user) return std::unexpected(user.error());
    if (user->role == role) return {};
    storage::UserRepository users(m_session.database().connection());
    if (auto r = wouldLeaveNoAdministrator(users, *user); !r) return r;
    storage::Transaction tx(m_session.database().connection());
    users.setRole(userId, role);
    m_session.audit("user.set_role", "user", std::to_string(userId));
    tx.commit();
    return {};
}

Result<void> UserAdministration::setDisabled(std::int64_t userId, bool disabled)
{
    auto user = findOther(userId, /*allowSelf=*/false);
    if (!user) return std::unexpected(user.error());
    if (user->disabled == disabled) return {};
    storage::UserRepository users(m_session.database().connection());
    if (disabled) {
        if (auto r = wouldLeaveNoAdministrator(users, *user); !r) return r;
    }
    storage::Transaction tx(m_session.database().connection());
    users.setDisabled(userId, disabled);
    m_session.audit(disabled ? "user.disable" : "user.enable", "user", std::to_string(userId));
    tx.commit();
    return {};
}

Result<void> UserAdministration::resetPassword(std::int64_t userId, std::string_view newPassword)
{
    auto user = findOther(userId, /*allowSelf=*/false);
    if (!user) return std::unexpected(user.error());
    if (auto r = validateNewPassword(newPassword, user->username); !r) return r;
    auto& db = m_session.database();
    storage::Transaction tx(db.connection());
    m_session.audit("user.reset_password", "user", std::to_string(userId));
    auto slot = db.stageSlot(user->username, newPassword, Session::kdfParamsForNewSlots());
    if (!slot) return std::unexpected(slot.error());
    tx.commit();
    return slot->finish();
}

Result<void> UserAdministration::remove(std::int64_t userId)
{
    auto user = findOther(userId, /*allowSelf=*/false);
    if (!user) return std::unexpected(user.error());
    auto& db = m_session.database();
    storage::UserRepository users(db.connection());
    if (auto r = wouldLeaveNoAdministrator(users, *user); !r) return r;
    // Key first: once the slot is gone and the file re-keyed, the account row alone opens nothing.
    // If the row removal below failed, removing again finishes the job.
    if (auto r = db.removeSlotAndRekey(user->username); !r) return r;
    storage::Transaction tx(db.connection());
    users.remove(userId);
    m_session.audit("user.remove", "user", std::to_string(userId));
    tx.commit();
    logger("app")->info("user removed and database re-keyed: id {}", userId);
    return {};
}

}  // namespace doorstep::app
