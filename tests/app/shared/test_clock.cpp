#include "app/shared/clock.h"

#include "support/manual_clock.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using namespace std::chrono;

TEST_CASE("time stamps are UTC whatever the local time zone", "[clock]")
{
    // The tests run with TZ=Asia/Shanghai (UTC+8): a local-time slip would show as 13:04:32.
    CHECK(app::formatUtc(test::ManualClock::kStart) == "2026-11-29T05:04:32Z");
    CHECK(app::formatUtc(sys_days{year{2026} / 12 / 31} + hours{23} + minutes{59} + seconds{59}) ==
          "2026-12-31T23:59:59Z");
}

TEST_CASE("time stamps drop fractions of a second instead of rounding up", "[clock]")
{
    const auto almost = test::ManualClock::kStart + milliseconds{999};
    CHECK(app::formatUtc(almost) == "2026-11-29T05:04:32Z");
}

TEST_CASE("the system clock tells the present", "[clock]")
{
    const app::SystemClock clock;
    const auto before = system_clock::now();
    const auto now = clock.now();
    CHECK(now >= before);
    CHECK(now - before < seconds{5});
}
