#pragma once
// A logged-in user and the open branch database. Locking ends the session: the key is wiped and
// the file closed; coming back is a full login.
#include "app/shared/changes.h"
#include "app/shared/clock.h"
#include "app/users/login_throttle.h"
#include "domain/messages/error.h"
#include "domain/users/role.h"
#include "domain/users/user.h"
#include "storage/database/branch_database.h"
#include "storage/database/crypto.h"

#include <filesystem>
#include <memory>
#include <string_view>

namespace doorstep::app {

class Session final {
public:
    // Checks the throttle, opens the database with the user's slot and refuses disabled or removed
    // accounts. Every failure that would tell whether the user exists reads WrongCredentials.
    static Result<std::unique_ptr<Session>> login(const std::filesystem::path& databasePath, std::string_view username,
                                                  std::string_view password, LoginThrottle& throttle,
                                                  const Clock& clock);

    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session();

    const User& user() const { return m_user; }
    bool can(Permission permission) const { return roleAllows(m_user.role, permission); }
    Result<void> require(Permission permission) const;
    const std::filesystem::path& databasePath() const { return m_db.path(); }

    // Records the lock in the audit trail (auto = idle timeout), wipes the key, closes the file.
    void lock(bool automatic);
    // The same when the program ends with the user logged in (Quit, the window closed): recorded as a quit.
    void quit();
    bool isOpen() const { return m_db.connection().isOpen(); }

    // The same user on a second connection of the database, for long work on a worker thread. It shares
    // the clock (which must outlive it) and nothing else; audit events it writes name this user.
    Result<std::unique_ptr<Session>> openWorkerSession() const;

    Result<void> changeOwnPassword(std::string_view oldPassword, std::string_view newPassword);

    // For the use cases of app/ only.
    storage::BranchDatabase& database() { return m_db; }
    const Clock& clock() const { return m_clock; }
    std::string now() const { return formatUtc(m_clock.now()); }
    void audit(std::string_view action, std::string_view recordType, std::string_view recordId);
    void refreshUser();
    // Changes when another connection (another program, or a worker session) committed since the last call.
    std::int64_t dataVersion() const { return m_db.connection().dataVersion(); }
    // The observers of this database, shared with the worker sessions opened from this one.
    ChangeHub& changes() { return *m_changes; }

    // Key-derivation cost for new slots: moderate by default; tests lower it.
    static void setKdfParamsForNewSlots(const storage::KdfParams& params);
    static storage::KdfParams kdfParamsForNewSlots();

private:
    void end(std::string_view action);  // audits `action`, wipes the key, closes the file
    Session(storage::BranchDatabase db, User user, const Clock& clock,
            std::shared_ptr<ChangeHub> changes = std::make_shared<ChangeHub>());
    storage::BranchDatabase m_db;
    std::shared_ptr<ChangeHub> m_changes;
    User m_user;
    const Clock& m_clock;
};

}  // namespace doorstep::app
