// doorstep-cli plans, run as a separate process against a branch made in this process.
#include "support/file_bytes.h"
#include "support/plan_branch.h"

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

std::string quoted(const std::string& s)
{
    return "'" + s + "'";
}

Run cli(const test::Branch& b, const std::string& user, const std::string& args)
{
    const auto dir = b.branch.dir().path();
    const auto out = dir / "stdout";
    const auto err = dir / "stderr";
    const std::string line = "setsid -w env XDG_DATA_HOME=" + quoted(dir.string()) +
                             " DOORSTEP_PASSWORD=" + quoted(std::string(test::kPlanPassword)) + " " +
                             quoted(DOORSTEP_CLI_PATH) + " plans --db " + quoted(b.branch.databasePath().string()) +
                             " --user " + user + " " + args + " </dev/null >" + quoted(out.string()) + " 2>" +
                             quoted(err.string());
    const int raw = std::system(line.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = test::readBytes(out);
    r.err = test::readBytes(err);
    return r;
}

}  // namespace

TEST_CASE("doorstep-cli plans lists the proposals a user may see, by state, as CSV or JSON", "[cli]")
{
    test::Branch b;
    const std::int64_t approved = b.created(false);
    REQUIRE(app::PlanService(*b.ofc1).submit(approved) == ProposalState::Approved);
    const std::int64_t draft = b.created(true);
    (void)draft;
    const auto p = app::PlanService(*b.sup).proposal(approved).value();
    const PlanFigures f = planFigures(p.plan);

    Run all = cli(b, "sup", "");
    REQUIRE(all.status == 0);
    CHECK_THAT(all.out, StartsWith("id,loan_id,customer_id,owner,state,plan_type,start_date,instalments,"));
    CHECK(std::count(all.out.begin(), all.out.end(), '\n') == 3);

    Run csv = cli(b, "ofc1", "--state approved");
    REQUIRE(csv.status == 0);
    CHECK_THAT(csv.out,
               ContainsSubstring("\n" + std::to_string(approved) +
                                 ",L001-1,C001,ofc1,approved,reamortisation,2026-11-30,3," +
                                 std::to_string(f.firstInstalment.fen) + "," + std::to_string(f.largestInstalment.fen) +
                                 "," + std::to_string(f.totalPaid.fen) + ","));
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 2);

    Run json = cli(b, "sup", "--state draft --format json");
    REQUIRE(json.status == 0);
    CHECK_THAT(json.out, StartsWith("[\n{\"id\":"));
    CHECK_THAT(json.out, ContainsSubstring("\"state\":\"draft\""));
    CHECK_THAT(json.out, ContainsSubstring("\"owner\":\"ofc1\""));
    CHECK_THAT(json.out, ContainsSubstring("\"supervisor_needed\":false"));

    // Another officer sees none of ofc1's proposals.
    Run other = cli(b, "ofc2", "--format json");
    REQUIRE(other.status == 0);
    CHECK(other.out == "[]\n");

    Run wrong = cli(b, "sup", "--state nonsense");
    CHECK(wrong.status == 2);
    CHECK_THAT(wrong.err, ContainsSubstring("--state is one of"));
    CHECK(cli(b, "sup", "--format xml").status == 2);
}

TEST_CASE("doorstep-cli plans --export writes the core-banking file for a supervisor only", "[cli]")
{
    test::Branch b;
    const std::int64_t id = b.created(false);
    REQUIRE(app::PlanService(*b.ofc1).submit(id));
    const std::string file = (b.branch.dir() / "export.csv").string();
    Run refused = cli(b, "ofc1", "--export " + quoted(file) + " --state approved");
    CHECK(refused.status == 1);
    Run done = cli(b, "sup", "--export " + quoted(file) + " --state approved");
    REQUIRE(done.status == 0);
    CHECK_THAT(done.err, ContainsSubstring("Exported 1 plan(s), 3 instalment(s)"));
    const std::string written = test::readBytes(file);
    CHECK(std::count(written.begin(), written.end(), '\n') == 4);
}
