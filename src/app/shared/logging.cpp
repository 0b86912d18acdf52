#include "app/shared/logging.h"

#include <mutex>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <vector>

namespace doorstep::app {
namespace {

std::mutex g_mutex;
std::vector<spdlog::sink_ptr> g_sinks;

}  // namespace

void initLogging(const std::filesystem::path& directory, bool echoToStderr)
{
    std::lock_guard lock(g_mutex);
    g_sinks.clear();
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    std::filesystem::permissions(directory, std::filesystem::perms::owner_all, ec);
    try {
        constexpr std::size_t kFileBytes = 5 * 1024 * 1024;
        g_sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>((directory / "doorstep.log").string(),
                                                                                 kFileBytes, 5));
    } catch (const spdlog::spdlog_ex&) {
        // A read-only data folder must not stop the program; it just logs less.
    }
    if (echoToStderr) {
        auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        err->set_level(spdlog::level::warn);
        g_sinks.push_back(err);
    }
    spdlog::drop_all();
}

std::shared_ptr<spdlog::logger> logger(std::string_view layer)
{
    std::lock_guard lock(g_mutex);
    const std::string name(layer);
    if (auto existing = spdlog::get(name)) return existing;
    std::shared_ptr<spdlog::logger> created;
    if (g_sinks.empty()) {
        created = std::make_shared<spdlog::logger>(name, std::make_shared<spdlog::sinks::null_sink_mt>());
    } else {
        created = std::make_shared<spdlog::logger>(name, g_sinks.begin(), g_sinks.end());
    }
    created->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%n] %l: %v");
    created->flush_on(spdlog::level::info);
    spdlog::register_logger(created);
    return created;
}

}  // namespace doorstep::app
