// doorstep-cli visits and doorstep-cli report visit, run as separate processes against a branch made here.
#include "support/file_bytes.h"
#include "support/visit_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <cstdlib>
#include <string>
#include <sys/wait.h>

using namespace doorstep;
using app::VisitNoteService;
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

Run cli(test::VisitBranch& b, const std::string& user, const std::string& args)
{
    const auto dir = b.branch.dir().path();
    const auto out = dir / "stdout";
    const auto err = dir / "stderr";
    const std::string line = "setsid -w env XDG_DATA_HOME=" + quoted(dir.string()) +
                             " DOORSTEP_PASSWORD=" + quoted(std::string(test::kStaffPassword)) + " " +
                             quoted(DOORSTEP_CLI_PATH) + " " + args + " --db " +
                             quoted(b.branch.databasePath().string()) + " --user " + user + " </dev/null >" +
                             quoted(out.string()) + " 2>" + quoted(err.string());
    const int raw = std::system(line.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = test::readBytes(out);
    r.err = test::readBytes(err);
    return r;
}

std::size_t lines(const std::string& s)
{
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

// Two notes of ofc1's visits on kDay: one approved after an addendum, one a draft; and ofc1's free text and the
// person met's name, which must never leave in the batch output.
struct Notes {
    std::int64_t approved = 0;
    std::int64_t draft = 0;
};

Notes writeNotes(test::VisitBranch& b)
{
    Notes n;
    auto ofc1 = b.login("ofc1");
    VisitNoteService officer(*ofc1);
    VisitNoteService supervisor(*b.sup);
    n.approved = officer.open(b.madeVisit(true)).value();
    VisitNoteDraft draft = test::completeDraft();
    draft.content.metRelation = MetRelation::Spouse;
    draft.content.metName = "Secret-Name-Of-Spouse";
    REQUIRE(officer.submit(n.approved, draft));
    REQUIRE(supervisor.returnForCorrection(n.approved, "Which hospital?"));
    draft.addendumText = "Private free text of the addendum";
    REQUIRE(officer.addAddendum(n.approved, draft));
    REQUIRE(supervisor.approve(n.approved));
    n.draft = officer.open(b.madeVisit(false, 0, 13)).value();
    return n;
}

}  // namespace

TEST_CASE("doorstep-cli visits lists the notes of a date range as codes and numbers, no free text", "[cli]")
{
    test::VisitBranch b;
    const Notes n = writeNotes(b);

    Run csv = cli(b, "sup", "visits --from 2026-11-30 --to 2026-11-30");
    REQUIRE(csv.status == 0);
    CHECK_THAT(csv.out, StartsWith("id,appointment_id,customer_id,visit_date,author,visitors,state,versions,"));
    CHECK(lines(csv.out) == 3);
    CHECK_THAT(csv.out, ContainsSubstring(",2026-11-30,ofc1,ofc1;ofc2,approved,2,1,approved,"));
    CHECK_THAT(csv.out, ContainsSubstring(",spouse,home,10:05,10:45,1,1,1,1,illness_family;other,520000,310000,3,4,"
                                          "cooperative,1,2,203456,"));
    CHECK_THAT(csv.out, ContainsSubstring(",draft,0,0,,,0,,"));
    for (const char* secret : {"Secret-Name-Of-Spouse", "Private free text", "Shop closed", "hospital", "Lower monthly",
                               "Spouse in hospital"})
        CHECK_THAT(csv.out, !ContainsSubstring(secret));

    Run json = cli(b, "sup", "visits --from 2026-11-01 --to 2026-12-31 --format json");
    REQUIRE(json.status == 0);
    CHECK_THAT(json.out, StartsWith("[\n{\"id\":" + std::to_string(n.approved)));
    CHECK_THAT(json.out, ContainsSubstring("\"hardship\":[\"illness_family\",\"other\"]"));
    CHECK_THAT(json.out, ContainsSubstring("{\"amount_fen\":80000,\"due_date\":\"2026-12-07\",\"status\":\""));
    CHECK_THAT(json.out, ContainsSubstring("\"versions\":[{\"version\":1,\"kind\":\"submission\",\"by\":\"ofc1\""));
    CHECK_THAT(json.out, ContainsSubstring("{\"version\":2,\"kind\":\"addendum\""));
    CHECK_THAT(json.out, ContainsSubstring("\"reviews\":[{\"version\":1,\"decision\":\"returned\",\"by\":\"sup\""));
    CHECK_THAT(json.out, ContainsSubstring("\"customer_home\":false,\"met_relation\":null"));
    CHECK_THAT(json.out, !ContainsSubstring("Secret-Name-Of-Spouse"));
    CHECK_THAT(json.out, !ContainsSubstring("Which hospital"));

    // An officer who made no visit sees none; a range without visits is an empty list.
    Run other = cli(b, "ofc3", "visits --from 2026-11-30 --to 2026-11-30");
    REQUIRE(other.status == 0);
    CHECK(lines(other.out) == 1);
    Run empty = cli(b, "sup", "visits --from 2026-12-01 --to 2026-12-31 --format json");
    REQUIRE(empty.status == 0);
    CHECK(empty.out == "[]\n");

    CHECK(cli(b, "sup", "visits --from 2026-11-30").status == 2);
    CHECK(cli(b, "sup", "visits --from 2026-12-01 --to 2026-11-30").status == 2);
    CHECK(cli(b, "sup", "visits --from 2026-11-30 --to 2026-11-30 --format xml").status == 2);
}

TEST_CASE("doorstep-cli report visit prints one note's report; report visits a range for supervisors", "[cli]")
{
    test::VisitBranch b;
    const Notes n = writeNotes(b);
    const auto dir = b.branch.dir().path();
    const std::string one = (dir / "visit.pdf").string();
    Run sup = cli(b, "sup", "report visit --id " + std::to_string(n.approved) + " --out " + quoted(one));
    REQUIRE(sup.status == 0);
    CHECK_THAT(sup.err, ContainsSubstring("Wrote 1 visit note(s) on "));
    const std::string pdf = test::readBytes(one);
    CHECK_THAT(pdf, StartsWith("%PDF-"));
    CHECK(pdf.size() > 10'000);

    // The officer who wrote it prints it too; another officer may not see it.
    Run ofc1 = cli(b, "ofc1",
                   "report visit --id " + std::to_string(n.approved) + " --lang en --out " +
                       quoted((dir / "mine.pdf").string()));
    CHECK(ofc1.status == 0);
    Run ofc3 =
        cli(b, "ofc3",
            "report visit --id " + std::to_string(n.approved) + " --out " + quoted((dir / "other.pdf").string()));
    CHECK(ofc3.status == 1);
    CHECK_THAT(ofc3.err, ContainsSubstring("not found"));

    // The branch file: the submitted notes of the range (the draft is left out), each from a new page.
    const std::string range = (dir / "range.pdf").string();
    Run file = cli(b, "sup", "report visits --from 2026-11-01 --to 2026-11-30 --out " + quoted(range));
    REQUIRE(file.status == 0);
    CHECK_THAT(file.err, ContainsSubstring("Wrote 1 visit note(s)"));
    CHECK(cli(b, "ofc1", "report visits --from 2026-11-01 --to 2026-11-30 --out " + quoted(range)).status == 1);
    Run none = cli(b, "sup", "report visits --from 2026-12-01 --to 2026-12-31 --out " + quoted(range));
    CHECK(none.status == 1);

    CHECK(cli(b, "sup", "report visit --out " + quoted(one)).status == 2);
    CHECK(cli(b, "sup", "report visit --id 1").status == 2);
    CHECK(cli(b, "sup", "report visit --id 1 --lang fr --out " + quoted(one)).status == 2);
    CHECK(b.audit("visit_note.print").size() == 2);
    CHECK(b.audit("visit_note.print_range").size() == 1);
}
