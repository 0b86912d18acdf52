#include "app/shared/clock.h"

#include <ctime>
#include <fmt/chrono.h>

namespace doorstep::app {

std::string formatUtc(std::chrono::system_clock::time_point when)
{
    // fmt 9 formats a system_clock time point in local time; gmtime keeps the stamp in UTC as the Z says.
    const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::floor<std::chrono::seconds>(when));
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", fmt::gmtime(seconds));
}

}  // namespace doorstep::app
