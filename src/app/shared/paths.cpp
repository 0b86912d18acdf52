#include "app/shared/paths.h"

#include <cstdlib>

namespace doorstep::app {

std::filesystem::path dataDirectory()
{
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg == '/')
        return std::filesystem::path(xdg) / "doorstep";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return std::filesystem::path(home) / ".local" / "share" / "doorstep";
    return std::filesystem::temp_directory_path() / "doorstep";
}

std::filesystem::path logDirectory()
{
    return dataDirectory() / "logs";
}

std::filesystem::path demoDatabasePath()
{
    return dataDirectory() / "demo" / "demo-branch.db";
}

}  // namespace doorstep::app
