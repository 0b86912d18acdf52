#include "domain/shared/clock_time.h"

#include <fmt/format.h>

namespace doorstep {
namespace {

int twoDigits(std::string_view text)
{
    if (text.size() != 2) return -1;
    for (const char c : text) {
        if (c < '0' || c > '9') return -1;
    }
    return (text[0] - '0') * 10 + (text[1] - '0');
}

}  // namespace

std::string formatClockTime(ClockTime time)
{
    return fmt::format("{:02}:{:02}", time.hour(), time.minute());
}

Result<ClockTime> parseClockTime(std::string_view text)
{
    const auto bad = [&] { return fail(ErrorCode::InvalidInput, MessageId{"clock.invalid"}); };
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) return bad();
    int values[2] = {0, 0};
    const std::string_view parts[2] = {text.substr(0, colon), text.substr(colon + 1)};
    for (int i = 0; i < 2; ++i) {
        for (char c : parts[i]) {
            if (c < '0' || c > '9') return bad();
            values[i] = values[i] * 10 + (c - '0');
        }
    }
    if (values[0] > 23 || values[1] > 59) return bad();
    return ClockTime::at(values[0], values[1]);
}

std::optional<LocalDateTime> localTimeOfUtcStamp(std::string_view stamp)
{
    if (stamp.size() < 16 || stamp[10] != 'T' || stamp[13] != ':') return std::nullopt;
    const auto date = parseIsoDate(stamp.substr(0, 10));
    const int hour = twoDigits(stamp.substr(11, 2));
    const int minute = twoDigits(stamp.substr(14, 2));
    if (!date || hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    int minutes = hour * 60 + minute + 8 * 60;  // Asia/Shanghai is UTC+8 all year
    Date day = *date;
    if (minutes >= 24 * 60) {
        minutes -= 24 * 60;
        day = addDays(day, 1);
    }
    return LocalDateTime{day, ClockTime{minutes}};
}

std::string formatUtcStampLocally(std::string_view stamp)
{
    const auto local = localTimeOfUtcStamp(stamp);
    if (!local) return std::string(stamp);
    return formatIsoDate(local->date) + " " + formatClockTime(local->time);
}

std::string formatUtcStampLocallyToSecond(std::string_view stamp)
{
    const auto local = localTimeOfUtcStamp(stamp);
    if (!local || stamp.size() < 19 || stamp[16] != ':') return std::string(stamp);
    const int second = twoDigits(stamp.substr(17, 2));
    if (second < 0 || second > 59) return std::string(stamp);
    return formatIsoDate(local->date) + " " + formatClockTime(local->time) + ":" + std::string(stamp.substr(17, 2));
}

}  // namespace doorstep
