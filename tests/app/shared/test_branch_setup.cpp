#include "app/shared/branch_setup.h"

#include "app/appointments/appointment_service.h"
#include "app/appointments/appointment_settings.h"
#include "app/portfolio/portfolio_service.h"

#include "app/users/session.h"
#include "storage/audit/audit_repository.h"
#include "storage/database/keyring.h"
#include "support/file_bytes.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <set>

using namespace doorstep;
namespace fs = std::filesystem;

namespace {

app::FirstAdministrator firstAdmin()
{
    return {"chief", "支行管理员", "branch-key-2026"};
}

}  // namespace

TEST_CASE("a new branch has its first administrator and says so in the audit trail", "[branch_setup]")
{
    test::TempDir dir;
    const auto db = dir / "nested" / "folder" / "branch.db";  // missing folders are made
    REQUIRE(app::createBranchDatabase(db, firstAdmin(), test::fastKdf()));
    CHECK(fs::exists(db));
    CHECK(fs::exists(storage::Keyring::pathFor(db)));

    test::ManualClock clock;
    app::LoginThrottle throttle(clock);
    auto session = app::Session::login(db, "chief", "branch-key-2026", throttle, clock);
    REQUIRE(session);
    CHECK((*session)->user().role == Role::Administrator);
    CHECK((*session)->user().displayName == "支行管理员");
    std::vector<std::string> actions;
    storage::AuditRepository((*session)->database().connection()).forEach([&](const AuditEvent& e) {
        actions.push_back(e.action);
        CHECK(e.actor == "chief");
    });
    CHECK(actions == std::vector<std::string>{"database.create", "user.add", "session.login"});
}

TEST_CASE("creating a branch checks the first administrator before writing anything", "[branch_setup]")
{
    test::TempDir dir;
    const auto db = dir / "branch.db";
    auto bad = firstAdmin();
    SECTION("user name")
    {
        bad.username = "chief admin";
    }
    SECTION("display name")
    {
        bad.displayName = "";
    }
    SECTION("password")
    {
        bad.password = "chief-2026";
    }  // contains the user name
    const auto r = app::createBranchDatabase(db, bad, test::fastKdf());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::InvalidInput);
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("creating a branch never overwrites one", "[branch_setup]")
{
    test::TestBranch branch;
    const std::string before = test::readBytes(branch.databasePath());
    const auto r = app::createBranchDatabase(branch.databasePath(), firstAdmin(), test::fastKdf());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::AlreadyExists);
    CHECK(test::readBytes(branch.databasePath()) == before);
}

TEST_CASE("the demo accounts are synthetic, distinct and valid", "[branch_setup]")
{
    const auto& accounts = app::demoAccounts();
    REQUIRE(accounts.size() == 4);
    CHECK(accounts.front().role == Role::Administrator);
    std::set<Role> roles;
    std::set<std::string> names;
    for (const auto& a : accounts) {
        CHECK(validateUsername(a.username));
        CHECK(validateNewPassword(a.password, a.username));
        CHECK(a.displayName.ends_with("（演示）"));  // marked as demo wherever it is shown, in full-width brackets
        CHECK(a.displayName.find_first_of("()") == std::string::npos);
        roles.insert(a.role);
        names.insert(a.username);
    }
    CHECK(roles.size() == 3);
    CHECK(names.size() == accounts.size());
}

TEST_CASE("the demo branch is made once, kept, and remade on request", "[branch_setup]")
{
    test::TempDir dir;
    const auto db = dir / "demo" / "demo-branch.db";
    CHECK(app::ensureDemoDatabase(db, /*reset=*/false, test::fastKdf(), /*loans=*/40).value());
    test::ManualClock clock;
    app::LoginThrottle throttle(clock);
    for (const auto& a : app::demoAccounts()) {
        auto s = app::Session::login(db, a.username, a.password, throttle, clock);
        REQUIRE(s);
        CHECK((*s)->user().role == a.role);
        // The synthetic portfolio went in through the importer: supervisors see all of it, officers theirs.
        const auto loans = app::PortfolioService(**s).count({});
        if (a.role == Role::Supervisor) CHECK(loans.value() == 40);
        if (a.role == Role::Officer) CHECK((loans.value() > 0 && loans.value() < 40));
        // The demo activity booked visits around today (issue 10).
        if (a.role == Role::Supervisor) {
            const Date today = app::localDateTime(std::chrono::system_clock::now()).date;
            CHECK_FALSE(app::AppointmentService(**s).appointments(addDays(today, -14), addDays(today, 14))->empty());
        }
    }
    const std::string id = storage::Keyring::load(storage::Keyring::pathFor(db)).value().databaseId();
    CHECK_FALSE(app::ensureDemoDatabase(db, false, test::fastKdf(), 40).value());
    CHECK(storage::Keyring::load(storage::Keyring::pathFor(db)).value().databaseId() == id);

    CHECK(app::ensureDemoDatabase(db, /*reset=*/true, test::fastKdf(), /*loans=*/0).value());
    CHECK(storage::Keyring::load(storage::Keyring::pathFor(db)).value().databaseId() != id);
    CHECK(app::Session::login(db, "officer1", app::demoAccounts()[2].password, throttle, clock));
}
