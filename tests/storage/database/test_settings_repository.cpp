#include "storage/database/settings_repository.h"

#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace doorstep;
using namespace doorstep::storage;

namespace {

struct Fixture {
    test::TempDir dir;
    Connection db = test::migratedDatabase(dir / "settings.db");
    SettingsRepository settings{db};
};

std::int64_t settingRows(const Connection& db)
{
    auto stmt = db.prepare("SELECT count(*) FROM settings");
    stmt.step();
    return stmt.columnInt(0);
}

}  // namespace

TEST_CASE("a setting never set reads as absent", "[settings_repository]")
{
    Fixture f;
    CHECK_FALSE(f.settings.get("delinquency.penalty_markup_percent").has_value());
    CHECK_FALSE(f.settings.get("").has_value());
    CHECK(settingRows(f.db) == 0);
}

TEST_CASE("a setting reads back as written, and writing it again replaces it", "[settings_repository]")
{
    Fixture f;
    f.settings.set("delinquency.penalty_markup_percent", "40");
    f.settings.set("delinquency.allocation_order", "principal,interest,compound,penalty");
    CHECK(f.settings.get("delinquency.penalty_markup_percent") == "40");
    CHECK(f.settings.get("delinquency.allocation_order") == "principal,interest,compound,penalty");

    f.settings.set("delinquency.penalty_markup_percent", "30");
    CHECK(f.settings.get("delinquency.penalty_markup_percent") == "30");
    CHECK(settingRows(f.db) == 2);  // replaced in place, not a second row
}

TEST_CASE("keys are exact: no prefix or case matching", "[settings_repository]")
{
    Fixture f;
    f.settings.set("delinquency.bucket_last_days", "30,60,90,120,150,180");
    CHECK_FALSE(f.settings.get("delinquency.bucket").has_value());
    CHECK_FALSE(f.settings.get("Delinquency.bucket_last_days").has_value());
    CHECK_FALSE(f.settings.get("delinquency.bucket_last_days ").has_value());
    CHECK(f.settings.get("delinquency.bucket_last_days") == "30,60,90,120,150,180");
}

TEST_CASE("values are stored as given: empty, UTF-8, quotes and SQL-looking text", "[settings_repository]")
{
    Fixture f;
    const std::string tricky = "x'); DROP TABLE settings; --";
    f.settings.set("empty", "");
    f.settings.set("chinese", "浦东新区");
    f.settings.set("tricky", tricky);
    f.settings.set(tricky, "as a key too");
    CHECK(f.settings.get("empty") == "");
    CHECK(f.settings.get("chinese") == "浦东新区");
    CHECK(f.settings.get("tricky") == tricky);
    CHECK(f.settings.get(tricky) == "as a key too");
    CHECK(settingRows(f.db) == 4);
}

TEST_CASE("a setting written inside a rolled-back transaction is gone", "[settings_repository]")
{
    Fixture f;
    f.settings.set("kept", "1");
    {
        Transaction tx(f.db);
        f.settings.set("kept", "2");
        f.settings.set("dropped", "3");
    }  // no commit
    CHECK(f.settings.get("kept") == "1");
    CHECK_FALSE(f.settings.get("dropped").has_value());
}
