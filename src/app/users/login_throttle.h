#pragma once
// Slows down repeated failed logins on this workstation (any user name counts, so guessing
// across names is slowed too). Kept in memory: restarting the program is itself slow enough.
#include "app/shared/clock.h"
#include "domain/messages/error.h"

#include <chrono>

namespace doorstep::app {

class LoginThrottle final {
public:
    explicit LoginThrottle(const Clock& clock) : m_clock(clock) {}

    // Throttled with a message when the caller must still wait.
    Result<void> check() const;
    std::chrono::seconds remainingWait() const;
    void recordFailure();
    void recordSuccess();
    int consecutiveFailures() const { return m_failures; }

private:
    const Clock& m_clock;
    int m_failures = 0;
    std::chrono::system_clock::time_point m_lastFailure{};
};

}  // namespace doorstep::app
