#include "cli/password_prompt.h"

#include <catch2/catch_test_macros.hpp>
#include <cstdlib>

using namespace doorstep;

// Only the environment path: the terminal path would wait for a person at the keyboard.
TEST_CASE("scripts pass passwords through the environment, taken verbatim", "[password_prompt]")
{
    ::setenv("DOORSTEP_TEST_PW", "  spaced 密码 ", 1);
    CHECK(cli::readPassword("Password: ", "DOORSTEP_TEST_PW").value() == "  spaced 密码 ");
    CHECK(cli::readNewPassword("New password: ", "DOORSTEP_TEST_PW").value() == "  spaced 密码 ");
    ::setenv("DOORSTEP_TEST_PW", "", 1);
    CHECK(cli::readPassword("Password: ", "DOORSTEP_TEST_PW").value().empty());  // set but empty is still set
    ::unsetenv("DOORSTEP_TEST_PW");
}
