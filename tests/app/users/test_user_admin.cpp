#include "app/users/user_admin.h"

#include "storage/audit/audit_repository.h"
#include "storage/database/keyring.h"
#include "support/file_bytes.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using doorstep::test::kAdminName;
using doorstep::test::kAdminPassword;
using doorstep::test::TestBranch;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kOfficerPassword = "officer-pass-2026";
constexpr std::string_view kSupervisorPassword = "super-pass-2026";

ErrorCode codeOf(const auto& result)
{
    REQUIRE_FALSE(result);
    return result.error().code;
}

std::vector<std::string> actions(app::Session& session)
{
    std::vector<std::string> out;
    storage::AuditRepository(session.database().connection()).forEach([&](const AuditEvent& e) {
        out.push_back(e.action + " " + e.recordType + " " + e.recordId);
    });
    return out;
}

bool canOpen(const TestBranch& branch, std::string_view user, std::string_view password)
{
    return storage::BranchDatabase::open(branch.databasePath(), user, password).has_value();
}

}  // namespace

TEST_CASE("an administrator adds a user who can then log in", "[user_admin]")
{
    TestBranch branch;
    auto admin = branch.loginAdmin();
    app::UserAdministration users(*admin);
    const auto added = users.add({"li.wei", "李伟", Role::Supervisor, std::string(kSupervisorPassword)});
    REQUIRE(added);
    CHECK(added->id > 0);
    CHECK(added->username == "li.wei");
    CHECK(added->role == Role::Supervisor);

    const auto list = users.list();
    REQUIRE(list);
    REQUIRE(list->size() == 2);
    CHECK((*list)[1].displayName == "李伟");
    CHECK(admin->database().keyring().hasSlot("li.wei"));
    CHECK(storage::Keyring::load(branch.keyringPath()).value().hasSlot("li.wei"));
    CHECK(actions(*admin).back() == "user.add user " + std::to_string(added->id));
    CHECK(branch.login("li.wei", kSupervisorPassword)->user().role == Role::Supervisor);
}

TEST_CASE("adding checks the input and refuses duplicates without touching the keyring", "[user_admin]")
{
    TestBranch branch;
    auto admin = branch.loginAdmin();
    app::UserAdministration users(*admin);
    CHECK(codeOf(users.add({"bad name", "X", Role::Officer, "good-pass-2026"})) == ErrorCode::InvalidInput);
    CHECK(codeOf(users.add({"li.wei", "", Role::Officer, "good-pass-2026"})) == ErrorCode::InvalidInput);
    CHECK(codeOf(users.add({"li.wei", "X", Role::Officer, "short"})) == ErrorCode::InvalidInput);
    REQUIRE(users.add({"li.wei", "X", Role::Officer, "good-pass-2026"}));
    const std::string keyring = test::readBytes(branch.keyringPath());
    CHECK(codeOf(users.add({"li.wei", "Y", Role::Officer, "other-pass-2026"})) == ErrorCode::AlreadyExists);
    CHECK(test::readBytes(branch.keyringPath()) == keyring);
    CHECK(branch.login("li.wei", "good-pass-2026")->isOpen());  // the first account's password still works
    CHECK(users.list()->size() == 2);
}

TEST_CASE("only administrators manage users", "[user_admin]")
{
    TestBranch branch;
    const User officer = branch.addUser("officer1", Role::Officer, kOfficerPassword);
    const User supervisor = branch.addUser("super1", Role::Supervisor, kSupervisorPassword);
    const std::string keyring = test::readBytes(branch.keyringPath());
    for (auto [name, password] : {std::pair{"officer1", kOfficerPassword}, std::pair{"super1", kSupervisorPassword}}) {
        auto session = branch.login(name, password);
        app::UserAdministration users(*session);
        CHECK(codeOf(users.list()) == ErrorCode::PermissionDenied);
        CHECK(codeOf(users.add({"x.y", "X", Role::Administrator, "good-pass-2026"})) == ErrorCode::PermissionDenied);
        CHECK(codeOf(users.setRole(session->user().id, Role::Administrator)) == ErrorCode::PermissionDenied);
        CHECK(codeOf(users.setDisabled(1, true)) == ErrorCode::PermissionDenied);
        CHECK(codeOf(users.resetPassword(1, "taken-over-2026")) == ErrorCode::PermissionDenied);
        CHECK(codeOf(users.remove(1)) == ErrorCode::PermissionDenied);
    }
    CHECK(test::readBytes(branch.keyringPath()) == keyring);
    CHECK(branch.loginAdmin()->user().role == Role::Administrator);
    CHECK(officer.role == Role::Officer);
    CHECK(supervisor.role == Role::Supervisor);
}

