#include "storage/database/file_lock.h"

#include "support/temp_dir.h"

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <filesystem>

using namespace doorstep;
using storage::FileLock;
using Mode = storage::FileLock::Mode;
using std::chrono::milliseconds;

TEST_CASE("shared locks share, an exclusive one excludes, and the wait is bounded", "[file_lock]")
{
    test::TempDir dir;
    const auto path = dir / "branch.db.lock";
    auto a = FileLock::acquire(path, Mode::Shared);
    auto b = FileLock::acquire(path, Mode::Shared);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(std::filesystem::status(path).permissions() ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));

    const auto started = std::chrono::steady_clock::now();
    const auto refused = FileLock::acquire(path, Mode::Exclusive, milliseconds{200});
    CHECK(std::chrono::steady_clock::now() - started >= milliseconds{200});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().id == storage::kBusyMessage.value);

    // Changing to exclusive fails while the other holds its share, and the shared lock is kept.
    CHECK_FALSE(a->change(Mode::Exclusive, milliseconds{50}));
    CHECK_FALSE(FileLock::acquire(path, Mode::Exclusive, milliseconds{0}));
    b->release();
    CHECK(a->change(Mode::Exclusive, milliseconds{50}));
    CHECK_FALSE(FileLock::acquire(path, Mode::Shared, milliseconds{0}));
    CHECK(a->change(Mode::Shared));
    CHECK(FileLock::acquire(path, Mode::Shared, milliseconds{0}));
    a->release();
    CHECK(FileLock::acquire(path, Mode::Exclusive, milliseconds{0}));
    CHECK(std::filesystem::exists(path));  // never removed
}
