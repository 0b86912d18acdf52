#include "app/users/failed_logins.h"

#include "domain/users/login_backoff.h"
#include "storage/database/crypto.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <fcntl.h>
#include <fmt/core.h>
#include <string>
#include <sys/file.h>
#include <unistd.h>
#include <vector>

namespace doorstep::app {
namespace {

// One line: "<SHA-256 of the user name> <consecutive failures> <last failure, Unix seconds>"; or, for a failure
// not yet audited, "F <SHA-256 of the name typed> <Unix seconds>".
struct Entry {
    std::string key;
    int failures = 0;
    std::int64_t lastFailure = 0;
};

struct Pending {
    std::string key;
    std::int64_t at = 0;
};

struct Contents {
    std::vector<Entry> entries;
    std::vector<Pending> pending;
};

template <typename T> bool parseNumber(std::string_view text, T& out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

// A damaged line is skipped: losing a count only shortens one wait.
Contents parse(std::string_view text)
{
    Contents contents;
    std::vector<Entry>& entries = contents.entries;
    while (!text.empty()) {
        const auto end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.starts_with("F ") && line.size() > 2 + 64 + 1 && line[2 + 64] == ' ') {
            Pending p{std::string(line.substr(2, 64)), 0};
            if (parseNumber(line.substr(2 + 64 + 1), p.at)) contents.pending.push_back(std::move(p));
            continue;
        }
        const auto a = line.find(' ');
        const auto b = a == std::string_view::npos ? a : line.find(' ', a + 1);
        if (b == std::string_view::npos || a != 64) continue;
        Entry e{std::string(line.substr(0, a)), 0, 0};
        if (!parseNumber(line.substr(a + 1, b - a - 1), e.failures) ||
            !parseNumber(line.substr(b + 1), e.lastFailure) || e.failures < 0)
            continue;
        entries.push_back(std::move(e));
    }
    return contents;
}

// The file, locked for its reading and rewriting, so two processes failing at once both count.
class LockedFile {
public:
    enum class Mode { Read, Update, Create };
    LockedFile(const std::filesystem::path& path, Mode mode)
    {
        const bool write = mode != Mode::Read;
        const int flags = mode == Mode::Create ? O_RDWR | O_CREAT : write ? O_RDWR : O_RDONLY;
        m_fd = ::open(path.c_str(), flags | O_CLOEXEC, 0600);
        if (m_fd >= 0 && ::flock(m_fd, write ? LOCK_EX : LOCK_SH) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~LockedFile()
    {
        if (m_fd >= 0) ::close(m_fd);
    }
    LockedFile(const LockedFile&) = delete;
    LockedFile& operator=(const LockedFile&) = delete;
    bool ok() const { return m_fd >= 0; }

    Contents read() const
    {
        std::string text;
        char buffer[4096];
        for (off_t at = 0;;) {
            const ssize_t n = ::pread(m_fd, buffer, sizeof buffer, at);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            text.append(buffer, static_cast<std::size_t>(n));
            at += n;
        }
        return parse(text);
    }

    void write(const Contents& contents) const
    {
        std::string text;
        for (const Entry& e : contents.entries)
            text += fmt::format("{} {} {}\n", e.key, e.failures, e.lastFailure);
        for (const Pending& p : contents.pending)
            text += fmt::format("F {} {}\n", p.key, p.at);
        if (::ftruncate(m_fd, 0) != 0) return;
        std::string_view rest = text;
        for (off_t at = 0; !rest.empty();) {
            const ssize_t n = ::pwrite(m_fd, rest.data(), rest.size(), at);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return;
            rest.remove_prefix(static_cast<std::size_t>(n));
            at += n;
        }
    }

private:
    int m_fd = -1;
};

std::int64_t unixSeconds(std::chrono::system_clock::time_point when)
{
    return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

}  // namespace

std::string FailedLogins::keyOf(std::string_view username)
{
    return storage::sha256Hex(fmt::format("doorstep-logins-v1|{}", username));
}

std::filesystem::path FailedLogins::pathFor(const std::filesystem::path& databasePath)
{
    return std::filesystem::path(databasePath.string() + ".logins");
}

FailedLogins::FailedLogins(const std::filesystem::path& databasePath, const Clock& clock)
    : m_path(pathFor(databasePath)), m_clock(clock)
{}

int FailedLogins::consecutiveFailures(std::string_view username) const
{
    const LockedFile file(m_path, LockedFile::Mode::Read);
    if (!file.ok()) return 0;
    const std::string key = keyOf(username);
    for (const Entry& e : file.read().entries) {
        if (e.key == key) return e.failures;
    }
    return 0;
}

std::chrono::seconds FailedLogins::remainingWait(std::string_view username) const
{
    const LockedFile file(m_path, LockedFile::Mode::Read);
    if (!file.ok()) return std::chrono::seconds{0};
    const std::string key = keyOf(username);
    for (const Entry& e : file.read().entries) {
        if (e.key != key) continue;
        const auto delay = loginDelayAfterFailures(e.failures);
        const std::int64_t elapsed = unixSeconds(m_clock.now()) - e.lastFailure;
        // A clock set back after the failure must not stretch the wait past the schedule's delay.
        if (elapsed < 0) return delay;
        return elapsed >= delay.count() ? std::chrono::seconds{0} : delay - std::chrono::seconds{elapsed};
    }
    return std::chrono::seconds{0};
}

Result<void> FailedLogins::check(std::string_view username) const
{
    if (remainingWait(username).count() > 0) return fail(ErrorCode::Throttled, MessageId{"login.throttled"});
    return {};
}

void FailedLogins::recordFailure(std::string_view username)
{
    const LockedFile file(m_path, LockedFile::Mode::Create);
    if (!file.ok()) return;
    auto contents = file.read();
    auto& entries = contents.entries;
    const std::string key = keyOf(username);
    const std::int64_t now = unixSeconds(m_clock.now());
    contents.pending.push_back({key, now});  // for the audit trail, at the next successful login
    if (contents.pending.size() > kMaxPending)
        contents.pending.erase(contents.pending.begin(),
                               contents.pending.begin() +
                                   static_cast<std::ptrdiff_t>(contents.pending.size() - kMaxPending));
    auto it = std::ranges::find(entries, key, &Entry::key);
    if (it == entries.end()) {
        entries.push_back({key, 0, 0});
        it = std::prev(entries.end());
    }
    it->failures = std::min(it->failures + 1, 1000);
    it->lastFailure = now;
    if (entries.size() > kMaxNames) {
        std::ranges::sort(entries, std::greater<>{}, &Entry::lastFailure);
        entries.resize(kMaxNames);
    }
    file.write(contents);
}

void FailedLogins::recordSuccess(std::string_view username)
{
    const LockedFile file(m_path, LockedFile::Mode::Update);  // no file: nothing to clear
    if (!file.ok()) return;
    auto contents = file.read();
    const std::string key = keyOf(username);
    if (std::erase_if(contents.entries, [&](const Entry& e) { return e.key == key; }) > 0) file.write(contents);
}

std::vector<FailedLogins::PendingFailure> FailedLogins::takePending()
{
    const LockedFile file(m_path, LockedFile::Mode::Update);
    if (!file.ok()) return {};
    auto contents = file.read();
    std::vector<PendingFailure> taken;
    taken.reserve(contents.pending.size());
    for (const Pending& p : contents.pending)
        taken.push_back({p.key, std::chrono::system_clock::time_point{std::chrono::seconds{p.at}}});
    if (!contents.pending.empty()) {
        contents.pending.clear();
        file.write(contents);
    }
    return taken;
}

}  // namespace doorstep::app
