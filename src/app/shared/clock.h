#pragma once
// Time as the use cases see it: a seam so tests can control it.
#include <chrono>
#include <string>

namespace doorstep::app {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

// UTC, ISO 8601 to the second: 2026-11-29T05:04:32Z
std::string formatUtc(std::chrono::system_clock::time_point when);

}  // namespace doorstep::app
