#include "domain/error.h"

#include <catch2/catch_test_macros.hpp>
#include <set>
#include <string>

using namespace doorstep;

TEST_CASE("fail() builds an unexpected Error with code and message", "[error]")
{
    const Result<int> r = fail(ErrorCode::NotFound, "There is no such thing.");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::NotFound);
    CHECK(r.error().message == "There is no such thing.");
}

TEST_CASE("every error code has its own stable name", "[error]")
{
    // Scripts and logs rely on these names; a rename is a breaking change.
    CHECK(std::string(errorCodeName(ErrorCode::WrongCredentials)) == "wrong-credentials");
    CHECK(std::string(errorCodeName(ErrorCode::FileCorrupt)) == "file-corrupt");
    CHECK(std::string(errorCodeName(ErrorCode::SchemaTooNew)) == "schema-too-new");

    std::set<std::string> names;
    for (int c = static_cast<int>(ErrorCode::InvalidInput); c <= static_cast<int>(ErrorCode::Internal); ++c) {
        const std::string name = errorCodeName(static_cast<ErrorCode>(c));
        CHECK(name != "unknown");
        names.insert(name);
    }
    CHECK(names.size() == static_cast<std::size_t>(ErrorCode::Internal) + 1);
}
