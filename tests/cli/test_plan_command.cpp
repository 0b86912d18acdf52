// doorstep-cli plan, run as a script would run it: a separate process without a terminal, no database,
// no password. The schedules are the hand-worked ones of test_plan_schedule.cpp.
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

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

// Arguments are single-quoted for the shell; none of ours contains a quote. No DOORSTEP_PASSWORD and
// no terminal: a command that tried to log in would fail instead of printing a plan.
Run plan(const test::TempDir& dir, const std::string& args)
{
    const auto out = dir / "stdout";
    const auto err = dir / "stderr";
    const std::string line = "setsid -w env -u DOORSTEP_PASSWORD XDG_DATA_HOME='" + dir.path().string() + "' '" +
                             DOORSTEP_CLI_PATH + "' plan " + args + " </dev/null >'" + out.string() + "' 2>'" +
                             err.string() + "'";
    const int raw = std::system(line.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = test::readBytes(out);
    r.err = test::readBytes(err);
    return r;
}

}  // namespace

TEST_CASE("plan: 12,000.00 at 6 % over 12 months as CSV, one row per instalment, in fen", "[cli_plan]")
{
    const test::TempDir dir;
    const Run r = plan(dir, "--principal 1200000 --annual-rate 6 --months 12 --method annuity --start 2026-01-15");
    CHECK(r.status == 0);
    CHECK(r.out == "number,due_date,payment,principal,interest,balance\n"
                   "1,2026-02-15,103280,97280,6000,1102720\n"
                   "2,2026-03-15,103280,97766,5514,1004954\n"
                   "3,2026-04-15,103280,98255,5025,906699\n"
                   "4,2026-05-15,103280,98747,4533,807952\n"
                   "5,2026-06-15,103280,99240,4040,708712\n"
                   "6,2026-07-15,103280,99736,3544,608976\n"
                   "7,2026-08-15,103280,100235,3045,508741\n"
                   "8,2026-09-15,103280,100736,2544,408005\n"
                   "9,2026-10-15,103280,101240,2040,306765\n"
                   "10,2026-11-15,103280,101746,1534,205019\n"
                   "11,2026-12-15,103280,102255,1025,102764\n"
                   "12,2027-01-15,103278,102764,514,0\n");
    CHECK(r.err == "12 instalments from 2026-02-15: first 103280, largest 103280, total paid 1239358, total interest "
                   "39358 (fen).\n");
    CHECK_FALSE(std::filesystem::exists(dir / "doorstep" / "branch.db"));
}

TEST_CASE("plan: three months' grace paying interest only, then equal principal, as JSON", "[cli_plan]")
{
    const test::TempDir dir;
    // 3,000.00 at 4.35 %: a month's interest is 10.875 yuan → 10.88 (half-up); the 31st clamps.
    const Run r = plan(dir, "--principal 300000 --annual-rate 4.35 --months 6 --method equal-principal "
                            "--grace-months 3 --grace-mode interest-only --start 2026-01-31 --format json");
    CHECK(r.status == 0);
    CHECK(r.out == "[\n"
                   "{\"number\":1,\"due_date\":\"2026-02-28\",\"payment\":1088,\"principal\":0,\"interest\":1088,"
                   "\"balance\":300000},\n"
                   "{\"number\":2,\"due_date\":\"2026-03-31\",\"payment\":1088,\"principal\":0,\"interest\":1088,"
                   "\"balance\":300000},\n"
                   "{\"number\":3,\"due_date\":\"2026-04-30\",\"payment\":1088,\"principal\":0,\"interest\":1088,"
                   "\"balance\":300000},\n"
                   "{\"number\":4,\"due_date\":\"2026-05-31\",\"payment\":51088,\"principal\":50000,\"interest\":1088,"
                   "\"balance\":250000},\n"
                   "{\"number\":5,\"due_date\":\"2026-06-30\",\"payment\":50906,\"principal\":50000,\"interest\":906,"
                   "\"balance\":200000},\n"
                   "{\"number\":6,\"due_date\":\"2026-07-31\",\"payment\":50725,\"principal\":50000,\"interest\":725,"
                   "\"balance\":150000},\n"
                   "{\"number\":7,\"due_date\":\"2026-08-31\",\"payment\":50544,\"principal\":50000,\"interest\":544,"
                   "\"balance\":100000},\n"
                   "{\"number\":8,\"due_date\":\"2026-09-30\",\"payment\":50363,\"principal\":50000,\"interest\":363,"
                   "\"balance\":50000},\n"
                   "{\"number\":9,\"due_date\":\"2026-10-31\",\"payment\":50181,\"principal\":50000,\"interest\":181,"
                   "\"balance\":0}\n"
                   "]\n");
}

