#include "app/users/session.h"

#include "app/users/failed_logins.h"
#include "app/users/user_admin.h"
#include "storage/audit/audit_repository.h"
#include "support/file_bytes.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <csignal>
#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>

using namespace doorstep;
using doorstep::test::kAdminName;
using doorstep::test::kAdminPassword;
using doorstep::test::TestBranch;
using std::chrono::seconds;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kOfficerPassword = "officer-pass-2026";

Error loginError(TestBranch& branch, std::string_view user, std::string_view password)
{
    auto s = app::Session::login(branch.databasePath(), user, password, branch.throttle, branch.clock);
    REQUIRE_FALSE(s);
    return s.error();
}

AuditEvent lastEvent(app::Session& session)
{
    const auto events = storage::AuditRepository(session.database().connection()).latest(1);
    REQUIRE(events.size() == 1);
    return events.front();
}

}  // namespace

TEST_CASE("a login opens the database as that user and is audited", "[session]")
{
    TestBranch branch;
    auto session = branch.loginAdmin();
    CHECK(session->isOpen());
    CHECK(session->user().username == kAdminName);
    CHECK(session->user().role == Role::Administrator);
    CHECK(session->databasePath() == branch.databasePath());
    CHECK(session->now() == "2026-11-29T05:04:32Z");  // time comes from the injected clock

    const AuditEvent login = lastEvent(*session);
    CHECK(login.action == "session.login");
    CHECK(login.actor == "admin");
    CHECK(login.recordType == "user");
    CHECK(login.recordId == std::to_string(session->user().id));
    CHECK(login.at == "2026-11-29T05:04:32Z");
}

TEST_CASE("each role is allowed what DOMAIN.md section 8 says", "[session]")
{
    TestBranch branch;
    branch.addUser("officer1", Role::Officer, kOfficerPassword);
    auto officer = branch.login("officer1", kOfficerPassword);
    CHECK(officer->can(Permission::WorkCases));
    CHECK_FALSE(officer->can(Permission::ManageUsers));
    CHECK(officer->require(Permission::WorkCases));
    CHECK(officer->require(Permission::ManageUsers).error().code == ErrorCode::PermissionDenied);
    CHECK(branch.loginAdmin()->require(Permission::ManageUsers));
}

TEST_CASE("failed logins say WrongCredentials and count towards the throttle", "[session]")
{
    TestBranch branch;
    const Error wrong = loginError(branch, kAdminName, "not-the-password-1");
    CHECK(wrong.code == ErrorCode::WrongCredentials);
    CHECK(branch.throttle.consecutiveFailures() == 1);
    const Error unknown = loginError(branch, "nobody", kAdminPassword);  // one moderate derivation
    CHECK(unknown.code == ErrorCode::WrongCredentials);
    CHECK(unknown.message == wrong.message);
    CHECK(branch.throttle.consecutiveFailures() == 2);  // guessing across user names counts too
    branch.loginAdmin();
    CHECK(branch.throttle.consecutiveFailures() == 0);
}

TEST_CASE("after repeated failures even the right password waits, until the wait has passed", "[session]")
{
    TestBranch branch;
    for (int i = 0; i < 4; ++i)
        CHECK(loginError(branch, kAdminName, "guess-number-" + std::to_string(i)).code == ErrorCode::WrongCredentials);
    CHECK(loginError(branch, kAdminName, kAdminPassword).code == ErrorCode::Throttled);
    branch.clock.advance(seconds{1});
    CHECK(loginError(branch, kAdminName, kAdminPassword).code == ErrorCode::Throttled);
    branch.clock.advance(seconds{1});
    CHECK(branch.loginAdmin()->isOpen());
}

TEST_CASE("a disabled account cannot log in and says so", "[session]")
{
    TestBranch branch;
    const User officer = branch.addUser("officer1", Role::Officer, kOfficerPassword);
    REQUIRE(app::UserAdministration(*branch.loginAdmin()).setDisabled(officer.id, true));
    const Error e = loginError(branch, "officer1", kOfficerPassword);
    CHECK(e.code == ErrorCode::AccountDisabled);
    CHECK(branch.throttle.consecutiveFailures() == 0);  // the password was right
    // A wrong password for a disabled account must not reveal that it is disabled.
    CHECK(loginError(branch, "officer1", "wrong-pass-2026").code == ErrorCode::WrongCredentials);
}

TEST_CASE("a key slot without an account reads as wrong credentials", "[session]")
{
    // What an interrupted removal could leave: the slot still opens the file but the account is gone.
    TestBranch branch;
    {
        auto db = storage::BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
        REQUIRE(db);
        REQUIRE(db->setSlot("ghost", "ghost-pass-2026", test::fastKdf()));
    }
    CHECK(loginError(branch, "ghost", "ghost-pass-2026").code == ErrorCode::WrongCredentials);
    CHECK(branch.throttle.consecutiveFailures() == 1);
}

