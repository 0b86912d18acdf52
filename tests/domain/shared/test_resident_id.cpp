#include "domain/shared/resident_id.h"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace doorstep;

// All numbers here are synthetic: valid in form, made up for the test.
TEST_CASE("resident ID check characters follow GB 11643, including X for 10", "[resident_id]")
{
    CHECK(residentIdCheckCharacter("11010119900307123") == '3');
    CHECK(residentIdCheckCharacter("31011519850612002") == '6');
    CHECK(residentIdCheckCharacter("44030419780101031") == 'X');
    CHECK(residentIdCheckCharacter("31011519920215561") == '1');
    CHECK_FALSE(residentIdCheckCharacter("1101011990030712").has_value());
    CHECK_FALSE(residentIdCheckCharacter("1101011990030712A").has_value());
}

TEST_CASE("valid resident ID numbers pass", "[resident_id]")
{
    CHECK(validateResidentId("110101199003071233"));
    CHECK(validateResidentId("44030419780101031X"));
    CHECK(validateResidentId("11010519491231002X"));
    CHECK(isValidResidentId("310115198506120026"));
}

TEST_CASE("a wrong check digit is reported without the number", "[resident_id]")
{
    const auto r = validateResidentId("110101199003071234");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::InvalidInput);
    CHECK(r.error().message == "the resident ID number's check digit is wrong");
    CHECK(r.error().message.find("1101") == std::string::npos);
    CHECK_FALSE(isValidResidentId("44030419780101031Y"));
    CHECK_FALSE(isValidResidentId("440304197801010310"));
}

TEST_CASE("resident ID numbers of the wrong length or with letters inside are refused", "[resident_id]")
{
    CHECK(validateResidentId("").error().message == "the resident ID number does not have 18 characters");
    CHECK(validateResidentId("11010119900307123").error().message ==
          "the resident ID number does not have 18 characters");
    CHECK(validateResidentId("1101011990030712333").error().message ==
          "the resident ID number does not have 18 characters");
    CHECK(validateResidentId("11010119900307A233").error().message ==
          "the resident ID number is not 17 digits followed by a digit or X");
    // GB 11643 writes the check character as an upper-case X.
    CHECK(validateResidentId("44030419780101031x").error().message ==
          "the resident ID number is not 17 digits followed by a digit or X");
    // Fifteen-digit numbers of the first generation are not accepted.
    CHECK_FALSE(isValidResidentId("110101900307123"));
}

TEST_CASE("the birth date in positions 7 to 14 must be a real day", "[resident_id]")
{
    // Check characters computed for these 17 digits, so only the date is wrong.
    const auto withCheck = [](std::string first17) { return first17 + *residentIdCheckCharacter(first17); };
    CHECK(validateResidentId(withCheck("11010119900230123")).error().message ==
          "the resident ID number's birth date is not a real date");
    CHECK(validateResidentId(withCheck("11010119901301123")).error().message ==
          "the resident ID number's birth date is not a real date");
    CHECK(validateResidentId(withCheck("11010119900000123")).error().message ==
          "the resident ID number's birth date is not a real date");
    CHECK(validateResidentId(withCheck("11010120000229123")));        // a leap day
    CHECK_FALSE(validateResidentId(withCheck("11010119000229123")));  // 1900 was not a leap year
}
