#include "storage/database/branch_database.h"

#include "app/users/user_admin.h"
#include "storage/database/schema.h"
#include "support/file_bytes.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <chrono>
#include <cstdio>
#include <optional>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace doorstep;
using namespace doorstep::storage;
using doorstep::test::kAdminName;
using doorstep::test::kAdminPassword;
using doorstep::test::TestBranch;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kOfficer = "officer1";
constexpr std::string_view kOfficerPassword = "officer-pass-2026";

Error openError(const fs::path& db, std::string_view user, std::string_view password)
{
    auto r = BranchDatabase::open(db, user, password);
    REQUIRE_FALSE(r);
    return r.error();
}

// Both files of a branch, to show a refused open changed nothing.
struct Snapshot {
    explicit Snapshot(const TestBranch& b)
        : database(test::readBytes(b.databasePath())), keyring(test::readBytes(b.keyringPath()))
    {}
    bool unchanged(const TestBranch& b) const
    {
        return test::readBytes(b.databasePath()) == database && test::readBytes(b.keyringPath()) == keyring;
    }
    std::string database;
    std::string keyring;
};

struct Command {
    int status = -1;
    std::string output;
};

Command runShell(const std::string& line)
{
    Command result;
    FILE* pipe = ::popen((line + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr)
        result.output += buffer;
    const int raw = ::pclose(pipe);
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return result;
}

}  // namespace

TEST_CASE("a new branch database and its keyring are private files that open with the password", "[branch_database]")
{
    TestBranch branch;
    const auto privateMode = fs::perms::owner_read | fs::perms::owner_write;
    CHECK(fs::status(branch.databasePath()).permissions() == privateMode);
    CHECK(fs::status(branch.keyringPath()).permissions() == privateMode);

    auto db = BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
    REQUIRE(db);
    CHECK(db->connection().isOpen());
    CHECK(db->path() == branch.databasePath());
    CHECK(db->keyring().usernames() == std::vector<std::string>{"admin"});
    CHECK(schemaVersion(db->connection()) == currentSchemaVersion());
    db->close();
    CHECK_FALSE(db->connection().isOpen());
}

TEST_CASE("creating over an existing database or keyring is refused and touches nothing", "[branch_database]")
{
    TestBranch branch;
    const Snapshot before(branch);
    auto again = BranchDatabase::create(branch.databasePath(), "other", "other-pass-2026", test::fastKdf());
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::AlreadyExists);
    CHECK(before.unchanged(branch));

    // A keyring alone (its database lost) is also kept: it may be all that is left to recover with.
    const auto lonely = branch.dir() / "lonely.db";
    test::writeBytes(Keyring::pathFor(lonely), "keep me");
    CHECK(BranchDatabase::create(lonely, "other", "other-pass-2026", test::fastKdf()).error().code ==
          ErrorCode::AlreadyExists);
    CHECK_FALSE(fs::exists(lonely));
    CHECK(test::readBytes(Keyring::pathFor(lonely)) == "keep me");
}

