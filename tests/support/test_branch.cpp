#include "support/test_branch.h"

#include "app/shared/branch_setup.h"
#include "app/users/user_admin.h"
#include "storage/database/keyring.h"
#include "storage/database/schema.h"

#include <stdexcept>

namespace doorstep::test {
namespace {

[[noreturn]] void failed(std::string_view what, const Error& error)
{
    throw std::runtime_error(std::string(what) + ": " + errorCodeName(error.code) + ": " + error.message);
}

}  // namespace

storage::KdfParams fastKdf()
{
    return storage::KdfParams::minimum();
}

void useFastKdf()
{
    app::Session::setKdfParamsForNewSlots(fastKdf());
}

TestBranch::TestBranch() : m_db(m_dir / "branch.db")
{
    useFastKdf();
    const app::FirstAdministrator admin{std::string(kAdminName), "Branch Administrator", std::string(kAdminPassword)};
    if (auto r = app::createBranchDatabase(m_db, admin, fastKdf()); !r) failed("create branch database", r.error());
}

std::filesystem::path TestBranch::keyringPath() const
{
    return storage::Keyring::pathFor(m_db);
}

std::unique_ptr<app::Session> TestBranch::login(std::string_view username, std::string_view password)
{
    auto session = app::Session::login(m_db, username, password, throttle, clock);
    if (!session) failed("login", session.error());
    return std::move(*session);
}

User TestBranch::addUser(std::string_view username, Role role, std::string_view password, std::string_view displayName)
{
    auto admin = loginAdmin();
    const std::string shown = displayName.empty() ? std::string(username) : std::string(displayName);
    auto user = app::UserAdministration(*admin).add({std::string(username), shown, role, std::string(password)});
    if (!user) failed("add user", user.error());
    return *user;
}

storage::SecureBuffer databaseKey(const std::filesystem::path& databasePath, std::string_view username,
                                  std::string_view password)
{
    auto keyring = storage::Keyring::load(storage::Keyring::pathFor(databasePath));
    if (!keyring) failed("load keyring", keyring.error());
    auto keys = keyring->unlock(username, password);
    if (!keys) failed("unlock keyring", keys.error());
    return std::move(keys->key);
}

storage::Connection migratedDatabase(const std::filesystem::path& path)
{
    auto connection = storage::Connection::open(path, storage::randomSecret(storage::kKeyBytes), /*create=*/true);
    if (!connection) failed("create database", connection.error());
    if (auto r = storage::migrate(*connection); !r) failed("migrate", r.error());
    return std::move(*connection);
}

storage::Connection rawConnection(const std::filesystem::path& databasePath, std::string_view username,
                                  std::string_view password)
{
    auto connection = storage::Connection::open(databasePath, databaseKey(databasePath, username, password),
                                                /*create=*/false);
    if (!connection) failed("open connection", connection.error());
    return std::move(*connection);
}

}  // namespace doorstep::test
