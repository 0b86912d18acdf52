#include "domain/shared/calendar.h"

#include <catch2/catch_test_macros.hpp>
#include <fmt/core.h>

using namespace doorstep;

namespace {
Date ymd(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}
}  // namespace

TEST_CASE("ISO dates are read, and only real days", "[calendar]")
{
    CHECK(parseIsoDate("2026-11-30") == ymd(2026, 11, 30));
    CHECK(parseIsoDate("2028-02-29") == ymd(2028, 2, 29));  // leap year
    CHECK(parseIsoDate("2000-02-29") == ymd(2000, 2, 29));  // divisible by 400
    for (const char* bad : {"", "2026-02-30", "2027-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
                            "2026-1-01", "2026/01/01", "26-01-01", " 2026-01-01", "2026-01-01 ", "2026-01-0a",
                            "-001-01-01", "2026--1-01", "2026-01--1", "+202-01-01"}) {
        INFO('"' << bad << '"');
        const auto r = parseIsoDate(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ErrorCode::InvalidInput);
    }
}

TEST_CASE("dates are written as ISO and read back", "[calendar]")
{
    CHECK(formatIsoDate(ymd(2026, 1, 5)) == "2026-01-05");
    CHECK(formatIsoDate(ymd(999, 12, 31)) == "0999-12-31");
    CHECK(parseIsoDate(formatIsoDate(ymd(2028, 2, 29))) == ymd(2028, 2, 29));
}

TEST_CASE("the fast date writer gives fmt's text for every day and for the edges", "[calendar]")
{
    const auto viaFmt = [](Date d) {
        return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                           static_cast<unsigned>(d.day()));
    };
    for (Date d = ymd(1899, 1, 1); d <= ymd(2101, 1, 1); d = addDays(d, 1)) {
        if (formatIsoDate(d) != viaFmt(d)) FAIL(viaFmt(d));
    }
    for (const Date d : {ymd(0, 1, 1), ymd(9, 9, 9), ymd(9999, 12, 31), ymd(10000, 1, 1), ymd(-1, 1, 1),
                         ymd(2026, 13, 40), ymd(2026, 100, 1), ymd(2026, 1, 200)})
        CHECK(formatIsoDate(d) == viaFmt(d));
}

TEST_CASE("days between and adding days cross months and leap days", "[calendar]")
{
    CHECK(daysBetween(ymd(2026, 1, 31), ymd(2026, 3, 1)) == 29);  // 2026 is not a leap year
    CHECK(daysBetween(ymd(2028, 1, 31), ymd(2028, 3, 1)) == 30);  // 2028 is
    CHECK(daysBetween(ymd(2026, 3, 1), ymd(2026, 1, 31)) == -29);
    CHECK(daysBetween(ymd(2026, 1, 1), ymd(2027, 1, 1)) == 365);
    CHECK(daysBetween(ymd(2028, 1, 1), ymd(2029, 1, 1)) == 366);
    CHECK(addDays(ymd(2028, 2, 28), 1) == ymd(2028, 2, 29));
    CHECK(addDays(ymd(2026, 2, 28), 1) == ymd(2026, 3, 1));
    CHECK(addDays(ymd(2026, 1, 1), -1) == ymd(2025, 12, 31));
    CHECK(addDays(ymd(2026, 12, 31), 0) == ymd(2026, 12, 31));
}

TEST_CASE("adding months clamps to the end of a shorter month", "[calendar]")
{
    CHECK(addMonthsClamped(ymd(2026, 1, 31), 1) == ymd(2026, 2, 28));
    CHECK(addMonthsClamped(ymd(2028, 1, 31), 1) == ymd(2028, 2, 29));
    CHECK(addMonthsClamped(ymd(2026, 1, 31), 2) == ymd(2026, 3, 31));  // from the start date, not from Feb 28
    CHECK(addMonthsClamped(ymd(2026, 1, 31), 3) == ymd(2026, 4, 30));
    CHECK(addMonthsClamped(ymd(2026, 11, 15), 2) == ymd(2027, 1, 15));
    CHECK(addMonthsClamped(ymd(2028, 2, 29), 12) == ymd(2029, 2, 28));
    CHECK(addMonthsClamped(ymd(2026, 3, 31), -1) == ymd(2026, 2, 28));
    CHECK(addMonthsClamped(ymd(2026, 1, 15), -1) == ymd(2025, 12, 15));
    CHECK(addMonthsClamped(ymd(2026, 5, 10), 0) == ymd(2026, 5, 10));
}
