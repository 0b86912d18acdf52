#pragma once
// A real branch database (SQLCipher file and keyring) in a temporary folder, made quickly: every key slot
// uses Argon2id at libsodium's minimum cost instead of the ~0.4 s moderate cost of production.
#include "app/users/login_throttle.h"
#include "app/users/session.h"
#include "domain/users/user.h"
#include "storage/database/crypto.h"
#include "storage/database/secure_buffer.h"
#include "storage/database/sqlite.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace doorstep::test {

inline constexpr std::string_view kAdminName = "admin";
inline constexpr std::string_view kAdminPassword = "branch-pass-2026";

storage::KdfParams fastKdf();
// Lowers the cost of the slots use cases create (Session::setKdfParamsForNewSlots) for this process.
void useFastKdf();

class TestBranch final {
public:
    TestBranch();  // creates the database with administrator kAdminName; throws when that fails
    TestBranch(const TestBranch&) = delete;
    TestBranch& operator=(const TestBranch&) = delete;

    const TempDir& dir() const { return m_dir; }
    const std::filesystem::path& databasePath() const { return m_db; }
    std::filesystem::path keyringPath() const;

    // Logs in through the use case; throws on failure (tests of failures call Session::login themselves).
    std::unique_ptr<app::Session> login(std::string_view username, std::string_view password);
    std::unique_ptr<app::Session> loginAdmin() { return login(kAdminName, kAdminPassword); }
    // Adds a user as the administrator would; throws on failure.
    User addUser(std::string_view username, Role role, std::string_view password, std::string_view displayName = {});

    ManualClock clock;
    app::LoginThrottle throttle{clock};

private:
    TempDir m_dir;
    std::filesystem::path m_db;
};

// The database key exactly as an attacker holding a user's password gets it: from the keyring file beside it.
storage::SecureBuffer databaseKey(const std::filesystem::path& databasePath, std::string_view username,
                                  std::string_view password);
// A new encrypted database at the current schema under a random key, with no keyring: for repository tests.
storage::Connection migratedDatabase(const std::filesystem::path& path);
// A connection below every use case and repository, for tampering with a database as such an attacker.
storage::Connection rawConnection(const std::filesystem::path& databasePath, std::string_view username,
                                  std::string_view password);

}  // namespace doorstep::test