// Issue acceptance (a): nothing stored reaches the disk in plain text, in the database, its WAL or the keyring.
TEST_CASE("the files on disk contain none of the plaintext that was stored", "[branch_database][acceptance]")
{
    TestBranch branch;
    const std::string latinName = "ZHANG-SENTINEL-4711";
    const std::string chineseName = "张伟哨兵四七一一";
    const std::string password1 = "Sentinel-Password-0815";
    const std::string password2 = "另一个哨兵密码-0816";
    auto admin = branch.loginAdmin();
    REQUIRE(app::UserAdministration(*admin).add({"sentinel.latin", latinName, Role::Officer, password1}));
    REQUIRE(app::UserAdministration(*admin).add({"sentinel.cn", chineseName, Role::Supervisor, password2}));

    const std::vector<std::string> secrets{
        latinName, chineseName, password1, password2, std::string(kAdminPassword), "Branch Administrator"};
    const auto scan = [&] {
        int scanned = 0;
        for (const auto& entry : fs::directory_iterator(branch.dir().path())) {
            const std::string bytes = test::readBytes(entry.path());
            const bool isKeyring = entry.path() == branch.keyringPath();
            INFO("file " << entry.path().filename().string());
            for (const auto& secret : secrets) {
                INFO("secret " << secret);
                CHECK(bytes.find(secret) == std::string::npos);
            }
            // User names are the keyring's slot labels by design; inside the database they are data.
            if (!isKeyring) CHECK(bytes.find("sentinel.latin") == std::string::npos);
            CHECK(bytes.find("SQLite format 3") == std::string::npos);
            ++scanned;
        }
        return scanned;
    };
    // While the session is open the newest pages live in the write-ahead log: it must be encrypted too.
    REQUIRE(fs::exists(branch.databasePath().string() + "-wal"));
    CHECK(scan() >= 3);
    admin->lock(false);
    admin.reset();
    CHECK(scan() >= 2);
    // And the data really is in there: the check above is not passing on an empty file.
    auto db = BranchDatabase::open(branch.databasePath(), "sentinel.cn", password2);
    REQUIRE(db);
    auto names = db->connection().prepare("SELECT display_name FROM users WHERE username = 'sentinel.latin'");
    REQUIRE(names.step());
    CHECK(names.columnText(0) == latinName);
}

// Issue acceptance (b): the stock sqlite3 tool cannot read the file.
TEST_CASE("the stock sqlite3 command-line tool cannot read the database", "[branch_database][acceptance]")
{
    constexpr const char* kSqlite3 = "/usr/bin/sqlite3";
    if (!fs::exists(kSqlite3)) SKIP("sqlite3 is not installed");
    TestBranch branch;
    const Snapshot before(branch);
    const auto r = runShell(std::string(kSqlite3) + " '" + branch.databasePath().string() +
                            "' 'SELECT * FROM sqlite_master' </dev/null");
    CHECK(r.status != 0);
    CHECK_THAT(r.output, Catch::Matchers::ContainsSubstring("file is not a database"));
    CHECK_THAT(r.output, !Catch::Matchers::ContainsSubstring("CREATE TABLE"));
    CHECK(before.unchanged(branch));
    CHECK(BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword));
}

// Issue acceptance (c): a wrong password fails cleanly and says no more than an unknown user name.
TEST_CASE("a wrong password reads exactly like an unknown user", "[branch_database][acceptance]")
{
    TestBranch branch;
    const Snapshot before(branch);
    const Error wrong = openError(branch.databasePath(), kAdminName, "admin-pass-2025");
    CHECK(wrong.code == ErrorCode::WrongCredentials);
    const Error unknown = openError(branch.databasePath(), "nobody", kAdminPassword);  // one moderate derivation
    CHECK(unknown.code == ErrorCode::WrongCredentials);
    CHECK(unknown.message == wrong.message);
    CHECK(wrong.message.find("admin") == std::string::npos);
    CHECK(before.unchanged(branch));
    CHECK(BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword));
}

TEST_CASE("a missing database or keyring is FileMissing", "[branch_database]")
{
    TestBranch branch;
    CHECK(openError(branch.dir() / "elsewhere.db", kAdminName, kAdminPassword).code == ErrorCode::FileMissing);
    fs::remove(branch.keyringPath());
    CHECK(openError(branch.databasePath(), kAdminName, kAdminPassword).code == ErrorCode::FileMissing);
}

