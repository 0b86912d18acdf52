#include "domain/shared/money.h"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace doorstep;

TEST_CASE("yuan text is read into exact fen", "[money]")
{
    CHECK(parseYuan("1234.56")->fen == 123'456);
    CHECK(parseYuan("1234.5")->fen == 123'450);
    CHECK(parseYuan("1234")->fen == 123'400);
    CHECK(parseYuan("0.01")->fen == 1);
    CHECK(parseYuan("-3.20")->fen == -320);
    CHECK(parseYuan("-0.05")->fen == -5);
    CHECK(parseYuan("0")->fen == 0);
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; here it is exact.
    CHECK(*parseYuan("0.1") + *parseYuan("0.2") == *parseYuan("0.3"));
    CHECK(parseYuan("999999999999999.99")->fen == 99'999'999'999'999'999);
}

TEST_CASE("any other amount text is InvalidInput with a sentence", "[money]")
{
    for (const char* bad : {"", "-", "abc", "12a", "1.234", "1.", ".5", "1,234.00", " 12", "12 ", "+5", "--5", "1.2.3",
                            "1e5", "1234567890123456"}) {
        INFO('"' << bad << '"');
        const auto r = parseYuan(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ErrorCode::InvalidInput);
        CHECK_FALSE(r.error().message.empty());
    }
}

TEST_CASE("fen are written back as yuan", "[money]")
{
    CHECK(formatYuanPlain(Money{123'456}) == "1234.56");
    CHECK(formatYuanPlain(Money{5}) == "0.05");
    CHECK(formatYuanPlain(Money{-320}) == "-3.20");
    CHECK(formatYuanPlain(Money{0}) == "0.00");
    CHECK(formatYuan(Money{123'456'789}) == "¥1,234,567.89");
    CHECK(formatYuan(Money{100'000}) == "¥1,000.00");
    CHECK(formatYuan(Money{99'999}) == "¥999.99");
    CHECK(formatYuan(Money{-5}) == "-¥0.05");
    CHECK(formatYuanGrouped(Money{800'000}) == "8,000.00");
    CHECK(formatYuanGrouped(Money{-98'765'432'100}) == "-987,654,321.00");
    CHECK(formatYuanGrouped(Money{5}) == "0.05");
    for (const std::int64_t fen : {0LL, 1LL, 99LL, 100LL, -1LL, 123'456'789LL, -98'765'432'100LL}) {
        INFO(fen);
        CHECK(parseYuan(formatYuanPlain(Money{fen}))->fen == fen);
    }
}

TEST_CASE("money arithmetic stays in fen", "[money]")
{
    Money m = Money::fromYuan(10);
    CHECK(m.fen == 1'000);
    m += Money::fromFen(5);
    m -= Money::fromFen(10);
    CHECK(m.fen == 995);
    CHECK((-m).fen == -995);
    CHECK(min(Money{3}, Money{4}).fen == 3);
    CHECK(max(Money{3}, Money{4}).fen == 4);
    CHECK(Money{3} < Money{4});
    CHECK(kZeroMoney.isZero());
    CHECK(Money{1}.isPositive());
    CHECK_FALSE(Money{-1}.isPositive());
}
