#include "domain/messages/error.h"

#include <catch2/catch_test_macros.hpp>
#include <set>
#include <string>

using namespace doorstep;

TEST_CASE("fail() builds an unexpected Error with code, message id, arguments and the English text", "[error]")
{
    const Result<int> r = fail(ErrorCode::NotFound, MessageId{"user.gone"});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::NotFound);
    CHECK(r.error().id == "user.gone");
    CHECK(r.error().message == "The user no longer exists.");
    CHECK(errorMessage(r.error(), Language::Chinese) == "该用户已不存在。");
}

TEST_CASE("an error inside another's sentence keeps its own arguments in both languages", "[error]")
{
    const Error inner =
        fail(ErrorCode::InvalidInput, MessageId{"classification.last_day_order"},
             {MessageArg::text("bucket", "2"), MessageArg::number("day", 30), MessageArg::number("previous", 1200)})
            .error();
    const Error outer =
        fail(ErrorCode::InvalidInput, MessageId{"delinquency.loan_classes"}, {errorArg("reason", inner)}).error();
    CHECK(outer.message == "Loans: The last day of M2 (30) must be more than 1,200.");
    CHECK(errorMessage(outer, Language::Chinese) == "贷款：M2 的最后一天（30）必须大于 1,200。");
    // An error without an id (an exception's text) is carried as it is.
    const Error plain{ErrorCode::Internal, "disk on fire"};
    CHECK(errorMessage(
              fail(ErrorCode::Internal, MessageId{"delinquency.card_classes"}, {errorArg("reason", plain)}).error(),
              Language::Chinese) == "信用卡：disk on fire");
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