TEST_CASE("locking records the lock, wipes the key and closes the file", "[session]")
{
    TestBranch branch;
    for (bool automatic : {false, true}) {
        auto session = branch.loginAdmin();
        branch.clock.advance(seconds{90});
        session->lock(automatic);
        CHECK_FALSE(session->isOpen());
        session->lock(automatic);  // a second lock is harmless
    }
    auto session = branch.loginAdmin();
    const auto events = storage::AuditRepository(session->database().connection()).latest(5);
    REQUIRE(events.size() == 5);
    CHECK(events[1].action == "session.autolock");
    CHECK(events[1].at == "2026-11-29T05:07:32Z");
    CHECK(events[2].action == "session.login");
    CHECK(events[3].action == "session.lock");
    CHECK(events[3].at == "2026-11-29T05:06:02Z");
}

TEST_CASE("quitting with the user logged in is recorded as a quit, not a lock", "[session]")
{
    TestBranch branch;
    {
        auto session = branch.loginAdmin();
        session->quit();
        CHECK_FALSE(session->isOpen());
        session->quit();  // harmless twice
    }
    auto session = branch.loginAdmin();
    const auto events = storage::AuditRepository(session->database().connection()).latest(3);
    REQUIRE(events.size() == 3);
    CHECK(events[0].action == "session.login");
    CHECK(events[1].action == "session.quit");
    CHECK(events[2].action == "session.login");
}

TEST_CASE("changing your own password", "[session]")
{
    TestBranch branch;
    auto session = branch.loginAdmin();
    SECTION("needs the current password")
    {
        CHECK(session->changeOwnPassword("not-the-password-1", "brand-new-pass-1").error().code ==
              ErrorCode::WrongCredentials);
        CHECK(lastEvent(*session).action == "session.login");  // nothing recorded for a refused change
        CHECK(branch.loginAdmin()->isOpen());
    }
    SECTION("checks the new one against the policy")
    {
        CHECK(session->changeOwnPassword(kAdminPassword, "short").error().code == ErrorCode::InvalidInput);
        CHECK(session->changeOwnPassword(kAdminPassword, "admin-is-in-it-1").error().code == ErrorCode::InvalidInput);
    }
    SECTION("retires the old password and is audited")
    {
        REQUIRE(session->changeOwnPassword(kAdminPassword, "brand-new-pass-1"));
        CHECK(lastEvent(*session).action == "user.change_password");
        session.reset();
        CHECK(loginError(branch, kAdminName, kAdminPassword).code == ErrorCode::WrongCredentials);
        CHECK(branch.login(kAdminName, "brand-new-pass-1")->isOpen());
    }
}

TEST_CASE("new slots use the configured key-derivation cost", "[session]")
{
    const storage::KdfParams saved = app::Session::kdfParamsForNewSlots();
    app::Session::setKdfParamsForNewSlots(storage::KdfParams::interactive());
    CHECK(app::Session::kdfParamsForNewSlots().memLimit == storage::KdfParams::interactive().memLimit);
    app::Session::setKdfParamsForNewSlots(saved);
    CHECK(app::Session::kdfParamsForNewSlots().memLimit == saved.memLimit);
}

namespace {

const char* g_killAt = nullptr;

void killHere(std::string_view step)
{
    if (g_killAt != nullptr && step == g_killAt) ::raise(SIGKILL);
}

int countEvents(app::Session& session, std::string_view action)
{
    int n = 0;
    storage::AuditRepository(session.database().connection()).forEach([&](const AuditEvent& e) {
        n += e.action == action ? 1 : 0;
    });
    return n;
}

}  // namespace