TEST_CASE("a damaged database file is FileCorrupt and is never repaired", "[branch_database]")
{
    TestBranch branch;
    std::string content;
    SECTION("empty") {}
    SECTION("text")
    {
        content = "This is a shopping list, not a database.\n";
    }
    SECTION("random pages")
    {
        const Bytes noise = randomBytes(8192);
        content.assign(noise.begin(), noise.end());
    }
    SECTION("truncated")
    {
        content = test::readBytes(branch.databasePath()).substr(0, 1000);
    }
    test::writeBytes(branch.databasePath(), content);
    const std::string keyring = test::readBytes(branch.keyringPath());

    CHECK(openError(branch.databasePath(), kAdminName, kAdminPassword).code == ErrorCode::FileCorrupt);
    CHECK(test::readBytes(branch.databasePath()) == content);
    CHECK(test::readBytes(branch.keyringPath()) == keyring);
}

TEST_CASE("an unencrypted SQLite file in the database's place is FileCorrupt and kept", "[branch_database]")
{
    if (!fs::exists("/usr/bin/sqlite3")) SKIP("sqlite3 is not installed");
    TestBranch branch;
    fs::remove(branch.databasePath());
    REQUIRE(runShell("/usr/bin/sqlite3 '" + branch.databasePath().string() + "' 'CREATE TABLE t (v)'").status == 0);
    const std::string plain = test::readBytes(branch.databasePath());
    CHECK(openError(branch.databasePath(), kAdminName, kAdminPassword).code == ErrorCode::FileCorrupt);
    CHECK(test::readBytes(branch.databasePath()) == plain);
}

TEST_CASE("a damaged keyring is FileCorrupt and both files are kept", "[branch_database]")
{
    TestBranch branch;
    test::writeBytes(branch.keyringPath(), "doorstep-keyring 1\ngarbage\n");
    const Snapshot before(branch);
    CHECK(openError(branch.databasePath(), kAdminName, kAdminPassword).code == ErrorCode::FileCorrupt);
    CHECK(before.unchanged(branch));
}

TEST_CASE("a keyring that belongs to another database is FileCorrupt", "[branch_database]")
{
    TestBranch branch;
    TestBranch other;  // same user name and password, different key and id
    SECTION("another database's keyring")
    {
        fs::copy_file(other.keyringPath(), branch.keyringPath(), fs::copy_options::overwrite_existing);
    }
    SECTION("a forged keyring with the right key but another database id")
    {
        Keyring forged = Keyring::create();
        const SecureBuffer key = test::databaseKey(branch.databasePath(), kAdminName, kAdminPassword);
        REQUIRE(forged.setSlot(kAdminName, kAdminPassword, key, test::fastKdf()));
        REQUIRE(forged.save(branch.keyringPath()));
    }
    const Snapshot before(branch);
    const Error e = openError(branch.databasePath(), kAdminName, kAdminPassword);
    CHECK(e.code == ErrorCode::FileCorrupt);
    CHECK_THAT(e.message, Catch::Matchers::ContainsSubstring("belong"));
    CHECK(before.unchanged(branch));
}

TEST_CASE("an encrypted database without Doorstep's identity is FileCorrupt", "[branch_database]")
{
    TestBranch branch;
    test::rawConnection(branch.databasePath(), kAdminName, kAdminPassword).execute("DELETE FROM meta");
    CHECK(openError(branch.databasePath(), kAdminName, kAdminPassword).code == ErrorCode::FileCorrupt);
}

TEST_CASE("slot changes reach the keyring file at once", "[branch_database]")
{
    TestBranch branch;
    auto db = BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
    REQUIRE(db);
    REQUIRE(db->setSlot(kOfficer, kOfficerPassword, test::fastKdf()));
    CHECK(Keyring::load(branch.keyringPath()).value().hasSlot(kOfficer));
    CHECK(BranchDatabase::open(branch.databasePath(), kOfficer, kOfficerPassword));

    CHECK(db->changePassword(kAdminName, "wrong-old-pass-1", "new-admin-pass-1", test::fastKdf()).error().code ==
          ErrorCode::WrongCredentials);
    REQUIRE(db->changePassword(kAdminName, kAdminPassword, "new-admin-pass-1", test::fastKdf()));
    CHECK(BranchDatabase::open(branch.databasePath(), kAdminName, "new-admin-pass-1"));
    CHECK(openError(branch.databasePath(), kAdminName, kAdminPassword).code == ErrorCode::WrongCredentials);
}

