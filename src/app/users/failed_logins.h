#pragma once
// Failed logins per user name, kept in a small file beside the database (`<database>.logins`), so the
// back-off of docs/security.md holds for every way in: the desktop app, a second copy of it, and a loop
// of doorstep-cli calls each starting afresh. No schema change: a failed login has no key to the
// database. Lines hold a hash of the user name, never the name (issue 9).
#include "app/shared/clock.h"
#include "domain/messages/error.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep::app {

class FailedLogins final {
public:
    static std::filesystem::path pathFor(const std::filesystem::path& databasePath);
    static constexpr std::size_t kMaxNames = 1000;  // the oldest entries go first past this

    FailedLogins(const std::filesystem::path& databasePath, const Clock& clock);

    // Throttled while the user name must still wait (loginDelayAfterFailures).
    Result<void> check(std::string_view username) const;
    std::chrono::seconds remainingWait(std::string_view username) const;
    int consecutiveFailures(std::string_view username) const;
    void recordFailure(std::string_view username);
    void recordSuccess(std::string_view username);

    // A failed login not yet in the audit trail (a failure has no key to the database): the hash of the name
    // typed and when. The next successful login writes them (Session::login) and they leave the file.
    struct PendingFailure {
        std::string key;  // keyOf(the name typed): the name itself is never kept
        std::chrono::system_clock::time_point at;
    };
    static constexpr std::size_t kMaxPending = 1000;  // the oldest go first past this
    static std::string keyOf(std::string_view username);
    std::vector<PendingFailure> takePending();

private:
    std::filesystem::path m_path;
    const Clock& m_clock;
};

}  // namespace doorstep::app
