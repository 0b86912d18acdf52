#include "domain/messages/error.h"
#include "domain/messages/message.h"
#include "domain/shared/money.h"

#include <catch2/catch_test_macros.hpp>
#include <limits>

using namespace doorstep;

TEST_CASE("a message is formatted in the language asked for, arguments by name", "[message]")
{
    const MessageArgs args{MessageArg::ref("record", MessageId{"queue.record"}),
                           MessageArg::ref("state", MessageId{"queue.state.dismissed"}),
                           MessageArg::ref("move", MessageId{"queue.move.accept"})};
    CHECK(formatMessage("workflow.wrong_state", args, Language::English) ==
          "The visit-queue entry is dismissed from the queue: you cannot accept it for a visit now.");
    CHECK(formatMessage("workflow.wrong_state", args, Language::Chinese) ==
          "该走访队列记录当前为“已移出队列”，不能确认走访。");
}

TEST_CASE("numbers and money in messages carry thousands separators", "[message]")
{
    CHECK(groupThousands(0) == "0");
    CHECK(groupThousands(999) == "999");
    CHECK(groupThousands(1000) == "1,000");
    CHECK(groupThousands(5299) == "5,299");
    CHECK(groupThousands(-1234567) == "-1,234,567");
    CHECK(groupThousands(std::numeric_limits<std::int64_t>::min()) == "-9,223,372,036,854,775,808");
    CHECK(MessageArg::number("n", 29842).value == "29,842");
    CHECK(MessageArg::money("m", Money::fromFen(123456)).value == "¥1,234.56");
}

TEST_CASE("a count of one takes the row's singular form where the catalogue has one", "[message]")
{
    const auto summary = [](std::int64_t count, Language language) {
        return formatMessage("letter.summary",
                             {MessageArg::ref("kind", MessageId{"plan.kind.settlement"}),
                              MessageArg::number("count", count), MessageArg::text("first", "2026-11-30"),
                              MessageArg::text("last", count == 1 ? "2026-11-30" : "2027-01-31")},
                             language);
    };
    CHECK(summary(1, Language::English) == "The plan: " + formatMessage("plan.kind.settlement", {}, Language::English) +
                                               ", one single payment on 2026-11-30.");
    CHECK(summary(1, Language::Chinese) ==
          "方案：" + formatMessage("plan.kind.settlement", {}, Language::Chinese) + "，于 2026-11-30 一次性还款。");
    CHECK(summary(3, Language::Chinese).find("共 3 期，自 2026-11-30 至 2027-01-31 按月还款") != std::string::npos);
    CHECK(summary(3, Language::English).find("3 monthly instalments") != std::string::npos);
    // 1,000 is not one; a row without a singular form keeps its own words.
    CHECK(summary(1000, Language::English).find("1,000 monthly instalments") != std::string::npos);
    CHECK(formatMessage("plan.options_count", {MessageArg::number("count", 1)}, Language::English) ==
          "Compare two to four options, not 1.");
}

TEST_CASE("an unknown id or a missing argument stays visible instead of vanishing", "[message]")
{
    CHECK(formatMessage("no.such.id", {}, Language::Chinese) == "no.such.id");
    CHECK(formatMessage("workflow.not_yours", {}, Language::English) == "Your role does not allow you to {move} here.");
}

TEST_CASE("fail() with a message id keeps the id, the arguments and the English text", "[message][error]")
{
    const Result<int> r = fail(ErrorCode::Conflict, MessageId{"workflow.not_yours"},
                               {MessageArg::ref("move", MessageId{"queue.move.reopen"})});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::Conflict);
    CHECK(r.error().id == "workflow.not_yours");
    CHECK(r.error().message == "Your role does not allow you to reopen it here.");
    CHECK(errorMessage(r.error(), Language::Chinese) == "您的角色无权在此恢复到队列。");
    // An error without an id reads as its sentence in either language (the GUI translates those itself).
    const Error plain{ErrorCode::InvalidInput, "Plain sentence."};
    CHECK(errorMessage(plain, Language::Chinese) == "Plain sentence.");
}