TEST_CASE("removing a slot re-keys the file so the old key opens nothing", "[branch_database]")
{
    TestBranch branch;
    auto db = BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
    REQUIRE(db);
    REQUIRE(db->setSlot(kOfficer, kOfficerPassword, test::fastKdf()));
    const SecureBuffer oldKey = test::databaseKey(branch.databasePath(), kOfficer, kOfficerPassword);

    REQUIRE(db->removeSlotAndRekey(kOfficer));
    CHECK_FALSE(db->keyring().hasSlot(kOfficer));
    CHECK(db->connection().prepare("SELECT count(*) FROM users").step());  // still usable
    db->close();

    const auto saved = Keyring::load(branch.keyringPath());
    REQUIRE(saved);
    CHECK_FALSE(saved->hasSlot(kOfficer));
    CHECK_FALSE(saved->hasPendingKey());
    CHECK_FALSE(test::databaseKey(branch.databasePath(), kAdminName, kAdminPassword) == oldKey);
    CHECK(Connection::open(branch.databasePath(), oldKey, false).error().code == ErrorCode::WrongCredentials);
    CHECK(BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword));
}

// A re-key stages the new key in every slot, then changes the file, then commits. A crash between the
// steps leaves a keyring with a pending key; the next open must finish or undo the re-key.
TEST_CASE("an interrupted re-key is finished or undone on the next open", "[branch_database]")
{
    TestBranch branch;
    {
        auto db = BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
        REQUIRE(db);
        REQUIRE(db->setSlot(kOfficer, kOfficerPassword, test::fastKdf()));
        REQUIRE(db->setSlot("supervisor", "super-pass-2026", test::fastKdf()));
    }
    const SecureBuffer oldKey = test::databaseKey(branch.databasePath(), kAdminName, kAdminPassword);
    const SecureBuffer newKey = randomSecret(kKeyBytes);
    // Step 1 of removing the officer, as removeSlotAndRekey does it.
    Keyring staged = Keyring::load(branch.keyringPath()).value();
    staged.removeSlot(kOfficer);
    staged.stagePendingKey(newKey);
    REQUIRE(staged.save(branch.keyringPath()));

    SECTION("crash before the file was re-keyed: the old key stays")
    {
        REQUIRE(BranchDatabase::open(branch.databasePath(), "supervisor", "super-pass-2026"));
        CHECK_FALSE(Keyring::load(branch.keyringPath()).value().hasPendingKey());
        CHECK(test::databaseKey(branch.databasePath(), kAdminName, kAdminPassword) == oldKey);
    }
    SECTION("crash after the file was re-keyed: the new key is committed")
    {
        {
            auto raw = Connection::open(branch.databasePath(), oldKey, false);
            REQUIRE(raw);
            REQUIRE(raw->rekey(newKey));
        }
        REQUIRE(BranchDatabase::open(branch.databasePath(), "supervisor", "super-pass-2026"));
        CHECK_FALSE(Keyring::load(branch.keyringPath()).value().hasPendingKey());
        CHECK(test::databaseKey(branch.databasePath(), kAdminName, kAdminPassword) == newKey);
    }
    // Either way every remaining user opens the database, and the removed one has no slot.
    CHECK(BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword));
    CHECK(BranchDatabase::open(branch.databasePath(), "supervisor", "super-pass-2026"));
    CHECK_FALSE(Keyring::load(branch.keyringPath()).value().hasSlot(kOfficer));
}

