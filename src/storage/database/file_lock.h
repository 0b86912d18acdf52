#pragma once
// An advisory lock (flock) on a small file beside the database, shared between Doorstep processes.
// flock locks belong to an open file, so two BranchDatabase objects in one process exclude each other
// just as two processes do. A lock file is never removed: removing it would let two holders lock two
// different files of the same name.
#include "domain/messages/error.h"

#include <chrono>
#include <filesystem>

namespace doorstep::storage {

class FileLock final {
public:
    enum class Mode { Shared, Exclusive };

    // The 5 s that SQLite's busy timeout also waits (storage::Connection::open).
    static constexpr std::chrono::milliseconds kDefaultWait{5000};

    // Creates the file when needed (mode 0600) and takes the lock, waiting up to `wait`. Conflict with
    // the busy sentence when another holder keeps it longer; Io when the file cannot be created.
    static Result<FileLock> acquire(const std::filesystem::path& path, Mode mode,
                                    std::chrono::milliseconds wait = kDefaultWait);

    FileLock() = default;
    ~FileLock();
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    // Changes a held lock to `mode`, waiting up to `wait`. flock drops the old lock before it takes the
    // new one, so on failure the old mode is taken back before returning the error.
    Result<void> change(Mode mode, std::chrono::milliseconds wait = kDefaultWait);
    bool held() const { return m_fd >= 0; }
    void release();

private:
    explicit FileLock(int fd, Mode mode) : m_fd(fd), m_mode(mode) {}
    int m_fd = -1;
    Mode m_mode = Mode::Shared;
};

// The sentence for "another Doorstep program holds the database": one for every busy answer.
inline constexpr MessageId kBusyMessage{"database.busy"};

}  // namespace doorstep::storage
