#pragma once
// spdlog with one named logger per layer, writing to a rotating file in the data folder.
// Never log a personal datum or key: log record ids and error codes.
#include <filesystem>
#include <memory>
#include <spdlog/logger.h>
#include <string_view>

namespace doorstep::app {

// Sets up the file sink (and stderr for warnings when `echoToStderr`). Safe to call once per process;
// without it, loggers write nowhere.
void initLogging(const std::filesystem::path& directory, bool echoToStderr);

// "app", "storage", "gui", "cli", … created on first use.
std::shared_ptr<spdlog::logger> logger(std::string_view layer);

}  // namespace doorstep::app
