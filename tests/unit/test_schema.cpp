#include "storage/schema.h"

#include "app/session.h"
#include "domain/audit_event.h"
#include "storage/branch_database.h"
#include "storage/crypto.h"
#include "storage/user_repository.h"
#include "support/file_bytes.h"
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
