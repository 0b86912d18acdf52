#include "storage/database/file_lock.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace doorstep::storage {
namespace {

// Tries LOCK_NB until it succeeds or `wait` has passed: flock itself has no timeout.
bool lockWithin(int fd, FileLock::Mode mode, std::chrono::milliseconds wait)
{
    const int operation = (mode == FileLock::Mode::Exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    auto pause = std::chrono::milliseconds{1};
    while (true) {
        if (::flock(fd, operation) == 0) return true;
        if (errno != EWOULDBLOCK && errno != EINTR) return false;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds{20});
    }
}

}  // namespace

Result<FileLock> FileLock::acquire(const std::filesystem::path& path, Mode mode, std::chrono::milliseconds wait)
{
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);  // a read-only folder: lock what is there
    if (fd < 0) return fail(ErrorCode::Io, MessageId{"file.create_in_folder"});
    if (!lockWithin(fd, mode, wait)) {
        ::close(fd);
        return fail(ErrorCode::Conflict, kBusyMessage);
    }
    return FileLock(fd, mode);
}

FileLock::~FileLock()
{
    release();
}

FileLock::FileLock(FileLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)), m_mode(other.m_mode) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
        m_mode = other.m_mode;
    }
    return *this;
}

Result<void> FileLock::change(Mode mode, std::chrono::milliseconds wait)
{
    if (m_fd < 0) return fail(ErrorCode::Internal, MessageId{"database.lock_not_held"});
    if (mode == m_mode) return {};
    if (lockWithin(m_fd, mode, wait)) {
        m_mode = mode;
        return {};
    }
    // Linux drops the old lock before trying the new one: take the old mode back.
    (void)lockWithin(m_fd, m_mode, std::chrono::hours{1});
    return fail(ErrorCode::Conflict, kBusyMessage);
}

void FileLock::release()
{
    if (m_fd >= 0) ::close(std::exchange(m_fd, -1));  // closing the last descriptor releases the lock
}

}  // namespace doorstep::storage