// Issue 9, item 1: every keyring change is a read-modify-write under the keyring's lock. Eight processes
// each make twenty changes at once (ten new slots, then a new password for each); none is undone.
TEST_CASE("eight processes changing the keyring at once lose none of the changes", "[branch_database][concurrency]")
{
    TestBranch branch;
    constexpr int kProcesses = 8;
    constexpr int kSlotsEach = 10;
    const auto name = [](int p, int s) { return "w" + std::to_string(p) + "-" + std::to_string(s); };
    std::vector<pid_t> children;
    for (int p = 0; p < kProcesses; ++p) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // The child reports through its exit status only; Catch2 stays in the parent.
            const auto retry = [](auto&& change) {
                for (int attempt = 0; attempt < 20; ++attempt) {
                    const Result<void> r = change();
                    if (r) return true;
                    if (r.error().code != ErrorCode::Conflict) return false;  // busy: try again
                }
                return false;
            };
            std::optional<BranchDatabase> db;
            for (int attempt = 0; attempt < 20 && !db; ++attempt) {
                if (auto opened = BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword))
                    db.emplace(std::move(*opened));
            }
            if (!db) ::_exit(2);
            for (int s = 0; s < kSlotsEach; ++s) {
                if (!retry([&] { return db->setSlot(name(p, s), "first-pass-2026", test::fastKdf()); })) ::_exit(3);
            }
            for (int s = 0; s < kSlotsEach; ++s) {
                if (!retry([&] {
                        return db->changePassword(name(p, s), "first-pass-2026", "second-pass-2026", test::fastKdf());
                    }))
                    ::_exit(4);
            }
            db->close();
            ::_exit(0);
        }
        children.push_back(pid);
    }
    for (const pid_t pid : children) {
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    const auto ring = Keyring::load(branch.keyringPath());
    REQUIRE(ring);
    CHECK(ring->slots().size() == 1 + kProcesses * kSlotsEach);
    int opened = 0;
    for (int p = 0; p < kProcesses; ++p) {
        for (int s = 0; s < kSlotsEach; ++s) {
            INFO(name(p, s));
            CHECK(ring->unlock(name(p, s), "second-pass-2026"));
            opened += ring->unlock(name(p, s), "second-pass-2026").has_value() ? 1 : 0;
        }
    }
    CHECK(opened == kProcesses * kSlotsEach);
    CHECK(BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword));
}

TEST_CASE("a keyring change re-reads the keyring, keeping what another process wrote since", "[branch_database]")
{
    TestBranch branch;
    // Two long-lived sessions, as the desktop app and a script would hold them.
    auto app = BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
    auto script = BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
    REQUIRE(app);
    REQUIRE(script);
    REQUIRE(script->setSlot("bravo", "bravo-pass-2026", test::fastKdf()));
    REQUIRE(app->setSlot("alpha", "alpha-pass-2026", test::fastKdf()));
    const auto ring = Keyring::load(branch.keyringPath());
    REQUIRE(ring);
    CHECK(ring->hasSlot("alpha"));
    CHECK(ring->hasSlot("bravo"));
    CHECK(app->keyring().hasSlot("bravo"));
}

// Issue 9, item 2: a re-key needs the database alone; with another program in it nothing changes.
TEST_CASE("removing a slot while another program has the database open refuses and changes nothing",
          "[branch_database]")
{
    TestBranch branch;
    auto db = BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
    REQUIRE(db);
    REQUIRE(db->setSlot(kOfficer, kOfficerPassword, test::fastKdf()));
    auto other = BranchDatabase::open(branch.databasePath(), kOfficer, kOfficerPassword);
    REQUIRE(other);
    const std::string keyringBefore = test::readBytes(branch.keyringPath());
    const SecureBuffer keyBefore = test::databaseKey(branch.databasePath(), kAdminName, kAdminPassword);

    const auto refused = db->removeSlotAndRekey(kOfficer);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().id == kNeedsDatabaseAloneMessage.value);
    CHECK(test::readBytes(branch.keyringPath()) == keyringBefore);
    CHECK(db->keyring().hasSlot(kOfficer));
    // Both programs still work on the file under the old key.
    CHECK(db->connection().prepare("SELECT count(*) FROM users").step());
    CHECK(other->connection().prepare("SELECT count(*) FROM users").step());
    CHECK(test::databaseKey(branch.databasePath(), kAdminName, kAdminPassword) == keyBefore);

    other->close();
    REQUIRE(db->removeSlotAndRekey(kOfficer));
    CHECK_FALSE(Keyring::load(branch.keyringPath()).value().hasSlot(kOfficer));
    CHECK_FALSE(test::databaseKey(branch.databasePath(), kAdminName, kAdminPassword) == keyBefore);
    // The remover is back to sharing: another program may open the file again.
    CHECK(BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword));
}

