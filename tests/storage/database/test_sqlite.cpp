#include "storage/database/sqlite.h"

#include "storage/database/crypto.h"
#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace doorstep;
using namespace doorstep::storage;
using doorstep::test::TempDir;

namespace {

Connection openNew(const std::filesystem::path& path, const SecureBuffer& key)
{
    auto c = Connection::open(path, key, /*create=*/true);
    REQUIRE(c);
    return std::move(*c);
}

std::int64_t scalar(const Connection& c, std::string_view sql)
{
    auto s = c.prepare(sql);
    REQUIRE(s.step());
    return s.columnInt(0);
}

}  // namespace

TEST_CASE("a connection creates an encrypted file and reopens it with the same key", "[sqlite]")
{
    TempDir dir;
    const auto path = dir / "x.db";
    const SecureBuffer key = randomSecret(kKeyBytes);
    {
        Connection c = openNew(path, key);
        c.execute("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('PLAINTEXT-CANARY')");
    }
    CHECK(std::filesystem::status(path).permissions() ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK_FALSE(test::containsBytes(path, "PLAINTEXT-CANARY"));
    CHECK_FALSE(test::containsBytes(path, "SQLite format 3"));  // not even the plain header

    auto again = Connection::open(path, key, /*create=*/false);
    REQUIRE(again);
    auto s = again->prepare("SELECT v FROM t");
    REQUIRE(s.step());
    CHECK(s.columnText(0) == "PLAINTEXT-CANARY");
    CHECK(scalar(*again, "PRAGMA foreign_keys") == 1);
    auto mode = again->prepare("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.columnText(0) == "wal");
}

TEST_CASE("opening checks presence, refuses to overwrite and proves the key", "[sqlite]")
{
    TempDir dir;
    const auto path = dir / "x.db";
    const SecureBuffer key = randomSecret(kKeyBytes);
    CHECK(Connection::open(path, key, false).error().code == ErrorCode::FileMissing);
    CHECK_FALSE(std::filesystem::exists(path));
    openNew(path, key).execute("CREATE TABLE t (v)");
    const std::string before = test::readBytes(path);

    CHECK(Connection::open(path, key, true).error().code == ErrorCode::AlreadyExists);
    CHECK(Connection::open(path, randomSecret(kKeyBytes), false).error().code == ErrorCode::WrongCredentials);
    CHECK(test::readBytes(path) == before);
}

TEST_CASE("statements bind values, so quotes in data are data", "[sqlite]")
{
    TempDir dir;
    Connection c = openNew(dir / "x.db", randomSecret(kKeyBytes));
    c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, opt TEXT)");
    const std::string tricky = "Robert'); DROP TABLE t;--";
    c.prepare("INSERT INTO t (name, n, opt) VALUES (?, ?, ?)")
        .bind(1, tricky)
        .bind(2, std::int64_t{-5})
        .bind(3, std::nullopt)
        .run();
    CHECK(c.lastInsertId() == 1);
    CHECK(c.changes() == 1);

    auto s = c.prepare("SELECT name, n, opt FROM t WHERE name = ?");
    s.bind(1, tricky);
    REQUIRE(s.step());
    CHECK(s.columnText(0) == tricky);
    CHECK(s.columnInt(1) == -5);
    CHECK(s.columnIsNull(2));
    CHECK(s.columnText(2).empty());
    CHECK_FALSE(s.step());

    s.reset();
    s.bind(1, std::string_view("nobody"));
    CHECK_FALSE(s.step());

    auto b = c.prepare("SELECT ?");
    b.bindBool(1, true);
    REQUIRE(b.step());
    CHECK(b.columnInt(0) == 1);
}

TEST_CASE("malformed SQL and broken constraints throw DatabaseError", "[sqlite]")
{
    TempDir dir;
    Connection c = openNew(dir / "x.db", randomSecret(kKeyBytes));
    c.execute("CREATE TABLE t (v TEXT NOT NULL UNIQUE)");
    CHECK_THROWS_AS(c.prepare("SELEKT 1"), DatabaseError);
    CHECK_THROWS_AS(c.execute("INSERT INTO nowhere VALUES (1)"), DatabaseError);
    c.execute("INSERT INTO t VALUES ('a')");
    try {
        c.prepare("INSERT INTO t VALUES (?)").bind(1, std::string_view("a")).run();
        FAIL("a duplicate was inserted");
    } catch (const DatabaseError& e) {
        CHECK_THAT(e.what(), Catch::Matchers::ContainsSubstring("UNIQUE"));
    }
}

TEST_CASE("a transaction rolls back unless committed", "[sqlite]")
{
    TempDir dir;
    Connection c = openNew(dir / "x.db", randomSecret(kKeyBytes));
    c.execute("CREATE TABLE t (v)");
    {
        Transaction tx(c);
        c.execute("INSERT INTO t VALUES (1)");
    }
    CHECK(scalar(c, "SELECT count(*) FROM t") == 0);
    {
        Transaction tx(c);
        c.execute("INSERT INTO t VALUES (1)");
        tx.commit();
    }
    CHECK(scalar(c, "SELECT count(*) FROM t") == 1);
}

TEST_CASE("foreign keys are off for a guard's scope only, also when it ends by an exception", "[sqlite]")
{
    TempDir dir;
    Connection c = openNew(dir / "x.db", randomSecret(kKeyBytes));
    c.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (p INTEGER REFERENCES parent (id))");
    CHECK(scalar(c, "PRAGMA foreign_keys") == 1);
    {
        const ForeignKeysOff off(c);
        Transaction tx(c);
        c.execute("INSERT INTO child VALUES (7)");  // no parent 7: not checked
        c.execute("DELETE FROM child");
        tx.commit();
    }
    CHECK(scalar(c, "PRAGMA foreign_keys") == 1);
    CHECK_THROWS_AS(c.execute("INSERT INTO child VALUES (7)"), DatabaseError);
    try {
        const ForeignKeysOff off(c);
        Transaction tx(c);
        CHECK(scalar(c, "PRAGMA foreign_keys") == 0);
        throw std::runtime_error("cancelled");
    } catch (const std::runtime_error&) {
    }
    CHECK(scalar(c, "PRAGMA foreign_keys") == 1);
    // Inside a transaction SQLite would ignore the pragma: refused rather than silently doing nothing.
    Transaction tx(c);
    CHECK_THROWS_AS(ForeignKeysOff(c), std::logic_error);
}

TEST_CASE("blobs are bound and read back byte for byte, an empty one as empty", "[sqlite]")
{
    TempDir dir;
    Connection c = openNew(dir / "x.db", randomSecret(kKeyBytes));
    c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB NOT NULL)");
    const std::string bytes("\x00\x01\xff ok\x00", 6);
    c.prepare("INSERT INTO t VALUES (1, ?)").bindBlob(1, bytes).run();
    c.prepare("INSERT INTO t VALUES (2, ?)").bindBlob(1, {}).run();  // NOT NULL holds: empty, not NULL
    auto s = c.prepare("SELECT b, typeof(b) FROM t ORDER BY id");
    REQUIRE(s.step());
    CHECK(std::string(s.columnBlob(0)) == bytes);
    CHECK(s.columnText(1) == "blob");
    REQUIRE(s.step());
    CHECK(s.columnBlob(0).empty());
    CHECK(s.columnText(1) == "blob");
}

TEST_CASE("re-keying moves the whole file to the new key", "[sqlite]")
{
    TempDir dir;
    const auto path = dir / "x.db";
    const SecureBuffer oldKey = randomSecret(kKeyBytes);
    const SecureBuffer newKey = randomSecret(kKeyBytes);
    {
        Connection c = openNew(path, oldKey);
        c.execute("CREATE TABLE t (v); INSERT INTO t VALUES (42)");
        REQUIRE(c.rekey(newKey));
        CHECK(scalar(c, "SELECT v FROM t") == 42);  // the open connection keeps working
    }
    CHECK(Connection::open(path, oldKey, false).error().code == ErrorCode::WrongCredentials);
    auto c = Connection::open(path, newKey, false);
    REQUIRE(c);
    CHECK(scalar(*c, "SELECT v FROM t") == 42);
    auto mode = c->prepare("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.columnText(0) == "wal");
}
