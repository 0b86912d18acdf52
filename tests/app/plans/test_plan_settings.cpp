#include "app/plans/plan_settings.h"

#include "storage/database/settings_repository.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

TEST_CASE("plan settings: the domain's defaults until an administrator changes them", "[plan_settings]")
{
    test::TestBranch branch;
    auto admin = branch.loginAdmin();
    auto s = app::planSettings(*admin);
    REQUIRE(s);
    CHECK(s->affordability.limitPercent == 50);
    CHECK(s->authority.waiverLimit == Money{});
    CHECK(s->authority.discountLimit == Money{});
    CHECK(s->adherence.brokenAfterDays == 30);
    CHECK(s->observationMonths == 12);

    app::PlanSettings changed{{40}, {Money::fromYuan(500), Money::fromYuan(1000)}, {15}, 24};
    REQUIRE(app::savePlanSettings(*admin, changed));
    CHECK(app::planSettings(*admin) == changed);
    CHECK(app::loadPlanSettings(admin->database().connection()) == changed);

    branch.addUser("sup", Role::Supervisor, "branch-work-2026");
    auto sup = branch.login("sup", "branch-work-2026");
    CHECK(app::planSettings(*sup) == changed);
    CHECK(app::savePlanSettings(*sup, {}).error().code == ErrorCode::PermissionDenied);
}

TEST_CASE("plan settings are checked at their boundaries", "[plan_settings]")
{
    app::PlanSettings s;
    CHECK(app::validatePlanSettings(s));
    s.observationMonths = 0;
    CHECK(app::validatePlanSettings(s).error().id == "plan.observation_range");
    s.observationMonths = 1;
    CHECK(app::validatePlanSettings(s));
    s.observationMonths = app::kMaxObservationMonths;
    CHECK(app::validatePlanSettings(s));
    s.observationMonths = app::kMaxObservationMonths + 1;
    CHECK_FALSE(app::validatePlanSettings(s));
    s = {};
    s.affordability.limitPercent = 101;
    CHECK_FALSE(app::validatePlanSettings(s));
    s = {};
    s.authority.waiverLimit = Money{-1};
    CHECK_FALSE(app::validatePlanSettings(s));
    s = {};
    s.adherence.brokenAfterDays = 366;
    CHECK_FALSE(app::validatePlanSettings(s));
}

TEST_CASE("a stored plan setting that breaks its rule falls back to its own default only", "[plan_settings]")
{
    test::TestBranch branch;
    auto admin = branch.loginAdmin();
    const auto& db = admin->database().connection();
    storage::SettingsRepository repo(db);
    repo.set("plan.affordability_limit_percent", "0");
    repo.set("plan.broken_after_days", "abc");
    repo.set("plan.observation_months", "18");
    repo.set("plan.officer_waiver_limit_fen", "-5");
    repo.set("plan.officer_discount_limit_fen", "20000");
    const auto s = app::loadPlanSettings(db);
    CHECK(s.affordability.limitPercent == 50);
    CHECK(s.adherence.brokenAfterDays == 30);
    CHECK(s.observationMonths == 18);
    CHECK(s.authority.waiverLimit == Money{});
    CHECK(s.authority.discountLimit == Money{20000});
}
