#pragma once
// Creating a branch database with its first administrator, and the demo branch.
#include "domain/messages/error.h"
#include "domain/users/user.h"
#include "storage/database/crypto.h"

#include <filesystem>
#include <string>
#include <vector>

namespace doorstep::app {

struct FirstAdministrator {
    std::string username;
    std::string displayName;
    std::string password;
};

// Refuses to overwrite anything. The database is closed again afterwards: log in to use it.
Result<void> createBranchDatabase(const std::filesystem::path& path, const FirstAdministrator& admin,
                                  const storage::KdfParams& kdf);

// What can be checked before login: the database and keyring files exist, can be read, and look like
// Doorstep's. Nothing is written or repaired.
Result<void> checkBranchDatabaseFiles(const std::filesystem::path& path);

struct DemoAccount {
    std::string username;
    std::string displayName;
    Role role;
    std::string password;
};

// The demo accounts: synthetic people, passwords printed on purpose. Demo only.
const std::vector<DemoAccount>& demoAccounts();

// Creates the demo database when it is missing (or when `reset`), with a synthetic portfolio of
// `loans` loans imported through the real importer; returns whether it was created.
inline constexpr std::int64_t kDemoLoans = 5000;
Result<bool> ensureDemoDatabase(const std::filesystem::path& path, bool reset, const storage::KdfParams& kdf,
                                std::int64_t loans = kDemoLoans);

}  // namespace doorstep::app
