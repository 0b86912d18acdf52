#include "app/users/login_throttle.h"

#include "domain/users/login_backoff.h"

namespace doorstep::app {

std::chrono::seconds LoginThrottle::remainingWait() const
{
    const auto delay = loginDelayAfterFailures(m_failures);
    if (delay.count() == 0) return delay;
    const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(m_clock.now() - m_lastFailure);
    // A clock set back after the failure must not stretch the wait past the schedule's delay.
    if (elapsed.count() < 0) return delay;
    return elapsed >= delay ? std::chrono::seconds{0} : delay - elapsed;
}

Result<void> LoginThrottle::check() const
{
    if (remainingWait().count() > 0) return fail(ErrorCode::Throttled, MessageId{"login.throttled"});
    return {};
}

void LoginThrottle::recordFailure()
{
    ++m_failures;
    m_lastFailure = m_clock.now();
}

void LoginThrottle::recordSuccess()
{
    m_failures = 0;
}

}  // namespace doorstep::app
