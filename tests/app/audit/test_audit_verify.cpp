#include "app/audit/audit_verify.h"

#include "app/users/user_admin.h"
#include "storage/audit/audit_repository.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace doorstep;
using Catch::Matchers::ContainsSubstring;
using doorstep::test::kAdminName;
using doorstep::test::kAdminPassword;
using doorstep::test::TestBranch;

namespace {

constexpr std::string_view kOfficerPassword = "officer-pass-2026";

// A branch whose trail holds six events: database.create, user.add, session.login, user.add,
// user.set_role, session.lock.
struct Trail {
    TestBranch branch;
    Trail()
    {
        auto admin = branch.loginAdmin();
        app::UserAdministration users(*admin);
        const auto officer = users.add({"officer1", "Officer One", Role::Officer, std::string(kOfficerPassword)});
        REQUIRE(officer);
        REQUIRE(users.setRole(officer->id, Role::Supervisor));
        admin->lock(false);
    }

    // What an attacker holding a password and the program's source can do: open the file below the
    // use cases, drop the append-only triggers and edit the table.
    void tamper(std::string_view sql) const
    {
        const auto c = test::rawConnection(branch.databasePath(), kAdminName, kAdminPassword);
        c.execute("DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;");
        c.execute(sql);
    }

    app::AuditVerification verify() const
    {
        auto db = storage::BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
        REQUIRE(db);
        return app::verifyAuditChain(db->connection());
    }
};

}  // namespace

TEST_CASE("an untouched audit trail is intact", "[audit_verify]")
{
    Trail t;
    const auto v = t.verify();
    CHECK(v.intact);
    CHECK(v.eventsChecked == 6);
    CHECK(v.brokenAt == 0);
    CHECK(v.problem.empty());
}

TEST_CASE("an empty audit trail is intact", "[audit_verify]")
{
    test::TempDir dir;
    auto c = storage::Connection::open(dir / "x.db", storage::randomSecret(storage::kKeyBytes), true);
    REQUIRE(c);
    c->execute("CREATE TABLE audit_event (sequence INTEGER PRIMARY KEY, at TEXT, actor TEXT, action TEXT, "
               "record_type TEXT, record_id TEXT, previous_hash TEXT, hash TEXT)");
    const auto v = app::verifyAuditChain(*c);
    CHECK(v.intact);
    CHECK(v.eventsChecked == 0);
}

// Issue acceptance (f): a tampered audit event is detected, and the report says where.
TEST_CASE("a tampered audit trail is detected at the right event", "[audit_verify][acceptance]")
{
    Trail t;
    REQUIRE(t.verify().intact);

    SECTION("a field changed")
    {
        t.tamper("UPDATE audit_event SET actor = 'mallory' WHERE sequence = 3");
        const auto v = t.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.brokenAt == 3);
        CHECK_THAT(v.problem, ContainsSubstring("changed"));
    }
    SECTION("a field changed and its hash recomputed")
    {
        // The chain catches the next event instead: it still names the old hash.
        AuditEvent forged;
        {
            auto db = storage::BranchDatabase::open(t.branch.databasePath(), kAdminName, kAdminPassword);
            REQUIRE(db);
            forged = storage::AuditRepository(db->connection()).latest(4).back();
        }
        REQUIRE(forged.sequence == 3);
        forged.action = "session.lock";
        t.tamper("UPDATE audit_event SET action = 'session.lock', hash = '" + storage::auditEventHash(forged) +
                 "' WHERE sequence = 3");
        const auto v = t.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.brokenAt == 4);
        CHECK_THAT(v.problem, ContainsSubstring("does not follow"));
    }
    SECTION("a middle event deleted")
    {
        t.tamper("DELETE FROM audit_event WHERE sequence = 3");
        const auto v = t.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.brokenAt == 3);
        CHECK_THAT(v.problem, ContainsSubstring("missing"));
    }
    SECTION("two events swapped")
    {
        t.tamper("UPDATE audit_event SET sequence = -1 WHERE sequence = 2;"
                 "UPDATE audit_event SET sequence = 2 WHERE sequence = 3;"
                 "UPDATE audit_event SET sequence = 3 WHERE sequence = -1;");
        const auto v = t.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.brokenAt == 2);
    }
    SECTION("the first event's time changed")
    {
        t.tamper("UPDATE audit_event SET at = '2020-01-01T00:00:00Z' WHERE sequence = 1");
        const auto v = t.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.brokenAt == 1);
    }
}

TEST_CASE("verifying through the use case checks the role and records a good result", "[audit_verify]")
{
    Trail t;
    SECTION("administrators and supervisors may verify")
    {
        // officer1 was promoted to supervisor by the trail.
        auto supervisor = t.branch.login("officer1", kOfficerPassword);
        const auto v = app::verifyAudit(*supervisor);
        REQUIRE(v);
        CHECK(v->intact);
        CHECK(v->eventsChecked == 7);  // the trail and this login
        const auto last = storage::AuditRepository(supervisor->database().connection()).latest(1).front();
        CHECK(last.action == "audit.verify");
        CHECK(last.recordId == "7");
    }
    SECTION("a broken trail is reported, not papered over with a new event")
    {
        t.tamper("UPDATE audit_event SET record_id = '99' WHERE sequence = 4");
        auto admin = t.branch.loginAdmin();
        const auto v = app::verifyAudit(*admin);
        REQUIRE(v);
        CHECK_FALSE(v->intact);
        CHECK(v->brokenAt == 4);
        CHECK(storage::AuditRepository(admin->database().connection()).latest(1).front().action == "session.login");
    }
    SECTION("officers may not")
    {
        t.branch.addUser("officer2", Role::Officer, kOfficerPassword);
        auto officer = t.branch.login("officer2", kOfficerPassword);
        CHECK(app::verifyAudit(*officer).error().code == ErrorCode::PermissionDenied);
        CHECK(app::recentAuditEvents(*officer, 10).error().code == ErrorCode::PermissionDenied);
    }
}

TEST_CASE("recent audit events come newest first", "[audit_verify]")
{
    Trail t;
    auto admin = t.branch.loginAdmin();
    const auto events = app::recentAuditEvents(*admin, 3);
    REQUIRE(events);
    REQUIRE(events->size() == 3);
    CHECK((*events)[0].action == "session.login");
    CHECK((*events)[0].sequence == 7);
    CHECK((*events)[1].action == "session.lock");
    CHECK((*events)[2].action == "user.set_role");
}
