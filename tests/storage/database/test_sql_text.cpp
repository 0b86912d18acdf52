#include "storage/database/sql_text.h"

#include "storage/database/crypto.h"
#include "storage/database/sqlite.h"
#include "support/temp_dir.h"

#include <catch2/catch_test_macros.hpp>

#include <array>

using namespace doorstep;
using namespace doorstep::storage;

namespace {
constexpr std::array<std::string_view, 3> kColumns = {"k", "a", "b"};
constexpr std::array<std::string_view, 1> kKey = {"k"};
}  // namespace

TEST_CASE("sql text: one column list gives the INSERT, the upsert and the UPDATE", "[storage]")
{
    CHECK(insertSql("t", kColumns) == "INSERT INTO t (k, a, b) VALUES (?,?,?)");
    CHECK(insertSql("t", kColumns, "INSERT OR IGNORE") == "INSERT OR IGNORE INTO t (k, a, b) VALUES (?,?,?)");
    CHECK(updateSql("t", std::array<std::string_view, 2>{"a", "b"}, "k=?") == "UPDATE t SET a=?, b=? WHERE k=?");
    CHECK(upsertSql("t", kColumns, kKey, false) ==
          "INSERT INTO t (k, a, b) VALUES (?,?,?) ON CONFLICT (k) DO UPDATE SET a=excluded.a, b=excluded.b");
    CHECK(upsertSql("t", kColumns, kKey, true) ==
          "INSERT INTO t (k, a, b) VALUES (?,?,?) ON CONFLICT (k) DO UPDATE SET a=excluded.a, b=excluded.b "
          "WHERE a IS NOT excluded.a OR b IS NOT excluded.b");
}

TEST_CASE("sql text: the upsert that waits for a change leaves an unchanged row alone, NULLs included", "[storage]")
{
    test::TempDir dir;
    auto opened = Connection::open(dir.path() / "t.db", randomSecret(kKeyBytes), /*create=*/true);
    REQUIRE(opened);
    const Connection& db = *opened;
    db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, a TEXT, b INTEGER)");
    const std::string always = upsertSql("t", kColumns, kKey, false);
    const std::string onChange = upsertSql("t", kColumns, kKey, true);
    const auto put = [&](const std::string& sql, std::string_view a, std::optional<std::int64_t> b) {
        auto s = db.prepare(sql);
        s.bind(1, std::int64_t{1}).bind(2, a);
        if (b)
            s.bind(3, *b);
        else
            s.bind(3, std::nullopt);
        s.run();
        return db.changes();
    };
    CHECK(put(onChange, "x", std::nullopt) == 1);  // inserted
    CHECK(put(onChange, "x", std::nullopt) == 0);  // the same, NULL and all: untouched
    CHECK(put(always, "x", std::nullopt) == 1);    // the plain upsert rewrites it
    CHECK(put(onChange, "x", 7) == 1);             // one value changed
    auto q = db.prepare("SELECT a, b FROM t WHERE k = 1");
    REQUIRE(q.step());
    CHECK(q.columnText(0) == "x");
    CHECK(q.columnInt(1) == 7);
}
