#include "app/users/login_throttle.h"

#include "support/manual_clock.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using std::chrono::seconds;

TEST_CASE("three failed logins are free, the fourth makes the next one wait", "[login_throttle]")
{
    test::ManualClock clock;
    app::LoginThrottle throttle(clock);
    for (int i = 0; i < 3; ++i) {
        throttle.recordFailure();
        CHECK(throttle.check());
    }
    throttle.recordFailure();
    CHECK(throttle.consecutiveFailures() == 4);
    const auto r = throttle.check();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Throttled);
    CHECK(throttle.remainingWait() == seconds{2});
}

TEST_CASE("the wait elapses with the clock, and grows with each failure", "[login_throttle]")
{
    test::ManualClock clock;
    app::LoginThrottle throttle(clock);
    for (int i = 0; i < 4; ++i)
        throttle.recordFailure();
    clock.advance(seconds{1});
    CHECK(throttle.remainingWait() == seconds{1});
    CHECK_FALSE(throttle.check());
    clock.advance(seconds{1});
    CHECK(throttle.remainingWait() == seconds{0});
    CHECK(throttle.check());

    throttle.recordFailure();  // the fifth: counted from now
    CHECK(throttle.remainingWait() == seconds{4});
    clock.advance(seconds{3});
    CHECK_FALSE(throttle.check());
    clock.advance(seconds{1});
    CHECK(throttle.check());
}

TEST_CASE("a successful login clears the count", "[login_throttle]")
{
    test::ManualClock clock;
    app::LoginThrottle throttle(clock);
    for (int i = 0; i < 6; ++i)
        throttle.recordFailure();
    CHECK_FALSE(throttle.check());
    throttle.recordSuccess();
    CHECK(throttle.consecutiveFailures() == 0);
    CHECK(throttle.check());
    throttle.recordFailure();
    CHECK(throttle.check());  // back to the free attempts
}

TEST_CASE("a clock set back does not shorten the wait", "[login_throttle]")
{
    test::ManualClock clock;
    app::LoginThrottle throttle(clock);
    for (int i = 0; i < 4; ++i)
        throttle.recordFailure();
    clock.advance(-std::chrono::hours{1});
    CHECK_FALSE(throttle.check());
    CHECK(throttle.remainingWait() <= seconds{2});
}
