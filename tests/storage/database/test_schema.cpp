#include "storage/database/schema.h"

#include "app/users/session.h"
#include "domain/audit/audit_event.h"
#include "storage/database/branch_database.h"
#include "storage/database/crypto.h"
#include "storage/users/user_repository.h"
#include "support/file_bytes.h"
#include "support/ledger_check.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <fmt/core.h>

using namespace doorstep;
using namespace doorstep::storage;
using doorstep::test::TempDir;

namespace {

Connection newDatabase(const std::filesystem::path& path)
{
    auto c = Connection::open(path, randomSecret(kKeyBytes), /*create=*/true);
    REQUIRE(c);
    return std::move(*c);
}

std::int64_t count(const Connection& c, std::string_view table)
{
    auto s = c.prepare(fmt::format("SELECT count(*) FROM {}", table));  // our own table names only
    REQUIRE(s.step());
    return s.columnInt(0);
}

bool hasTable(const Connection& c, std::string_view name)
{
    auto s = c.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    s.bind(1, name);
    REQUIRE(s.step());
    return s.columnInt(0) == 1;
}

}  // namespace

TEST_CASE("a new database migrates to the current version with every table", "[schema]")
{
    TempDir dir;
    Connection c = newDatabase(dir / "x.db");
    CHECK(schemaVersion(c) == 0);
    REQUIRE(migrate(c));
    CHECK(schemaVersion(c) == currentSchemaVersion());
    CHECK(currentSchemaVersion() >= 2);
    for (const char* table : {"meta", "users", "audit_event", "settings"})
        CHECK(hasTable(c, table));
    REQUIRE(migrate(c));  // safe to re-run: nothing left to do
    CHECK(schemaVersion(c) == currentSchemaVersion());
}

// Issue acceptance (e): every earlier version upgrades without losing what it held.
TEST_CASE("migrations from every earlier schema version keep the data", "[schema][acceptance]")
{
    for (int from = 0; from < currentSchemaVersion(); ++from) {
        DYNAMIC_SECTION("from version " << from)
        {
            TempDir dir;
            const auto path = dir / "old.db";
            const SecureBuffer key = randomSecret(kKeyBytes);
            {
                auto c = Connection::open(path, key, /*create=*/true);
                REQUIRE(c);
                REQUIRE(migrate(*c, from));
                REQUIRE(schemaVersion(*c) == from);
                // A table no migration knows must come through every step untouched.
                c->execute("CREATE TABLE carried (v TEXT); INSERT INTO carried VALUES ('kept')");
                if (from >= 1) {  // the rows version 1 can hold, written as version 1 wrote them
                    c->execute("INSERT INTO users (username, display_name, role, disabled, created_at) "
                               "VALUES ('li.wei', '李伟', 'supervisor', 1, '2026-01-02T03:04:05Z');"
                               "INSERT INTO meta (key, value) VALUES ('database_id', 'abc');"
                               "INSERT INTO audit_event VALUES (1, '2026-01-02T03:04:05Z', 'admin', 'user.add', "
                               "'user', '1', '" +
                               kGenesisHash + "', 'h')");
                }
            }
            auto c = Connection::open(path, key, /*create=*/false);
            REQUIRE(c);
            REQUIRE(migrate(*c));
            CHECK(schemaVersion(*c) == currentSchemaVersion());
            CHECK(count(*c, "carried") == 1);
            for (const char* table : {"meta", "users", "audit_event", "settings"})
                CHECK(hasTable(*c, table));
            if (from >= 1) {
                const auto user = UserRepository(*c).findByName("li.wei");
                REQUIRE(user);
                CHECK(user->displayName == "李伟");
                CHECK(user->role == Role::Supervisor);
                CHECK(user->disabled);
                CHECK(count(*c, "meta") == 1);
                CHECK(count(*c, "audit_event") == 1);
            }
            c->close();
            auto reopened = Connection::open(path, key, /*create=*/false);
            REQUIRE(reopened);
            CHECK(schemaVersion(*reopened) == currentSchemaVersion());  // the version reached the file
        }
    }
}

