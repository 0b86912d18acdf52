// doorstep-cli run as a script would run it: a separate process, passwords in the environment, its
// log folder (XDG_DATA_HOME) inside the test's temporary folder.
#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <cstdlib>
#include <string>
#include <sys/wait.h>

using namespace doorstep;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::StartsWith;

namespace {

constexpr const char* kAdminPassword = "cli-root-pass-2026";
constexpr const char* kOfficerPassword = "cli-officer-pass-2026";

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

// Single quotes for the shell; none of our arguments contains one.
std::string quoted(const std::string& s)
{
    return "'" + s + "'";
}

class Cli final {
public:
    // `env` is a list of NAME=value words. setsid -w leaves the tool without a controlling terminal,
    // so a missing password variable makes it fail instead of waiting for someone to type.
    Run run(const std::string& env, const std::string& args) const
    {
        const auto out = m_dir / "stdout";
        const auto err = m_dir / "stderr";
        const std::string line = "setsid -w env -u DOORSTEP_PASSWORD -u DOORSTEP_NEW_PASSWORD XDG_DATA_HOME=" +
                                 quoted(m_dir.path().string()) + " " + env + " " + quoted(DOORSTEP_CLI_PATH) + " " +
                                 args + " </dev/null >" + quoted(out.string()) + " 2>" + quoted(err.string());
        const int raw = std::system(line.c_str());
        Run r;
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.out = test::readBytes(out);
        r.err = test::readBytes(err);
        return r;
    }
    std::string db() const { return quoted((m_dir / "branch.db").string()); }
    const test::TempDir& dir() const { return m_dir; }

private:
    test::TempDir m_dir;
};

std::string as(const char* password)
{
    return std::string("DOORSTEP_PASSWORD=") + quoted(password);
}

} // namespace

TEST_CASE("--help and --version answer without a database", "[cli]")
{
    const Cli cli;
    const Run help = cli.run("", "--help");
    CHECK(help.status == 0);
    CHECK_THAT(help.out, StartsWith("Usage: doorstep-cli"));
    CHECK_THAT(help.out, ContainsSubstring("audit verify"));
    CHECK(help.err.empty());

    const Run version = cli.run("", "--version");
    CHECK(version.status == 0);
    CHECK(version.out == std::string("doorstep-cli ") + DOORSTEP_VERSION + "\n");
}

TEST_CASE("usage errors exit with status 2 and say what is wrong on stderr", "[cli]")
{
    const Cli cli;
    const Run unknown = cli.run(as(kAdminPassword), "--db " + cli.db() + " --user admin frobnicate");
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.err, ContainsSubstring("unknown command 'frobnicate'"));
    CHECK(unknown.out.empty());

    const Run noDb = cli.run(as(kAdminPassword), "--user admin user list");
    CHECK(noDb.status == 2);
    CHECK_THAT(noDb.err, ContainsSubstring("--db"));

    const Run nothing = cli.run("", "");
    CHECK(nothing.status == 2);
    CHECK_THAT(nothing.err, ContainsSubstring("no command"));

    const Run dangling = cli.run("", "--db");
    CHECK(dangling.status == 2);
    CHECK_THAT(dangling.err, ContainsSubstring("--db needs a value"));

    CHECK_FALSE(std::filesystem::exists(cli.dir() / "branch.db"));
}

TEST_CASE("without a terminal or DOORSTEP_PASSWORD the tool refuses instead of waiting", "[cli]")
{
    const Cli cli;
    const Run r = cli.run("", "--db " + cli.db() + " --user admin init");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, ContainsSubstring("DOORSTEP_PASSWORD"));
    CHECK_FALSE(std::filesystem::exists(cli.dir() / "branch.db"));
}

// Each step derives a key at the production (moderate) cost, so this is one scenario, not many.
TEST_CASE("init, add, list, remove and verify a branch; a wrong password is refused", "[cli]")
{
    const Cli cli;
    const std::string db = "--db " + cli.db();

    const Run init = cli.run(as(kAdminPassword), db + " --user admin --display-name CLI-SENTINEL-NAME init");
    REQUIRE(init.status == 0);
    CHECK_THAT(init.out, ContainsSubstring("with administrator 'admin'"));

    const Run add = cli.run(as(kAdminPassword) + " DOORSTEP_NEW_PASSWORD=" + quoted(kOfficerPassword),
                            db + " --user admin user add li.wei --role officer --display-name CLI-OFFICER-NAME");
    REQUIRE(add.status == 0);
    CHECK_THAT(add.out, ContainsSubstring("Added user 'li.wei' (officer)"));

    const Run list = cli.run(as(kAdminPassword), db + " --user admin user list");
    REQUIRE(list.status == 0);
    CHECK_THAT(list.out, ContainsSubstring("li.wei"));
    CHECK_THAT(list.out, ContainsSubstring("CLI-OFFICER-NAME"));
    CHECK_THAT(list.out, ContainsSubstring("administrator"));

    const Run remove = cli.run(as(kAdminPassword), db + " --user admin user remove li.wei");
    REQUIRE(remove.status == 0);
    CHECK_THAT(remove.out, ContainsSubstring("re-keyed"));

    const Run verify = cli.run(as(kAdminPassword), db + " --user admin audit verify");
    CHECK(verify.status == 0);
    CHECK_THAT(verify.out, StartsWith("Audit trail intact: "));

    const Run removed = cli.run(as(kOfficerPassword), db + " --user li.wei user list");
    CHECK(removed.status != 0);

    const Run wrong = cli.run(as("not-the-password-1"), db + " --user admin user list");
    CHECK(wrong.status == 1);
    CHECK(wrong.out.empty());
    CHECK(wrong.err == "doorstep-cli: The user name or password is not correct.\n");
    CHECK(removed.err == wrong.err); // a removed user learns no more than a guesser

    // The log went into the test's folder and holds neither passwords nor names.
    const auto log = cli.dir() / "doorstep" / "logs" / "doorstep.log";
    REQUIRE(std::filesystem::exists(log));
    const std::string text = test::readBytes(log);
    for (const char* secret : {kAdminPassword, kOfficerPassword, "CLI-SENTINEL-NAME", "CLI-OFFICER-NAME"}) {
        INFO(secret);
        CHECK(text.find(secret) == std::string::npos);
    }
}
