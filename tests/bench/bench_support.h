#pragma once
// Small helpers shared by bench_import and bench_recompute: a stopwatch, the process's resident memory
// from /proc/self/status, resetting its peak, and logging in to a branch database with the password in
// DOORSTEP_PASSWORD (as doorstep-cli does for scripts).
#include "app/shared/clock.h"
#include "app/users/login_throttle.h"
#include "app/users/session.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fmt/core.h>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <sys/resource.h>

namespace doorstep::bench {

inline double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// User + system CPU seconds this process has used so far. On a loaded machine (other builds running) the
// CPU time of a single-threaded phase varies much less than its wall time.
inline double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// A field of /proc/self/status in KiB ("VmRSS", "VmHWM"); -1 when it cannot be read.
inline long statusKiB(std::string_view field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':')
            return std::strtol(line.c_str() + field.size() + 1, nullptr, 10);
    }
    return -1;
}

inline double mib(long kib)
{
    return static_cast<double>(kib) / 1024.0;
}

// Resets VmHWM (the peak) to the current VmRSS (Linux 4.0+), so the peak of one phase can be read apart
// from the login's Argon2id buffer. Returns false when the kernel refused.
inline bool resetPeakRss()
{
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

struct LoginArgs {
    std::string db;
    std::string user;
};

// Logs in as `user`; prints the reason and returns nullptr on failure. The clock and throttle must outlive
// the session, so they are static.
inline std::unique_ptr<app::Session> login(const LoginArgs& args)
{
    const char* password = std::getenv("DOORSTEP_PASSWORD");
    if (password == nullptr) {
        fmt::print(stderr, "set DOORSTEP_PASSWORD to the password of {}\n", args.user);
        return nullptr;
    }
    static app::SystemClock clock;
    static app::LoginThrottle throttle(clock);
    auto session = app::Session::login(args.db, args.user, password, throttle, clock);
    if (!session) {
        fmt::print(stderr, "login failed: {}\n", session.error().message);
        return nullptr;
    }
    return std::move(*session);
}

}  // namespace doorstep::bench
