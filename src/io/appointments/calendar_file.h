#pragma once
// An iCalendar file (RFC 5545) of home visits for Outlook, Thunderbird and phones, written with libical (a
// maintained C library) rather than formatted by hand. Times are local to the branch, Asia/Shanghai, with its
// VTIMEZONE (UTC+8 all year, no daylight saving since 1991) in the file, so a client in another zone shows
// them at the right moment. The caller decides what an event says: no personal datum belongs in it.
#include "domain/messages/error.h"
#include "domain/shared/clock_time.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace doorstep::io {

enum class EventStatus { Tentative, Confirmed, Cancelled };

struct CalendarEvent {
    std::string uid;  // stable across exports: the same appointment gives the same UID
    LocalDateTime start;
    int durationMinutes = 0;
    std::string summary;
    std::string location;
    std::string description;
    std::vector<std::string> categories;
    EventStatus status = EventStatus::Tentative;
    std::chrono::sys_seconds stamp{};  // when the appointment last changed (DTSTAMP, LAST-MODIFIED)
};

inline constexpr const char* kCalendarTimeZone = "Asia/Shanghai";

// The whole calendar as text (CRLF line ends, folded at 75 octets by libical).
std::string calendarText(const std::vector<CalendarEvent>& events, const std::string& calendarName);
// Written atomically; Io when the file cannot be written.
Result<void> writeCalendarFile(const std::filesystem::path& target, const std::vector<CalendarEvent>& events,
                               const std::string& calendarName);

}  // namespace doorstep::io
