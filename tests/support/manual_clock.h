#pragma once
// A clock that only moves when the test says so, for throttling and time stamps.
#include "app/shared/clock.h"

#include <chrono>

namespace doorstep::test {

class ManualClock final : public app::Clock {
public:
    // 2026-11-29T05:04:32Z: a fixed, recognisable instant.
    static constexpr std::chrono::sys_seconds kStart{std::chrono::sys_days{std::chrono::year{2026} / 11 / 29} +
                                                     std::chrono::hours{5} + std::chrono::minutes{4} +
                                                     std::chrono::seconds{32}};

    std::chrono::system_clock::time_point now() const override { return m_now; }
    void advance(std::chrono::system_clock::duration by) { m_now += by; }
    void set(std::chrono::system_clock::time_point at) { m_now = at; }

private:
    std::chrono::system_clock::time_point m_now{kStart};
};

}  // namespace doorstep::test
