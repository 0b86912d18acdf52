#include "app/users/session.h"

#include "app/shared/logging.h"
#include "app/users/failed_logins.h"
#include "storage/audit/audit_repository.h"
#include "storage/users/user_repository.h"

#include <atomic>
#include <map>
#include <mutex>

namespace doorstep::app {
namespace {

std::mutex g_kdfMutex;
storage::KdfParams g_kdf = storage::KdfParams::moderate();

// The failed logins noted beside the database since the last login, as audit events before this login's.
void auditFailedLogins(Session& session, const std::vector<FailedLogins::PendingFailure>& pending)
{
    if (pending.empty()) return;
    // The side file holds only hashes of the names typed: a name that is a user's is that user's failure; any
    // other (a mistyped name, a password typed into the name field) is an unknown user's and stays unreadable.
    std::map<std::string, const User*> byKey;
    const auto users = storage::UserRepository(session.database().connection()).list();
    for (const User& u : users)
        byKey.emplace(FailedLogins::keyOf(u.username), &u);
    storage::AuditRepository audit(session.database().connection());
    for (const auto& failure : pending) {
        const auto it = byKey.find(failure.key);
        if (it != byKey.end()) {
            audit.append(formatUtc(failure.at), it->second->username, "session.login_failed", "user",
                         std::to_string(it->second->id));
        } else {
            audit.append(formatUtc(failure.at), "", "session.login_failed", "user", "");
        }
    }
    logger("app")->info("{} failed login(s) since the last login written to the audit trail", pending.size());
}

}  // namespace

void Session::setKdfParamsForNewSlots(const storage::KdfParams& params)
{
    std::lock_guard lock(g_kdfMutex);
    g_kdf = params;
}

storage::KdfParams Session::kdfParamsForNewSlots()
{
    std::lock_guard lock(g_kdfMutex);
    return g_kdf;
}

Session::Session(storage::BranchDatabase db, User user, const Clock& clock, std::shared_ptr<ChangeHub> changes)
    : m_db(std::move(db)), m_changes(std::move(changes)), m_user(std::move(user)), m_clock(clock)
{}

Result<std::unique_ptr<Session>> Session::openWorkerSession() const
{
    auto db = m_db.openSecondConnection();
    if (!db) return std::unexpected(db.error());
    return std::unique_ptr<Session>(new Session(std::move(*db), m_user, m_clock, m_changes));
}

Session::~Session()
{
    m_db.close();
}

Result<std::unique_ptr<Session>> Session::login(const std::filesystem::path& databasePath, std::string_view username,
                                                std::string_view password, LoginThrottle& throttle, const Clock& clock)
{
    if (auto r = throttle.check(); !r) return std::unexpected(r.error());
    // The per-user back-off beside the database: the same for the app and every doorstep-cli call.
    FailedLogins failures(databasePath, clock);
    if (auto r = failures.check(username); !r) return std::unexpected(r.error());
    auto db = storage::BranchDatabase::open(databasePath, username, password);
    if (!db) {
        if (db.error().code == ErrorCode::WrongCredentials) {
            throttle.recordFailure();
            failures.recordFailure(username);
            logger("app")->warn("login failed: wrong credentials ({} consecutive)", throttle.consecutiveFailures());
        } else {
            logger("app")->error("login failed: {}", errorCodeName(db.error().code));
        }
        return std::unexpected(db.error());
    }
    try {
        const auto user = storage::UserRepository(db->connection()).findByName(username);
        if (!user) {  // a slot without an account (removal interrupted): same answer as a wrong password
            throttle.recordFailure();
            failures.recordFailure(username);
            return fail(ErrorCode::WrongCredentials, MessageId{"login.wrong_credentials"});
        }
        if (user->disabled) {
            return fail(ErrorCode::AccountDisabled, MessageId{"login.account_disabled"});
        }
        throttle.recordSuccess();
        failures.recordSuccess(username);
        std::unique_ptr<Session> session(new Session(std::move(*db), *user, clock));
        auditFailedLogins(*session, failures.takePending());
        session->audit("session.login", "user", std::to_string(user->id));
        logger("app")->info("login: user id {}", user->id);
        return session;
    } catch (const storage::DatabaseError& e) {
        logger("app")->error("login: {}", e.what());
        if (e.busy()) return fail(ErrorCode::Conflict, storage::kBusyMessage);
        return fail(ErrorCode::FileCorrupt, MessageId{"database.damaged"});
    }
}

Result<void> Session::require(Permission permission) const
{
    if (!can(permission)) return fail(ErrorCode::PermissionDenied, MessageId{"session.not_allowed"});
    return {};
}

void Session::audit(std::string_view action, std::string_view recordType, std::string_view recordId)
{
    storage::AuditRepository(m_db.connection()).append(now(), m_user.username, action, recordType, recordId);
}

void Session::refreshUser()
{
    if (auto u = storage::UserRepository(m_db.connection()).findById(m_user.id)) m_user = *u;
}

void Session::lock(bool automatic)
{
    end(automatic ? "session.autolock" : "session.lock");
}

void Session::quit()
{
    end("session.quit");
}

void Session::end(std::string_view action)
{
    if (!isOpen()) return;
    try {
        audit(action, "user", std::to_string(m_user.id));
    } catch (const storage::DatabaseError& e) {
        logger("app")->error("{}: could not record it: {}", action, e.what());
    }
    m_db.close();
    logger("app")->info("{}: user id {}", action, m_user.id);
}

Result<void> Session::changeOwnPassword(std::string_view oldPassword, std::string_view newPassword)
{
    if (auto r = validateNewPassword(newPassword, m_user.username); !r) return r;
    // The audit event and the staged keyring commit together; the keyring is put in place after the
    // commit, and a crash in between is finished by the next open (storage::KeyringChange).
    storage::Transaction tx(m_db.connection());
    audit("user.change_password", "user", std::to_string(m_user.id));
    auto change = m_db.stagePasswordChange(m_user.username, oldPassword, newPassword, kdfParamsForNewSlots());
    if (!change) return std::unexpected(change.error());
    tx.commit();
    return change->finish();
}

}  // namespace doorstep::app