TEST_CASE("an administrator cannot remove, disable or demote their own account", "[user_admin]")
{
    TestBranch branch;
    branch.addUser("admin2", Role::Administrator, "second-pass-2026");  // so "last administrator" is not the reason
    auto admin = branch.loginAdmin();
    app::UserAdministration users(*admin);
    const auto self = admin->user().id;
    CHECK(codeOf(users.remove(self)) == ErrorCode::Conflict);
    CHECK(codeOf(users.setDisabled(self, true)) == ErrorCode::Conflict);
    CHECK(codeOf(users.setRole(self, Role::Officer)) == ErrorCode::Conflict);
    CHECK(codeOf(users.resetPassword(self, "new-pass-2027")) == ErrorCode::Conflict);  // that is changeOwnPassword
    CHECK(canOpen(branch, kAdminName, kAdminPassword));
    CHECK(codeOf(users.remove(999)) == ErrorCode::NotFound);
}

TEST_CASE("the last active administrator is protected", "[user_admin]")
{
    // Two administrators, each logged in; the second demotes the first. The first one's session still
    // carries the administrator role, but whatever it does must leave the branch one administrator.
    TestBranch branch;
    const User second = branch.addUser("admin2", Role::Administrator, "second-pass-2026");
    auto first = branch.loginAdmin();
    auto other = branch.login("admin2", "second-pass-2026");
    REQUIRE(app::UserAdministration(*other).setRole(first->user().id, Role::Officer));

    app::UserAdministration users(*first);
    CHECK(codeOf(users.setRole(second.id, Role::Supervisor)) == ErrorCode::Conflict);
    CHECK(codeOf(users.setDisabled(second.id, true)) == ErrorCode::Conflict);
    CHECK(codeOf(users.remove(second.id)) == ErrorCode::Conflict);
    CHECK(canOpen(branch, "admin2", "second-pass-2026"));
    CHECK(branch.login("admin2", "second-pass-2026")->user().role == Role::Administrator);
}

TEST_CASE("roles change and are audited", "[user_admin]")
{
    TestBranch branch;
    const User officer = branch.addUser("officer1", Role::Officer, kOfficerPassword);
    auto admin = branch.loginAdmin();
    app::UserAdministration users(*admin);
    REQUIRE(users.setRole(officer.id, Role::Supervisor));
    CHECK(actions(*admin).back() == "user.set_role user " + std::to_string(officer.id));
    REQUIRE(users.setRole(officer.id, Role::Supervisor));  // no change, no event
    CHECK(actions(*admin).back() == "user.set_role user " + std::to_string(officer.id));
    CHECK(actions(*admin).size() == 6);
    CHECK(branch.login("officer1", kOfficerPassword)->can(Permission::ReviewWork));
}

TEST_CASE("a disabled user cannot log in until enabled again", "[user_admin]")
{
    TestBranch branch;
    const User officer = branch.addUser("officer1", Role::Officer, kOfficerPassword);
    auto admin = branch.loginAdmin();
    app::UserAdministration users(*admin);
    REQUIRE(users.setDisabled(officer.id, true));
    CHECK(actions(*admin).back() == "user.disable user " + std::to_string(officer.id));
    auto refused =
        app::Session::login(branch.databasePath(), "officer1", kOfficerPassword, branch.throttle, branch.clock);
    CHECK(codeOf(refused) == ErrorCode::AccountDisabled);
    REQUIRE(users.setDisabled(officer.id, false));
    CHECK(actions(*admin).back() == "user.enable user " + std::to_string(officer.id));
    CHECK(branch.login("officer1", kOfficerPassword)->isOpen());
}

TEST_CASE("a reset password works and the old one no longer does", "[user_admin]")
{
    TestBranch branch;
    const User officer = branch.addUser("officer1", Role::Officer, kOfficerPassword);
    auto admin = branch.loginAdmin();
    app::UserAdministration users(*admin);
    CHECK(codeOf(users.resetPassword(officer.id, "officer1-x-2027")) == ErrorCode::InvalidInput);  // holds the name
    REQUIRE(users.resetPassword(officer.id, "reset-pass-2027"));
    CHECK(actions(*admin).back() == "user.reset_password user " + std::to_string(officer.id));
    CHECK_FALSE(canOpen(branch, "officer1", kOfficerPassword));
    CHECK(branch.login("officer1", "reset-pass-2027")->isOpen());
}

