#include "storage/database/keyring.h"

#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <catch2/catch_test_macros.hpp>
#include <cctype>

using namespace doorstep;
using namespace doorstep::storage;
using doorstep::test::TempDir;

namespace {

const KdfParams kFast = KdfParams::minimum();

struct Ring {
    Keyring ring = Keyring::create();
    SecureBuffer key = randomSecret(kKeyBytes);
    Ring()
    {
        REQUIRE(ring.setSlot("admin", "admin-pass-2026", key, kFast));
        REQUIRE(ring.setSlot("officer1", "officer-pass-2026", key, kFast));
    }
};

Error unlockError(const Keyring& ring, std::string_view user, std::string_view password)
{
    auto r = ring.unlock(user, password);
    REQUIRE_FALSE(r);
    return r.error();
}

}  // namespace

TEST_CASE("each slot unlocks the database key with its own password", "[keyring]")
{
    Ring r;
    CHECK(r.ring.databaseId().size() == 32);
    CHECK(r.ring.usernames() == std::vector<std::string>{"admin", "officer1"});
    CHECK(r.ring.hasSlot("admin"));
    CHECK_FALSE(r.ring.hasSlot("nobody"));
    for (auto [user, password] : {std::pair{"admin", "admin-pass-2026"}, std::pair{"officer1", "officer-pass-2026"}}) {
        auto keys = r.ring.unlock(user, password);
        REQUIRE(keys);
        CHECK(keys->key == r.key);
        CHECK(keys->pendingKey.empty());
    }
    CHECK(Keyring::create().databaseId() != r.ring.databaseId());
}

TEST_CASE("a wrong password and an unknown user read the same", "[keyring]")
{
    Ring r;
    const Error wrong = unlockError(r.ring, "admin", "officer-pass-2026");  // another user's password
    CHECK(wrong.code == ErrorCode::WrongCredentials);
    // The unknown user costs one moderate (~0.4 s) derivation by design: timing must not tell either.
    const Error unknown = unlockError(r.ring, "ghost", "admin-pass-2026");
    CHECK(unknown.code == ErrorCode::WrongCredentials);
    CHECK(unknown.message == wrong.message);
}

TEST_CASE("a keyring survives serialisation and saving, and holds no password", "[keyring]")
{
    TempDir dir;
    Ring r;
    REQUIRE(r.ring.save(dir / "k"));
    CHECK(std::filesystem::status(dir / "k").permissions() ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    const std::string text = test::readBytes(dir / "k");
    CHECK(text == r.ring.serialize());
    CHECK(text.starts_with("doorstep-keyring 1\ndatabase " + r.ring.databaseId() + "\n"));
    CHECK(text.find("admin-pass-2026") == std::string::npos);
    CHECK(text.find(toHex(r.key.bytes())) == std::string::npos);  // nor the key

    auto loaded = Keyring::load(dir / "k");
    REQUIRE(loaded);
    CHECK(loaded->databaseId() == r.ring.databaseId());
    CHECK(loaded->serialize() == text);
    CHECK(loaded->unlock("officer1", "officer-pass-2026").value().key == r.key);
}

TEST_CASE("a missing keyring file is FileMissing", "[keyring]")
{
    TempDir dir;
    CHECK(Keyring::load(dir / "none").error().code == ErrorCode::FileMissing);
    CHECK(Keyring::pathFor("/data/branch.db") == "/data/branch.db.keyring");
}

TEST_CASE("a damaged keyring is FileCorrupt, whatever the damage", "[keyring]")
{
    Ring r;
    const std::string good = r.ring.serialize();
    const auto corrupt = [](std::string_view text) {
        auto k = Keyring::parse(text);
        return !k && k.error().code == ErrorCode::FileCorrupt;
    };
    CHECK(corrupt(""));
    CHECK(corrupt(std::string("\0\x01garbage", 9)));
    CHECK(corrupt("doorstep-keyring 2\n" + good.substr(good.find('\n') + 1)));  // a future format
    CHECK(corrupt("doorstep-keyring 1\n"));                                     // no database id
    CHECK(corrupt(good + "extra line\n"));
    CHECK(corrupt(good + good.substr(good.find("slot admin"))));  // a duplicate slot
    std::string badHex = good;  // a non-hex digit in the salt, the sixth field of the slot line
    std::size_t salt = good.find("slot admin");
    for (int i = 0; i < 5; ++i)
        salt = good.find(' ', salt) + 1;
    badHex[salt] = 'z';
    CHECK(corrupt(badHex));
    // Without its check line (as written before there was one) so the slot line itself is what is wrong.
    const std::string unchecked = good.substr(0, good.find("\ncheck ") + 1);
    std::string shortSlot = unchecked;
    shortSlot.erase(unchecked.rfind(' '));  // drop the pending field of the last slot
    shortSlot += "\n";
    CHECK(corrupt(shortSlot));
    CHECK(Keyring::parse(good));
}

// Issue 9, item 9: "doorstep-cli and doorstep crash (exit 139) on a keyring line holding one space".
TEST_CASE("a keyring line of spaces is damage, not a crash", "[keyring]")
{
    Ring r;
    const std::string good = r.ring.serialize();
    const std::string unchecked = good.substr(0, good.find("\ncheck ") + 1);
    const std::string header = "doorstep-keyring 1\n";
    for (const std::string& line : {std::string(" "), std::string("   "), std::string(" \r")}) {
        INFO("line '" << line << "'");
        const auto parsed = Keyring::parse(header + line + "\n" + unchecked.substr(header.size()));
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == ErrorCode::FileCorrupt);
    }
    CHECK_FALSE(Keyring::parse(header + " "));  // the last line, without its line break
}

