#include "domain/shared/clock_time.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

TEST_CASE("clock times are written and read as HH:MM", "[clock_time]")
{
    CHECK(formatClockTime(ClockTime::at(8, 0)) == "08:00");
    CHECK(formatClockTime(ClockTime::at(21, 30)) == "21:30");
    CHECK(formatClockTime(ClockTime{24 * 60 + 10}) == "24:10");
    CHECK(parseClockTime("08:00") == ClockTime::at(8, 0));
    CHECK(parseClockTime("8:05") == ClockTime::at(8, 5));
    CHECK(parseClockTime("23:59") == ClockTime::at(23, 59));
    for (const char* bad : {"24:00", "10:60", "1030", "", ":30", "10:5", "10:050", "1a:00", "-1:00"}) {
        INFO(bad);
        const auto r = parseClockTime(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().id == "clock.invalid");
    }
}

TEST_CASE("a daily window may wrap past midnight; its end is not inside", "[clock_time]")
{
    const DailyWindow quiet{ClockTime::at(22, 0), ClockTime::at(8, 0)};
    CHECK_FALSE(quiet.contains(ClockTime::at(21, 59)));
    CHECK(quiet.contains(ClockTime::at(22, 0)));
    CHECK(quiet.contains(ClockTime::at(0, 0)));
    CHECK(quiet.contains(ClockTime::at(7, 59)));
    CHECK_FALSE(quiet.contains(ClockTime::at(8, 0)));

    const DailyWindow work{ClockTime::at(9, 0), ClockTime::at(18, 0)};
    CHECK(work.contains(ClockTime::at(9, 0)));
    CHECK_FALSE(work.contains(ClockTime::at(18, 0)));
    CHECK_FALSE(DailyWindow{ClockTime::at(9, 0), ClockTime::at(9, 0)}.contains(ClockTime::at(9, 0)));

    // 21:00 for 60 minutes ends at 22:00 and touches no quiet minute; 61 minutes does.
    CHECK_FALSE(quiet.overlaps(ClockTime::at(21, 0), 60));
    CHECK(quiet.overlaps(ClockTime::at(21, 0), 61));
    CHECK(quiet.overlaps(ClockTime::at(7, 30), 60));
    CHECK_FALSE(quiet.overlaps(ClockTime::at(8, 0), 600));
}

TEST_CASE("local date-times order by date, then time", "[clock_time]")
{
    const Date d1 = *parseIsoDate("2026-11-30");
    const Date d2 = *parseIsoDate("2026-12-01");
    CHECK(LocalDateTime{d1, ClockTime::at(23, 0)} < LocalDateTime{d2, ClockTime::at(1, 0)});
    CHECK(LocalDateTime{d1, ClockTime::at(9, 0)} < LocalDateTime{d1, ClockTime::at(9, 1)});
    CHECK(LocalDateTime{d1, ClockTime::at(9, 0)} == LocalDateTime{d1, ClockTime::at(9, 0)});
}
