#include "domain/shared/masking.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

TEST_CASE("an ID number keeps its first six and last four characters", "[masking]")
{
    CHECK(maskIdNumber("110101199003071233") == "110101********1233");
    CHECK(maskIdNumber("44030419780101031X") == "440304********031X");
    // A first-generation 15-digit number still hides its middle.
    CHECK(maskIdNumber("110101900307123") == "110101*****7123");
}

TEST_CASE("a mobile number keeps its first three and last four digits", "[masking]")
{
    CHECK(maskPhone("13812345678") == "138****5678");
    CHECK(maskPhone("13900001111") == "139****1111");
}

TEST_CASE("short and odd texts are masked safely, never shown whole", "[masking]")
{
    CHECK(maskPhone("") == "");
    CHECK(maskIdNumber("") == "");
    CHECK(maskPhone("5") == "*");
    CHECK(maskPhone("1234") == "****");
    CHECK(maskPhone("12345678") == "****5678");  // a local landline: too short to keep both ends
    CHECK(maskIdNumber("12345678") == "****5678");
    CHECK(maskIdNumber("1234567") == "*******");
    CHECK(maskPhone("021-6123-4567") == "021******4567");
}

TEST_CASE("masking counts characters, not bytes, so UTF-8 stays whole", "[masking]")
{
    CHECK(maskPhone("王秀英") == "***");
    CHECK(maskMiddle("上海市浦东新区张杨路", 2, 2) == "上海******杨路");
    // A stray continuation byte is a character of its own and is hidden like any other.
    CHECK(maskMiddle("\x80\x80\x80\x80\x80", 1, 1, 1) == "\x80***\x80");
}

TEST_CASE("maskMiddle keeps fewer characters when too few would be hidden", "[masking]")
{
    CHECK(maskMiddle("abcdefghij", 3, 3) == "abc****hij");
    CHECK(maskMiddle("abcdefghi", 3, 3) == "******ghi");
    CHECK(maskMiddle("abcdefg", 3, 3) == "****efg");
    CHECK(maskMiddle("abcdef", 3, 3) == "******");
    CHECK(maskMiddle("abc", 0, 0, 0) == "***");
    CHECK(maskMiddle("abc", 5, 5, 0) == "***");
}
