#include "app/demo/demo_plans.h"

#include "app/plans/plan_service.h"
#include "app/shared/branch_setup.h"
#include "app/users/login_throttle.h"
#include "support/db_query.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <set>

using namespace doorstep;

TEST_CASE("the demo branch gets repayment-plan proposals in every state, made through the use cases", "[demo_plans]")
{
    test::TempDir dir;
    const auto path = dir / "demo.db";
    // The demo branch (600 loans) makes its proposals itself, one per state.
    REQUIRE(app::ensureDemoDatabase(path, false, test::fastKdf(), 600) == true);

    app::SystemClock clock;
    app::LoginThrottle throttle(clock);
    const auto& supervisor = app::demoAccounts()[1];
    auto session = app::Session::login(path, supervisor.username, supervisor.password, throttle, clock);
    REQUIRE(session);
    auto rows = app::PlanService(**session).list();
    REQUIRE(rows);
    std::set<ProposalState> states;
    for (const auto& r : *rows)
        states.insert(r.state);
    CHECK(states.size() == kProposalStateCodes.size());
    // Every move is in the audit trail: kept and broken by the recompute's adherence.
    const auto& db = (*session)->database().connection();
    CHECK(test::queryInt(db, "SELECT count(*) FROM audit_event WHERE action = 'plan.kept'") == 1);
    CHECK(test::queryInt(db, "SELECT count(*) FROM audit_event WHERE action = 'plan.broken'") == 1);
    CHECK(test::queryInt(db, "SELECT count(*) FROM audit_event WHERE action = 'plan.create'") == 9);
}
