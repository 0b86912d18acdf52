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

TEST_CASE("stored UTC stamps become Asia/Shanghai local times", "[clock_time]")
{
    const auto morning = localTimeOfUtcStamp("2026-06-30T01:30:00Z");
    REQUIRE(morning);
    CHECK(formatIsoDate(morning->date) == "2026-06-30");
    CHECK(morning->time == ClockTime::at(9, 30));
    const auto pastMidnight = localTimeOfUtcStamp("2026-12-31T16:10:59Z");
    REQUIRE(pastMidnight);
    CHECK(formatIsoDate(pastMidnight->date) == "2027-01-01");
    CHECK(pastMidnight->time == ClockTime::at(0, 10));
    const auto lastMinute = localTimeOfUtcStamp("2026-12-31T15:59:00Z");
    REQUIRE(lastMinute);
    CHECK(formatIsoDate(lastMinute->date) == "2026-12-31");
    CHECK(lastMinute->time == ClockTime::at(23, 59));
    CHECK_FALSE(localTimeOfUtcStamp(""));
    CHECK_FALSE(localTimeOfUtcStamp("2026-06-30"));
    CHECK_FALSE(localTimeOfUtcStamp("2026-06-30T24:00:00Z"));
    CHECK_FALSE(localTimeOfUtcStamp("2026-13-30T01:00:00Z"));
}

TEST_CASE("stored UTC stamps are written in local time to the minute, or to the second for the audit trail",
          "[clock_time]")
{
    CHECK(formatUtcStampLocally("2026-06-30T01:30:45Z") == "2026-06-30 09:30");
    CHECK(formatUtcStampLocallyToSecond("2026-06-30T01:30:45Z") == "2026-06-30 09:30:45");
    CHECK(formatUtcStampLocallyToSecond("2026-12-31T16:00:00Z") == "2027-01-01 00:00:00");
    CHECK(formatUtcStampLocallyToSecond("2026-12-31T15:59:59Z") == "2026-12-31 23:59:59");
    // Not a stamp: the text itself, never a made-up time.
    CHECK(formatUtcStampLocally("yesterday") == "yesterday");
    CHECK(formatUtcStampLocallyToSecond("2026-06-30T01:30Z") == "2026-06-30T01:30Z");
    CHECK(formatUtcStampLocallyToSecond("2026-06-30T01:30:60Z") == "2026-06-30T01:30:60Z");
    CHECK(formatUtcStampLocallyToSecond("2026-06-30T01:30:4xZ") == "2026-06-30T01:30:4xZ");
}