TEST_CASE("the keyring's check line finds a flipped byte anywhere, and older keyrings without it still read",
          "[keyring]")
{
    Ring r;
    const std::string good = r.ring.serialize();
    REQUIRE(good.find("\ncheck ") != std::string::npos);
    const std::string unchecked = good.substr(0, good.find("\ncheck ") + 1);
    // A keyring written before the check line existed.
    const auto old = Keyring::parse(unchecked);
    REQUIRE(old);
    CHECK(old->unlock("admin", "admin-pass-2026"));
    // Every hex digit of the salt, the secret, the public key and the database id is covered.
    int refused = 0;
    int flipped = 0;
    for (std::size_t at = good.find("\ndatabase ") + 10; at < unchecked.size(); ++at) {
        if (!std::isxdigit(static_cast<unsigned char>(good[at]))) continue;
        std::string bad = good;
        bad[at] = bad[at] == '0' ? '1' : '0';
        ++flipped;
        const auto parsed = Keyring::parse(bad);
        if (!parsed && parsed.error().code == ErrorCode::FileCorrupt) ++refused;
    }
    CHECK(flipped > 500);
    CHECK(refused == flipped);
}

TEST_CASE("a keyring file's damage is reported naming the file", "[keyring]")
{
    TempDir dir;
    const auto path = dir.path() / "branch.db.keyring";
    test::writeBytes(path, "doorstep-keyring 1\n \n");
    const auto loaded = Keyring::load(path);
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().code == ErrorCode::FileCorrupt);
    CHECK(loaded.error().message == "The keyring file branch.db.keyring is damaged (blank line).");
}

TEST_CASE("a slot whose cost was tampered with is refused, not derived", "[keyring]")
{
    Ring r;
    KeySlot slot = r.ring.slots().front();
    slot.kdf.memLimit = std::uint64_t{1} << 40;  // one terabyte
    r.ring.putSlot(slot);
    CHECK(unlockError(r.ring, "admin", "admin-pass-2026").code == ErrorCode::FileCorrupt);
}

TEST_CASE("a slot only opens in the keyring of its own database", "[keyring]")
{
    // The slot's secret is bound to the database id and the user name (associated data), so a slot
    // copied into another keyring, or renamed, opens nothing.
    Ring r;
    Keyring other = Keyring::create();
    other.putSlot(r.ring.slots().front());
    CHECK(unlockError(other, "admin", "admin-pass-2026").code == ErrorCode::WrongCredentials);

    KeySlot renamed = r.ring.slots().front();
    renamed.username = "mallory";
    r.ring.putSlot(renamed);
    CHECK(unlockError(r.ring, "mallory", "admin-pass-2026").code == ErrorCode::WrongCredentials);
}

TEST_CASE("changing a password needs the current one and retires it", "[keyring]")
{
    Ring r;
    CHECK(r.ring.changePassword("admin", "not-the-password", "new-pass-2027", kFast).error().code ==
          ErrorCode::WrongCredentials);
    REQUIRE(r.ring.changePassword("admin", "admin-pass-2026", "new-pass-2027", kFast));
    CHECK(r.ring.unlock("admin", "new-pass-2027").value().key == r.key);
    CHECK(unlockError(r.ring, "admin", "admin-pass-2026").code == ErrorCode::WrongCredentials);
    CHECK(r.ring.unlock("officer1", "officer-pass-2026").value().key == r.key);  // others untouched
}

TEST_CASE("setting a slot again replaces it; removing it leaves the others", "[keyring]")
{
    Ring r;
    REQUIRE(r.ring.setSlot("officer1", "reset-pass-2027", r.key, kFast));
    CHECK(r.ring.slots().size() == 2);
    CHECK(r.ring.unlock("officer1", "reset-pass-2027").value().key == r.key);
    CHECK(unlockError(r.ring, "officer1", "officer-pass-2026").code == ErrorCode::WrongCredentials);

    r.ring.removeSlot("officer1");
    CHECK(r.ring.usernames() == std::vector<std::string>{"admin"});
    r.ring.removeSlot("officer1");  // removing twice is harmless
    CHECK(r.ring.unlock("admin", "admin-pass-2026").value().key == r.key);
}

TEST_CASE("a pending key is sealed for every slot until committed or dropped", "[keyring]")
{
    Ring r;
    const SecureBuffer next = randomSecret(kKeyBytes);
    r.ring.stagePendingKey(next);
    CHECK(r.ring.hasPendingKey());
    // No new slot while a re-key is half done: it would hold only the old key.
    CHECK(r.ring.setSlot("late", "late-pass-2026", r.key, kFast).error().code == ErrorCode::Conflict);

    auto reparsed = Keyring::parse(r.ring.serialize());
    REQUIRE(reparsed);
    for (auto [user, password] : {std::pair{"admin", "admin-pass-2026"}, std::pair{"officer1", "officer-pass-2026"}}) {
        auto keys = reparsed->unlock(user, password);
        REQUIRE(keys);
        CHECK(keys->key == r.key);
        CHECK(keys->pendingKey == next);
    }

    Keyring dropped = r.ring;
    dropped.dropPendingKey();
    CHECK_FALSE(dropped.hasPendingKey());
    CHECK(dropped.unlock("admin", "admin-pass-2026").value().key == r.key);

    r.ring.commitPendingKey();
    CHECK_FALSE(r.ring.hasPendingKey());
    auto committed = r.ring.unlock("officer1", "officer-pass-2026");
    REQUIRE(committed);
    CHECK(committed->key == next);
    CHECK(committed->pendingKey.empty());
}
