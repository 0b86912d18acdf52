#pragma once
// A local wall-clock time of day in the branch's time zone (Asia/Shanghai), to the minute: appointment start
// times, quiet hours, working hours (DOMAIN.md sections 2 and 5). Dates stay in calendar.h.
#include "domain/messages/error.h"
#include "domain/shared/calendar.h"

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace doorstep {

struct ClockTime {
    int minutes = 0;  // since local midnight, 0 … 1439 for a valid time

    static constexpr ClockTime at(int hour, int minute) { return ClockTime{hour * 60 + minute}; }
    constexpr int hour() const { return minutes / 60; }
    constexpr int minute() const { return minutes % 60; }
    constexpr bool valid() const { return minutes >= 0 && minutes < 24 * 60; }
    friend constexpr auto operator<=>(ClockTime, ClockTime) = default;
};

// "08:00", "21:30"; a minute count of a day or more shows as "24:10" (a plan running past midnight).
std::string formatClockTime(ClockTime time);
// "8:00", "08:00" and "21:30"; InvalidInput for anything else (24:00, 10:60, 1030).
Result<ClockTime> parseClockTime(std::string_view text);

// A local date and time, Asia/Shanghai: when a contact is made, when an appointment starts.
struct LocalDateTime {
    Date date{};
    ClockTime time;
    friend constexpr auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

// "2026-06-30T01:30:00Z" (the stored UTC stamps) as the local date and time in Asia/Shanghai; none when the
// text is not such a stamp.
std::optional<LocalDateTime> localTimeOfUtcStamp(std::string_view stamp);
// The same stamp as people read it on paper, "2026-06-30 09:30" local time; the text itself when it is not a stamp.
std::string formatUtcStampLocally(std::string_view stamp);
// The same to the second, "2026-06-30 09:30:15", where the order of events matters (the audit trail).
std::string formatUtcStampLocallyToSecond(std::string_view stamp);

// A daily interval that may wrap past midnight, such as the quiet hours 22:00–08:00. `from == to` is empty.
struct DailyWindow {
    ClockTime from;
    ClockTime to;

    // Whether the minute starting at `time` lies inside [from, to).
    constexpr bool contains(ClockTime time) const
    {
        if (from == to) return false;
        if (from < to) return from <= time && time < to;
        return from <= time || time < to;
    }
    // Whether any minute of [start, start + minutes) lies inside, the interval taken within one day.
    constexpr bool overlaps(ClockTime start, int minutes) const
    {
        for (int m = 0; m < minutes; ++m) {
            if (contains(ClockTime{(start.minutes + m) % (24 * 60)})) return true;
        }
        return minutes <= 0 && contains(start);
    }
};

}  // namespace doorstep
