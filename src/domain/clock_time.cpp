#include "domain/clock_time.h"

#include <fmt/format.h>

namespace doorstep {

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

}  // namespace doorstep
