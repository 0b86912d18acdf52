#include "app/shared/logging.h"

#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace doorstep;
using Catch::Matchers::ContainsSubstring;
namespace fs = std::filesystem;

TEST_CASE("loggers write named, time-stamped lines into a private log folder", "[logging]")
{
    test::TempDir dir;
    const auto logs = dir / "doorstep" / "logs";
    app::initLogging(logs, /*echoToStderr=*/false);
    app::logger("storage")->info("opened database id {}", 42);
    app::logger("storage")->debug("below the default level");
    CHECK(app::logger("storage") == app::logger("storage"));  // one logger per layer

    CHECK(fs::status(logs).permissions() == fs::perms::owner_all);
    const std::string text = test::readBytes(logs / "doorstep.log");
    CHECK_THAT(text, ContainsSubstring("[storage] info: opened database id 42"));
    CHECK_THAT(text, !ContainsSubstring("below the default level"));
}

TEST_CASE("a log folder that cannot be created does not stop the program", "[logging]")
{
    test::TempDir dir;
    test::writeBytes(dir / "file", "");  // a file where the folder should be
    CHECK_NOTHROW(app::initLogging(dir / "file" / "logs", false));
    CHECK_NOTHROW(app::logger("app")->error("still fine"));
}
