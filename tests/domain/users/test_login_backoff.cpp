#include "domain/users/login_backoff.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using std::chrono::seconds;

TEST_CASE("the first three failures cost nothing", "[login_backoff]")
{
    CHECK(loginDelayAfterFailures(-1) == seconds{0});
    CHECK(loginDelayAfterFailures(0) == seconds{0});
    CHECK(loginDelayAfterFailures(3) == seconds{0});
}

TEST_CASE("then the wait doubles from 2 s and stops at 5 minutes", "[login_backoff]")
{
    CHECK(loginDelayAfterFailures(4) == seconds{2});
    CHECK(loginDelayAfterFailures(5) == seconds{4});
    CHECK(loginDelayAfterFailures(6) == seconds{8});
    CHECK(loginDelayAfterFailures(11) == seconds{256});
    CHECK(loginDelayAfterFailures(12) == seconds{300});
    CHECK(loginDelayAfterFailures(1000) == seconds{300});
    CHECK(loginDelayAfterFailures(2'000'000'000) == seconds{300});  // no overflow however long the attack
}

TEST_CASE("the wait never shrinks as failures add up", "[login_backoff]")
{
    for (int n = 0; n < 40; ++n)
        CHECK(loginDelayAfterFailures(n + 1) >= loginDelayAfterFailures(n));
}