// Issue 9, item 3: opening waits for a writer that holds the whole file instead of failing at once.
TEST_CASE("opening waits for another connection's exclusive lock instead of failing", "[branch_database]")
{
    TestBranch branch;
    auto holder = test::rawConnection(branch.databasePath(), kAdminName, kAdminPassword);
    holder.execute("PRAGMA locking_mode = EXCLUSIVE");
    holder.execute("BEGIN EXCLUSIVE");
    holder.execute("INSERT INTO settings (key, value) VALUES ('test.hold', '1')");
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        holder.execute("COMMIT");
        holder.close();
    });
    const auto started = std::chrono::steady_clock::now();
    auto db = BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword);
    const auto waited = std::chrono::steady_clock::now() - started;
    release.join();
    INFO((db ? std::string("opened") : db.error().message));
    CHECK(db);
    CHECK(waited >= std::chrono::milliseconds(1000));
}

TEST_CASE("the keyring's temporary files left by a crash are removed at the next open", "[branch_database]")
{
    TestBranch branch;
    const std::string copy = test::readBytes(branch.keyringPath());
    const fs::path stale1 = branch.keyringPath().string() + ".tmp-AbC123";
    const fs::path stale2 = branch.keyringPath().string() + ".next.tmp-XyZ789";
    const fs::path unrelated = branch.dir() / "notes.txt.tmp-keep";
    test::writeBytes(stale1, copy);
    test::writeBytes(stale2, copy);
    test::writeBytes(unrelated, "not ours");
    REQUIRE(BranchDatabase::open(branch.databasePath(), kAdminName, kAdminPassword));
    CHECK_FALSE(fs::exists(stale1));
    CHECK_FALSE(fs::exists(stale2));
    CHECK(fs::exists(unrelated));
}

// Issue 9, item 9: any damage is refused with a sentence that names the keyring file.
TEST_CASE("a damaged keyring is refused naming the file, and a flipped salt is damage", "[branch_database]")
{
    TestBranch branch;
    const std::string good = test::readBytes(branch.keyringPath());
    const std::string fileName = branch.keyringPath().filename().string();
    SECTION("a line holding one space")
    {
        test::writeBytes(branch.keyringPath(),
                         good.substr(0, good.find('\n') + 1) + " \n" + good.substr(good.find('\n') + 1));
    }
    SECTION("one hex digit of the salt flipped")
    {
        std::string bad = good;
        const auto slot = bad.find("slot admin argon2id13 ");
        // The salt is the sixth word of the slot line.
        std::size_t at = slot;
        for (int word = 0; word < 5; ++word)
            at = bad.find(' ', at) + 1;
        bad[at] = bad[at] == '0' ? '1' : '0';
        test::writeBytes(branch.keyringPath(), bad);
    }
    SECTION("the database id changed")
    {
        std::string bad = good;
        const auto at = bad.find("database ") + 9;
        bad[at] = bad[at] == 'a' ? 'b' : 'a';
        test::writeBytes(branch.keyringPath(), bad);
    }
    const Error e = openError(branch.databasePath(), kAdminName, kAdminPassword);
    CHECK(e.code == ErrorCode::FileCorrupt);
    CHECK_THAT(e.message, Catch::Matchers::StartsWith("The keyring file " + fileName + " is damaged"));
    CHECK(BranchDatabase::checkFiles(branch.databasePath()).error().code == ErrorCode::FileCorrupt);
}
