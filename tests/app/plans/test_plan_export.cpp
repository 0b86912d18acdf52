#include "app/plans/plan_export.h"

#include "support/db_query.h"
#include "support/file_bytes.h"
#include "support/plan_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <string>
#include <vector>

using namespace doorstep;
using Catch::Matchers::StartsWith;
using test::Branch;

namespace {

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = text.find("\r\n", at);
        out.push_back(text.substr(at, end - at));
        at = end + 2;
    }
    return out;
}

}  // namespace

TEST_CASE("a text field a spreadsheet would run as a formula gets a leading quote", "[plan_export]")
{
    CHECK(app::neutralisedCsvText("=1+2") == "'=1+2");
    CHECK(app::neutralisedCsvText("+86") == "'+86");
    CHECK(app::neutralisedCsvText("-5") == "'-5");
    CHECK(app::neutralisedCsvText("@SUM(A1)") == "'@SUM(A1)");
    CHECK(app::neutralisedCsvText("\tx") == "'\tx");
    CHECK(app::neutralisedCsvText("\rx") == "'\rx");
    CHECK(app::neutralisedCsvText("L001-1") == "L001-1");  // a minus inside is harmless
    CHECK(app::neutralisedCsvText("") == "");
    CHECK(app::neutralisedCsvText("'=x") == "'=x");
}

TEST_CASE("the export writes one row per new instalment of the accepted plans, for supervisors", "[plan_export]")
{
    Branch b;
    const std::int64_t accepted = b.created(false);
    REQUIRE(app::PlanService(*b.ofc1).submit(accepted));
    REQUIRE(app::PlanService(*b.ofc1).recordAcceptance(accepted));
    const std::int64_t draft = b.created(false);  // not exported
    (void)draft;

    const auto path = b.branch.dir() / "plans.csv";
    CHECK(app::exportPlans(*b.ofc1, path).error().code == ErrorCode::PermissionDenied);
    auto summary = app::exportPlans(*b.sup, path);
    REQUIRE(summary);
    CHECK(summary->plans == 1);
    CHECK(summary->instalments == 3);
    const auto rows = lines(test::readBytes(path));
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "proposal_id,loan_id,customer_id,plan_type,effective_date,instalment,due_date,payment,principal,"
                     "interest,balance,waived_penalty,waived_compound,discount,state");
    const auto p = app::PlanService(*b.sup).proposal(accepted);
    REQUIRE(p);
    const auto& i = p->plan.instalments;
    for (std::size_t k = 0; k < 3; ++k) {
        CHECK(rows[k + 1] == std::to_string(accepted) + ",L001-1,C001,reamortisation,2026-11-30," +
                                 std::to_string(k + 1) + "," + formatIsoDate(i[k].dueDate) + "," +
                                 formatYuanPlain(i[k].payment()) + "," + formatYuanPlain(i[k].principal) + "," +
                                 formatYuanPlain(i[k].interest) + "," + formatYuanPlain(i[k].balance) +
                                 ",0.00,0.00,0.00,accepted");
    }
    CHECK(rows[3].find(",0.00,0.00,0.00,0.00,accepted") != std::string::npos);  // the balance ends at 0.00
    CHECK(test::queryInt(b.db(), "SELECT count(*) FROM audit_event WHERE action = 'plan.export' AND record_id = '1'") ==
          1);

    // A state before approval is not for core banking.
    CHECK(app::exportPlans(*b.sup, path, ProposalState::Draft).error().id == "plan.export_state");
    // Nothing approved: just the header.
    summary = app::exportPlans(*b.sup, path, ProposalState::Active);
    REQUIRE(summary);
    CHECK(summary->plans == 0);
    CHECK(lines(test::readBytes(path)).size() == 1);
}

TEST_CASE("a loan number that looks like a formula is neutralised in the export", "[plan_export]")
{
    Branch b;
    const std::int64_t id = b.created(false);
    REQUIRE(app::PlanService(*b.ofc1).submit(id));
    b.db().execute("UPDATE loans SET bank_id = '=HYPERLINK(\"x\")' WHERE bank_id = 'L001-1'");
    const auto path = b.branch.dir() / "plans.csv";
    REQUIRE(app::exportPlans(*b.sup, path, ProposalState::Approved));
    const auto rows = lines(test::readBytes(path));
    REQUIRE(rows.size() == 4);
    CHECK_THAT(rows[1], StartsWith(std::to_string(id) + ",\"'=HYPERLINK(\"\"x\"\")\",C001,"));
}