TEST_CASE("plan: a grace without payment capitalises by default, or defers the interest", "[cli_plan]")
{
    const test::TempDir dir;
    const std::string base = "--principal 1200000 --annual-rate 6 --months 12 --grace-months 3 --start 2026-01-15 ";
    const Run capitalised = plan(dir, base + "--grace-mode none");
    CHECK(capitalised.status == 0);
    CHECK_THAT(capitalised.out, ContainsSubstring("\n1,2026-02-15,0,0,0,1206000\n"
                                                  "2,2026-03-15,0,0,0,1212030\n"
                                                  "3,2026-04-15,0,0,0,1218090\n"
                                                  "4,2026-05-15,104837,98747,6090,1119343\n"));
    CHECK_THAT(capitalised.out, ContainsSubstring("\n15,2027-04-15,104835,104313,522,0\n"));
    const Run deferred = plan(dir, base + "--grace-mode none --grace-interest defer");
    CHECK(deferred.status == 0);
    CHECK_THAT(deferred.out, ContainsSubstring("\n3,2026-04-15,0,0,0,1200000\n"
                                               "4,2026-05-15,104780,97280,7500,1102720\n"));
    CHECK_THAT(deferred.err, ContainsSubstring("total paid 1257358, total interest 57358"));
}

TEST_CASE("plan: wrong arguments exit 2 with a sentence and print no schedule", "[cli_plan]")
{
    const test::TempDir dir;
    const auto refused = [&](const std::string& args, const std::string& says) {
        INFO(args);
        const Run r = plan(dir, args);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, ContainsSubstring(says));
    };
    const std::string ok = " --annual-rate 6 --months 12";
    refused("--annual-rate 6 --months 12", "plan needs --principal FEN");
    refused("--principal 12000.00" + ok, "--principal is a whole number of fen");
    refused("--principal 1200000 --annual-rate six --months 12", "--annual-rate is not a rate in percent");
    refused("--principal 1200000 --annual-rate 6 --months twelve", "--months is a whole number");
    refused("--principal 1200000" + ok + " --method bullet", "--method is annuity or equal-principal");
    refused("--principal 1200000" + ok + " --grace-months 2 --grace-mode skip",
            "--grace-mode is none or interest-only");
    refused("--principal 1200000" + ok + " --grace-interest waive", "--grace-interest is capitalise or defer");
    refused("--principal 1200000" + ok + " --start 2026-02-30", "--start is a date");
    refused("--principal 1200000" + ok + " --format xml", "--format is csv or json");
    refused("--principal 1200000" + ok + " --waiver 100", "plan does not know --waiver");
    refused("--principal 1200000" + ok + " extra", "plan takes no operands");
    // The calculators' own refusals, in their words.
    refused("--principal 0" + ok, "Nothing is left to repay after the waiver.");
    refused("--principal -5" + ok, "An amount cannot be negative.");
    refused("--principal 1200000 --annual-rate 6 --months 481",
            "The term must be from 1 to 480 months, grace period included, not 481.");
    refused("--principal 1200000 --annual-rate 6 --months 470 --grace-months 11", "grace period included, not 481.");
    refused("--principal 28 --annual-rate 0 --months 8", "Choose a shorter term.");
}

TEST_CASE("plan: --db and --user are ignored; the start defaults to today", "[cli_plan]")
{
    const test::TempDir dir;
    const Run r = plan(dir, "--db /nonexistent/branch.db --user nobody --principal 100000 --annual-rate 0 --months 1");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, ContainsSubstring(",100000,100000,0,0\n"));
    CHECK_THAT(r.err, StartsWith("1 instalment from "));
    CHECK_FALSE(std::filesystem::exists("/nonexistent/branch.db"));
}
