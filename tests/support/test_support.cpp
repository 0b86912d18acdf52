// The test-support library is trusted by every other test, so it gets a few of its own.
#include "storage/database/keyring.h"
#include "support/file_bytes.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
namespace fs = std::filesystem;

TEST_CASE("a temporary folder is unique, private and removed with its content", "[support]")
{
    fs::path kept;
    {
        test::TempDir a;
        test::TempDir b;
        CHECK(a.path() != b.path());
        CHECK(fs::is_directory(a.path()));
        CHECK(a.path().parent_path() == fs::temp_directory_path());
        CHECK((fs::status(a.path()).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
        fs::create_directories(a / "sub" / "deeper");
        test::writeBytes(a / "sub" / "f", "x");
        kept = a.path();
    }
    CHECK_FALSE(fs::exists(kept));
}

TEST_CASE("the manual clock moves only when told", "[support]")
{
    test::ManualClock clock;
    CHECK(clock.now() == test::ManualClock::kStart);
    CHECK(clock.now() == clock.now());
    clock.advance(std::chrono::minutes{2});
    CHECK(clock.now() - test::ManualClock::kStart == std::chrono::minutes{2});
    clock.set(test::ManualClock::kStart);
    CHECK(clock.now() == test::ManualClock::kStart);
}

TEST_CASE("test branches use the cheapest key derivation", "[support]")
{
    test::TestBranch branch;
    CHECK(app::Session::kdfParamsForNewSlots().memLimit == storage::KdfParams::minimum().memLimit);
    const auto keyring = storage::Keyring::load(branch.keyringPath());
    REQUIRE(keyring);
    CHECK(keyring->slots().front().kdf.memLimit == storage::KdfParams::minimum().memLimit);
}