TEST_CASE("the migration to version 6 fills the loan ledger from the instalments and payments", "[schema]")
{
    TempDir dir;
    Connection c = newDatabase(dir / "x.db");
    REQUIRE(migrate(c, 5));
    c.execute("INSERT INTO borrowers (id, bank_id, name, id_number, phone, address, district) "
              "VALUES (1, 'C1', 'x', '', '', '', 'd');"
              "INSERT INTO loans (id, bank_id, borrower_id, product, principal_fen, rate_micros, start_date, "
              "term_months, method) VALUES (1, 'L1', 1, 'consumer', 100000, 43500, '2025-01-10', 3, "
              "'equal_instalment'), (2, 'L2', 1, 'mortgage', 5000, 31000, '2024-01-10', 2, 'equal_principal'), "
              "(3, 'L3', 1, 'business', 7000, 50000, '2024-06-01', 1, 'equal_principal');"
              "INSERT INTO instalments (loan_id, seq, due_date, principal_fen, interest_fen) VALUES "
              "(1, 2, '2025-03-10', 33333, 300), (1, 1, '2025-02-10', 33333, 362), (1, 3, '2025-04-10', 33334, 121),"
              "(3, 1, '2024-07-01', 7000, 29);"
              // Payments out of id order by date, two on one day: the ledger keeps ORDER BY paid_date, id.
              "INSERT INTO payments (id, bank_id, loan_id, paid_date, amount_fen) VALUES "
              "(10, 'P10', 1, '2025-03-10', 33633), (11, 'P11', 1, '2025-02-10', 30000), "
              "(12, 'P12', 1, '2025-02-10', 3695), (13, 'P13', 2, '2024-02-10', -5);");
    REQUIRE(migrate(c));
    CHECK(schemaVersion(c) == currentSchemaVersion());
    CHECK(test::ledgerMismatch(c).empty());
    CHECK(count(c, "loan_ledger") == 3);
    std::vector<Payment> paid;
    auto s = c.prepare("SELECT payments FROM loan_ledger WHERE loan_id = 1");
    REQUIRE(s.step());
    decodePayments(s.columnBlob(0), paid);
    REQUIRE(paid.size() == 3);
    CHECK(paid[0].amount.fen == 30000);
    CHECK(paid[1].amount.fen == 3695);
    CHECK(paid[2].amount.fen == 33633);
}

TEST_CASE("a failing step rolls back whole and leaves the file at the version before", "[schema]")
{
    TempDir dir;
    Connection c = newDatabase(dir / "x.db");
    REQUIRE(migrate(c, 1));
    // Step 2 creates `settings`; an existing one makes it fail part-way.
    c.execute("CREATE TABLE settings (x); INSERT INTO settings VALUES ('mine')");
    CHECK_THROWS_AS(migrate(c), DatabaseError);
    CHECK(schemaVersion(c) == 1);
    CHECK(count(c, "settings") == 1);
    c.execute("DROP TABLE settings");
    REQUIRE(migrate(c));  // once the obstacle is gone the step runs normally
    CHECK(schemaVersion(c) == currentSchemaVersion());
}

TEST_CASE("a database newer than this program is refused and left unchanged", "[schema][acceptance]")
{
    const int future = currentSchemaVersion() + 1;

    SECTION("by the migrator")
    {
        TempDir dir;
        Connection c = newDatabase(dir / "x.db");
        REQUIRE(migrate(c));
        c.execute(fmt::format("PRAGMA user_version = {}", future));
        const auto r = migrate(c);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::SchemaTooNew);
        CHECK(schemaVersion(c) == future);
    }
    SECTION("when a branch database is opened")
    {
        test::TestBranch branch;
        test::rawConnection(branch.databasePath(), test::kAdminName, test::kAdminPassword)
            .execute(fmt::format("PRAGMA user_version = {}", future));
        const std::string database = test::readBytes(branch.databasePath());
        const std::string keyring = test::readBytes(branch.keyringPath());

        const auto db = BranchDatabase::open(branch.databasePath(), test::kAdminName, test::kAdminPassword);
        REQUIRE_FALSE(db);
        CHECK(db.error().code == ErrorCode::SchemaTooNew);
        const auto session = app::Session::login(branch.databasePath(), test::kAdminName, test::kAdminPassword,
                                                 branch.throttle, branch.clock);
        REQUIRE_FALSE(session);
        CHECK(session.error().code == ErrorCode::SchemaTooNew);

        CHECK(test::readBytes(branch.databasePath()) == database);
        CHECK(test::readBytes(branch.keyringPath()) == keyring);
    }
}

TEST_CASE("the migration to version 7 keeps every loan and borrower in the book", "[schema]")
{
    TempDir dir;
    Connection c = newDatabase(dir / "x.db");
    REQUIRE(migrate(c, 6));
    c.execute("INSERT INTO borrowers (id, bank_id, name, id_number, phone, address, district) "
              "VALUES (1, 'C1', 'x', '', '', '', 'd');"
              "INSERT INTO loans (id, bank_id, borrower_id, product, principal_fen, rate_micros, start_date, "
              "term_months, method) VALUES (1, 'L1', 1, 'consumer', 100000, 43500, '2025-01-10', 3, "
              "'equal_instalment')");
    REQUIRE(migrate(c));
    CHECK(schemaVersion(c) >= 7);
    CHECK(count(c, "loans WHERE left_book_after IS NULL") == 1);
    CHECK(count(c, "borrowers WHERE left_book_after IS NULL") == 1);
    c.execute("UPDATE loans SET left_book_after = '2026-11-30'");
    CHECK(count(c, "loans INDEXED BY loans_left_book WHERE left_book_after IS NOT NULL") == 1);
}
