#include "app/shared/paths.h"

#include <catch2/catch_test_macros.hpp>
#include <cstdlib>
#include <optional>
#include <string>

using namespace doorstep;

namespace {

// Sets an environment variable for one test and puts the old value back afterwards.
class ScopedEnv final {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name)
    {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value != nullptr) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv()
    {
        if (m_old) {
            ::setenv(m_name, m_old->c_str(), 1);
        } else {
            ::unsetenv(m_name);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("data lives under XDG_DATA_HOME when it is an absolute path", "[paths]")
{
    const ScopedEnv xdg("XDG_DATA_HOME", "/srv/data");
    CHECK(app::dataDirectory() == "/srv/data/doorstep");
    CHECK(app::logDirectory() == "/srv/data/doorstep/logs");
    CHECK(app::demoDatabasePath() == "/srv/data/doorstep/demo/demo-branch.db");
}

TEST_CASE("a relative or missing XDG_DATA_HOME falls back to ~/.local/share", "[paths]")
{
    const ScopedEnv home("HOME", "/home/li");
    {
        // The XDG base directory specification says relative paths are invalid and must be ignored.
        const ScopedEnv xdg("XDG_DATA_HOME", "relative/data");
        CHECK(app::dataDirectory() == "/home/li/.local/share/doorstep");
    }
    const ScopedEnv xdg("XDG_DATA_HOME", nullptr);
    CHECK(app::dataDirectory() == "/home/li/.local/share/doorstep");
}

TEST_CASE("without a home the temporary folder is used", "[paths]")
{
    const ScopedEnv xdg("XDG_DATA_HOME", nullptr);
    const ScopedEnv home("HOME", nullptr);
    CHECK(app::dataDirectory() == std::filesystem::temp_directory_path() / "doorstep");
}