// Issue 9, item 11: "kill -9 right after the keyring rename during user passwd leaves the new password
// working with no user.change_password audit event". The process is killed at each step of the change.
TEST_CASE("a password change and its audit event never part, wherever the process is killed", "[session]")
{
    struct Case {
        const char* step;
        bool changed;  // whether the change counts once the dust settles
    };
    for (const Case c : {Case{"keyring.staged", false}, Case{"keyring.committed", true}, Case{"keyring.renamed", true}})
        for (const bool newPasswordFirst : {false, true}) {
            DYNAMIC_SECTION("killed at " << c.step << (newPasswordFirst ? ", the new password tried first" : ""))
            {
                TestBranch branch;
                const pid_t pid = ::fork();
                REQUIRE(pid >= 0);
                if (pid == 0) {
                    g_killAt = c.step;
                    storage::BranchDatabase::setStepHookForTests(&killHere);
                    app::SystemClock clock;
                    app::LoginThrottle throttle(clock);
                    auto session =
                        app::Session::login(branch.databasePath(), kAdminName, kAdminPassword, throttle, clock);
                    if (!session) ::_exit(2);
                    (void)(*session)->changeOwnPassword(kAdminPassword, "brand-new-pass-1");
                    ::_exit(3);  // the hook ends the process before this
                }
                int status = 0;
                REQUIRE(::waitpid(pid, &status, 0) == pid);
                REQUIRE(WIFSIGNALED(status));
                REQUIRE(WTERMSIG(status) == SIGKILL);

                // Whichever password is tried first, and so settles what the crash left, the outcome is the same.
                const std::string_view now = c.changed ? std::string_view("brand-new-pass-1") : kAdminPassword;
                const std::string_view before = c.changed ? kAdminPassword : std::string_view("brand-new-pass-1");
                if (newPasswordFirst)
                    CHECK(storage::BranchDatabase::open(branch.databasePath(), kAdminName, "brand-new-pass-1")
                              .has_value() == c.changed);
                CHECK_FALSE(storage::BranchDatabase::open(branch.databasePath(), kAdminName, before));
                auto session = branch.login(kAdminName, now);
                CHECK(countEvents(*session, "user.change_password") == (c.changed ? 1 : 0));
                session.reset();
                CHECK_FALSE(storage::BranchDatabase::open(branch.databasePath(), kAdminName, before));
                CHECK(storage::BranchDatabase::open(branch.databasePath(), kAdminName, now));
                CHECK_FALSE(fs::exists(branch.keyringPath().string() + ".next"));
            }
        }
}

// Issue 9, item 13: the back-off holds for every way in. Each login here is a new throttle, as each
// doorstep-cli call is a new process; the count lives beside the database, per user.
TEST_CASE("the login back-off holds across processes and is kept per user", "[session]")
{
    TestBranch branch;
    branch.addUser("officer1", Role::Officer, kOfficerPassword);
    const auto freshLogin = [&](std::string_view user, std::string_view password) {
        app::LoginThrottle throttle(branch.clock);  // what a new process starts with
        return app::Session::login(branch.databasePath(), user, password, throttle, branch.clock);
    };
    for (int i = 0; i < 4; ++i)
        CHECK(freshLogin(kAdminName, "guess-number-" + std::to_string(i)).error().code == ErrorCode::WrongCredentials);
    CHECK(freshLogin(kAdminName, kAdminPassword).error().code == ErrorCode::Throttled);
    // Another user is not held up by someone guessing the administrator's password.
    CHECK(freshLogin("officer1", kOfficerPassword));
    branch.clock.advance(seconds{2});
    CHECK(freshLogin(kAdminName, kAdminPassword));
    // The success cleared the count: three more failures are free again.
    for (int i = 0; i < 3; ++i)
        CHECK(freshLogin(kAdminName, "guess-again-" + std::to_string(i)).error().code == ErrorCode::WrongCredentials);
    CHECK(freshLogin(kAdminName, kAdminPassword));
    // The file holds no user name.
    const std::string file = test::readBytes(app::FailedLogins::pathFor(branch.databasePath()));
    CHECK(file.find("admin") == std::string::npos);
}

TEST_CASE("failed logins are audited at the next login: the user when the name is one, else an unknown user",
          "[session]")
{
    TestBranch branch;
    const User officer = branch.addUser("officer1", Role::Officer, kOfficerPassword);
    CHECK(loginError(branch, "officer1", "wrong-password-1").code == ErrorCode::WrongCredentials);
    // Someone types their password into the name field: it must never reach the database or the audit trail.
    CHECK(loginError(branch, "Officer-Pass-2026!", "whatever").code == ErrorCode::WrongCredentials);
    branch.clock.advance(seconds{60});
    auto admin = branch.loginAdmin();
    const auto events = storage::AuditRepository(admin->database().connection()).latest(3);
    REQUIRE(events.size() == 3);  // newest first: the login, then the two failures in the order they happened
    CHECK(events[0].action == "session.login");
    CHECK(events[2].action == "session.login_failed");
    CHECK(events[2].actor == "officer1");
    CHECK(events[2].recordType == "user");
    CHECK(events[2].recordId == std::to_string(officer.id));
    CHECK(events[1].action == "session.login_failed");
    CHECK(events[1].actor.empty());
    CHECK(events[1].recordId.empty());
    CHECK(events[2].at <= events[1].at);
    storage::AuditRepository(admin->database().connection()).forEach([](const AuditEvent& e) {
        CHECK(e.actor.find("Officer-Pass") == std::string::npos);
        CHECK(e.recordId.find("Officer-Pass") == std::string::npos);
    });
    // Written once: the next login finds nothing more to write.
    admin.reset();
    auto again = branch.loginAdmin();
    const auto after = storage::AuditRepository(again->database().connection()).latest(2);
    CHECK(after[0].action == "session.login");
    CHECK(after[1].action == "session.login");
}
