#pragma once
// How long a login must wait after repeated failures (issue 2: "repeated failures slow down").
#include <chrono>

namespace doorstep {

// The first three failures cost nothing extra; then 2 s, 4 s, 8 s … capped at 5 minutes.
std::chrono::seconds loginDelayAfterFailures(int consecutiveFailures);

}  // namespace doorstep