// Issue acceptance (d): a removed user cannot open the database again, even with a copy of their old slot.
TEST_CASE("a removed user cannot open the database, even with a copy of their old slot", "[user_admin][acceptance]")
{
    TestBranch branch;
    const User officer = branch.addUser("officer1", Role::Officer, kOfficerPassword);
    branch.addUser("super1", Role::Supervisor, kSupervisorPassword);
    // What the officer could have copied while still employed: the whole keyring file.
    const std::string oldKeyring = test::readBytes(branch.keyringPath());
    const storage::KeySlot oldSlot = storage::Keyring::load(branch.keyringPath()).value().slots().at(1);
    REQUIRE(oldSlot.username == "officer1");

    auto admin = branch.loginAdmin();
    REQUIRE(app::UserAdministration(*admin).remove(officer.id));
    CHECK(actions(*admin).back() == "user.remove user " + std::to_string(officer.id));
    const auto list = app::UserAdministration(*admin).list();
    REQUIRE(list);
    CHECK(list->size() == 2);
    admin.reset();
    CHECK_FALSE(storage::Keyring::load(branch.keyringPath()).value().hasSlot("officer1"));
    const std::string newKeyring = test::readBytes(branch.keyringPath());

    SECTION("the old slot put back into the current keyring")
    {
        storage::Keyring planted = storage::Keyring::load(branch.keyringPath()).value();
        planted.putSlot(oldSlot);
        REQUIRE(planted.save(branch.keyringPath()));
        // The old slot still opens, but only yields the key the file was under before the re-key.
        const auto oldKey = planted.unlock("officer1", kOfficerPassword);
        REQUIRE(oldKey);
        CHECK_FALSE(oldKey->key == test::databaseKey(branch.databasePath(), kAdminName, kAdminPassword));
        const auto r = storage::BranchDatabase::open(branch.databasePath(), "officer1", kOfficerPassword);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::FileCorrupt);
        // The remaining users are unaffected by the planted slot.
        CHECK(canOpen(branch, kAdminName, kAdminPassword));
        CHECK(canOpen(branch, "super1", kSupervisorPassword));
    }
    SECTION("the whole old keyring file put back")
    {
        test::writeBytes(branch.keyringPath(), oldKeyring);
        CHECK_FALSE(canOpen(branch, "officer1", kOfficerPassword));
        test::writeBytes(branch.keyringPath(), newKeyring);
        CHECK(canOpen(branch, kAdminName, kAdminPassword));
        CHECK(canOpen(branch, "super1", kSupervisorPassword));
    }
    SECTION("through the login use case")
    {
        // No slot: the same answer as a wrong password (one moderate derivation).
        auto r =
            app::Session::login(branch.databasePath(), "officer1", kOfficerPassword, branch.throttle, branch.clock);
        CHECK(codeOf(r) == ErrorCode::WrongCredentials);
    }
}

TEST_CASE("user administration writes an audit event for each change, naming no person", "[user_admin]")
{
    TestBranch branch;
    auto admin = branch.loginAdmin();
    app::UserAdministration users(*admin);
    const auto added = users.add({"li.wei", "李伟-SENTINEL", Role::Officer, "good-pass-2026"});
    REQUIRE(added);
    const std::string id = std::to_string(added->id);
    REQUIRE(users.setRole(added->id, Role::Supervisor));
    REQUIRE(users.setDisabled(added->id, true));
    REQUIRE(users.setDisabled(added->id, false));
    REQUIRE(users.resetPassword(added->id, "reset-pass-2027"));
    REQUIRE(users.remove(added->id));
    const auto all = actions(*admin);
    const std::vector<std::string> expected{"database.create database " + admin->database().keyring().databaseId(),
                                            "user.add user 1",
                                            "session.login user 1",
                                            "user.add user " + id,
                                            "user.set_role user " + id,
                                            "user.disable user " + id,
                                            "user.enable user " + id,
                                            "user.reset_password user " + id,
                                            "user.remove user " + id};
    CHECK(all == expected);
    storage::AuditRepository(admin->database().connection()).forEach([](const AuditEvent& e) {
        CHECK(e.actor == "admin");
        CHECK(e.recordId.find("SENTINEL") == std::string::npos);
        CHECK(e.recordId.find("li.wei") == std::string::npos);
    });
}

// Issue 9, item 2: "user remove while another process has the database open is left half-done". Now it
// refuses before changing anything, in words a person understands, and completes once the other is gone.
TEST_CASE("removing a user while another program has the database open changes nothing", "[user_admin]")
{
    TestBranch branch;
    const User officer = branch.addUser("officer1", Role::Officer, kOfficerPassword);
    auto elsewhere = branch.login("officer1", kOfficerPassword);  // the desktop app left open at a desk
    auto admin = branch.loginAdmin();
    const std::string keyringBefore = test::readBytes(branch.keyringPath());
    const auto eventsBefore = actions(*admin);

    const auto refused = app::UserAdministration(*admin).remove(officer.id);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message == "Close the other Doorstep programs that use this database, then try again.");
    CHECK(test::readBytes(branch.keyringPath()) == keyringBefore);
    CHECK(actions(*admin) == eventsBefore);
    const auto list = app::UserAdministration(*admin).list();
    REQUIRE(list);
    CHECK(list->size() == 2);
    CHECK(canOpen(branch, "officer1", kOfficerPassword));

    elsewhere.reset();
    REQUIRE(app::UserAdministration(*admin).remove(officer.id));
    CHECK(app::UserAdministration(*admin).list()->size() == 1);
    CHECK_FALSE(canOpen(branch, "officer1", kOfficerPassword));
}
