#include "domain/users/user.h"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace doorstep;

namespace {

bool refused(const Result<void>& r)
{
    return !r && r.error().code == ErrorCode::InvalidInput;
}

}  // namespace

TEST_CASE("user names: letters, digits, '.', '_' and '-', starting with a letter or digit", "[user]")
{
    CHECK(validateUsername("officer1"));
    CHECK(validateUsername("li.wei_2-b"));
    CHECK(validateUsername("7eleven"));
    CHECK(validateUsername(std::string(kMaxUsernameLength, 'a')));

    CHECK(refused(validateUsername("")));
    CHECK(refused(validateUsername(std::string(kMaxUsernameLength + 1, 'a'))));
    CHECK(refused(validateUsername("li wei")));   // the keyring format separates fields by spaces
    CHECK(refused(validateUsername("li\nwei")));  // and lines by newlines
    CHECK(refused(validateUsername("王伟")));
    CHECK(refused(validateUsername("a/b")));
    CHECK(refused(validateUsername(".hidden")));
    CHECK(refused(validateUsername("-rf")));  // would read as an option on a command line
    CHECK(validateUsername("").error().message == "The user name is empty.");
}

TEST_CASE("new passwords: long enough, mixed, without the user name", "[user]")
{
    CHECK(validateNewPassword("correct-horse-1", "li.wei"));
    CHECK(validateNewPassword("密码密码密码密码12", "li.wei"));  // non-ASCII letters count as letters
    CHECK(validateNewPassword("abcdefghi1", ""));

    CHECK(refused(validateNewPassword("short-1", "li.wei")));
    CHECK(refused(validateNewPassword("abcdefghi", "x")));  // 9 characters
    CHECK(refused(validateNewPassword("onlyletterss", "x")));
    CHECK(refused(validateNewPassword("1234567890123", "x")));
    CHECK(refused(validateNewPassword("li.wei-2026-x", "li.wei")));
    CHECK(validateNewPassword("short", "x").error().message == "The password must have at least 10 characters.");
}

TEST_CASE("display names may hold any text but not nothing or too much", "[user]")
{
    CHECK(validateDisplayName("张伟"));
    CHECK(validateDisplayName(std::string(120, 'x')));
    CHECK(refused(validateDisplayName("")));
    CHECK(refused(validateDisplayName(std::string(121, 'x'))));
}
