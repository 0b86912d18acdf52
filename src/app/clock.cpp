#include "app/clock.h"

#include <fmt/chrono.h>

namespace doorstep::app {

std::string formatUtc(std::chrono::system_clock::time_point when)
{
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", std::chrono::floor<std::chrono::seconds>(when));
}

}  // namespace doorstep::app
