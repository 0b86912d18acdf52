#include "app/users/failed_logins.h"

#include "support/file_bytes.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <filesystem>

using namespace doorstep;
using std::chrono::seconds;

TEST_CASE("failed logins are counted per user in a file beside the database", "[failed_logins]")
{
    test::TempDir dir;
    test::ManualClock clock;
    const auto db = dir / "branch.db";
    app::FailedLogins first(db, clock);
    CHECK(first.check("admin"));
    first.recordSuccess("admin");
    CHECK_FALSE(std::filesystem::exists(app::FailedLogins::pathFor(db)));  // nothing to keep yet
    for (int i = 0; i < 4; ++i)
        first.recordFailure("admin");
    // Another process (another object) sees the same count.
    const app::FailedLogins second(db, clock);
    CHECK(second.consecutiveFailures("admin") == 4);
    CHECK(second.remainingWait("admin") == seconds{2});
    CHECK(second.check("admin").error().code == ErrorCode::Throttled);
    CHECK(second.check("officer1"));
    clock.advance(seconds{2});
    CHECK(second.check("admin"));
    first.recordFailure("admin");
    CHECK(second.remainingWait("admin") == seconds{4});
    first.recordSuccess("admin");
    CHECK(second.consecutiveFailures("admin") == 0);
    CHECK(std::filesystem::status(app::FailedLogins::pathFor(db)).permissions() ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}

TEST_CASE("the failed-login file keeps no names, survives damage and stays small", "[failed_logins]")
{
    test::TempDir dir;
    test::ManualClock clock;
    const auto db = dir / "branch.db";
    app::FailedLogins logins(db, clock);
    for (int i = 0; i < 5; ++i)
        logins.recordFailure("wang.wei");
    CHECK(test::readBytes(app::FailedLogins::pathFor(db)).find("wang") == std::string::npos);
    // A damaged line is skipped, the others still count.
    test::writeBytes(app::FailedLogins::pathFor(db),
                     "garbage\n \n" + test::readBytes(app::FailedLogins::pathFor(db)) + "x y z\n");
    CHECK(logins.consecutiveFailures("wang.wei") == 5);
    for (std::size_t i = 0; i < app::FailedLogins::kMaxNames + 10; ++i) {
        clock.advance(seconds{1});
        logins.recordFailure("guess" + std::to_string(i));
    }
    const std::string file = test::readBytes(app::FailedLogins::pathFor(db));
    const auto pendingLines = [](const std::string& text) {
        std::size_t n = 0;
        for (std::size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
            if (text.compare(at, 2, "F ") == 0) ++n;
            if (text.find('\n', at) == std::string::npos) break;
        }
        return n;
    };
    const auto lines = static_cast<std::size_t>(std::count(file.begin(), file.end(), '\n'));
    CHECK(pendingLines(file) == app::FailedLogins::kMaxPending);  // failures still to audit, the newest kept
    CHECK(lines - pendingLines(file) == app::FailedLogins::kMaxNames);
    CHECK(logins.consecutiveFailures("guess" + std::to_string(app::FailedLogins::kMaxNames + 9)) == 1);
    CHECK(logins.consecutiveFailures("wang.wei") == 0);  // the oldest went first
}

TEST_CASE("failed logins wait for the audit trail as hashes, and are taken once", "[failed_logins]")
{
    test::TempDir dir;
    test::ManualClock clock;
    const auto db = dir / "branch.db";
    app::FailedLogins logins(db, clock);
    CHECK(logins.takePending().empty());  // no file yet
    const auto first = clock.now();
    logins.recordFailure("wang.wei");
    clock.advance(seconds{30});
    logins.recordFailure("Secret-Passw0rd!");  // a password typed into the name field
    CHECK(test::readBytes(app::FailedLogins::pathFor(db)).find("Secret") == std::string::npos);
    const auto pending = logins.takePending();
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].key == app::FailedLogins::keyOf("wang.wei"));
    CHECK(std::chrono::floor<seconds>(pending[0].at) == std::chrono::floor<seconds>(first));
    CHECK(pending[1].key == app::FailedLogins::keyOf("Secret-Passw0rd!"));
    CHECK(pending[1].at - pending[0].at == seconds{30});
    CHECK(logins.takePending().empty());                 // taken once
    CHECK(logins.consecutiveFailures("wang.wei") == 1);  // the back-off keeps its count
}
