#include "domain/plans/plan_comparison.h"

#include <catch2/catch_test_macros.hpp>

#include <vector>

using namespace doorstep;

namespace {

Date ymd(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// 12,180.00 owed: 11,500.00 principal, 500.00 overdue interest, 150.00 penalty, 30.00 compound interest.
const OutstandingDebt kDebt{Money{1'150'000}, Money{50'000}, Money{15'000}, Money{3'000}};

Plan annuity(int months, int graceMonths = 0)
{
    auto p = buildPlan(kDebt, PlanTerms{.start = ymd(2026, 1, 15),
                                        .waiver = Waiver::full(kDebt),
                                        .shape = Reamortisation{.method = RepaymentMethod::EqualInstalment,
                                                                .rate = AnnualRate{60'000},
                                                                .termMonths = months,
                                                                .graceMonths = graceMonths}});
    REQUIRE(p);
    return *p;
}

Plan settlement(std::int64_t discountFen, int instalments)
{
    auto p = buildPlan(kDebt, PlanTerms{.start = ymd(2026, 1, 15),
                                        .waiver = Waiver::full(kDebt),
                                        .shape = Settlement{Money{discountFen}, instalments}});
    REQUIRE(p);
    return *p;
}

Household household(std::int64_t incomeFen, std::int64_t expensesFen, std::int64_t lumpSumFen = 0)
{
    return Household{Money{incomeFen}, Money{expensesFen}, Money{lumpSumFen}};
}

PlanOptionSummary summary(const Plan& p, const Household& h, const AffordabilitySettings& s = {})
{
    return PlanOptionSummary{planFigures(p), assessAffordability(p, h, s)};
}

}  // namespace

TEST_CASE("comparison: the figures of a 12-month annuity after a full waiver", "[plan_comparison]")
{
    const PlanFigures f = planFigures(annuity(12));
    CHECK(f.firstInstalment == Money{103'280});
    CHECK(f.largestInstalment == Money{103'280});
    CHECK(f.months == 12);
    CHECK(f.totalPaid == Money{1'239'358});
    CHECK(f.totalInterest == Money{39'358});
    CHECK(f.waived == Money{18'000});
    CHECK(f.recovered == Money{1'200'000});
    // 12,000.00 of 12,180.00 = 98.5221…% → 9,852 basis points.
    CHECK(f.recoveryBasisPoints == 9'852);
}

TEST_CASE("comparison: a grace period starts at nothing; a settlement recovers less, with no interest",
          "[plan_comparison]")
{
    auto graced = buildPlan(kDebt, PlanTerms{.start = ymd(2026, 1, 15),
                                             .waiver = {},
                                             .shape = Reamortisation{.method = RepaymentMethod::EqualInstalment,
                                                                     .rate = AnnualRate{60'000},
                                                                     .termMonths = 12,
                                                                     .graceMonths = 3,
                                                                     .graceMode = GraceMode::NoPayment}});
    REQUIRE(graced);
    const PlanFigures g = planFigures(*graced);
    CHECK(g.firstInstalment == kZeroMoney);
    CHECK(g.months == 15);
    CHECK(g.waived == kZeroMoney);
    CHECK(g.recovered == Money{1'218'000});
    CHECK(g.recoveryBasisPoints == 10'000);
    // What is paid beyond the 12,180.00 is the plan's interest, the capitalised part included.
    Money capitalised;
    for (const PlanInstalment& i : graced->instalments)
        capitalised += i.capitalised;
    CHECK(capitalised.isPositive());
    CHECK(g.totalInterest == g.totalPaid - Money{1'218'000});
    Money largest;
    for (const PlanInstalment& i : graced->instalments)
        largest = max(largest, i.payment());
    CHECK(g.largestInstalment == largest);
    CHECK(largest >= graced->instalments[3].payment());

    // 10,000.00 of 12,180.00 = 82.10%: 8,210.18 basis points → 8,210.
    const PlanFigures s = planFigures(settlement(200'000, 1));
    CHECK(s.firstInstalment == Money{1'000'000});
    CHECK(s.largestInstalment == Money{1'000'000});
    CHECK(s.months == 1);
    CHECK(s.totalPaid == Money{1'000'000});
    CHECK(s.totalInterest == kZeroMoney);
    CHECK(s.waived == Money{218'000});
    CHECK(s.recovered == Money{1'000'000});
    CHECK(s.recoveryBasisPoints == 8'210);
}

TEST_CASE("comparison: the recovery rounds half-up to a basis point", "[plan_comparison]")
{
    // 0.01 of 200.00 is 0.5 basis point → 1; 0.01 of 200.01 is 0.49998 → 0.
    const auto recovery = [](std::int64_t penaltyFen) {
        const OutstandingDebt debt{Money{1}, kZeroMoney, Money{penaltyFen}, kZeroMoney};
        auto p = buildPlan(
            debt,
            PlanTerms{.start = ymd(2026, 1, 15), .waiver = Waiver::full(debt), .shape = Settlement{kZeroMoney, 1}});
        REQUIRE(p);
        return planFigures(*p).recoveryBasisPoints;
    };
    CHECK(recovery(19'999) == 1);
    CHECK(recovery(20'000) == 0);
}

TEST_CASE("affordability: the heaviest instalment against disposable income, at the limit and a fen above",
          "[plan_comparison]")
{
    // 1,032.80 a month against 8,000.00 − 5,934.40 = 2,065.60 disposable: exactly 50 %.
    const Plan p = annuity(12);
    Affordability a = assessAffordability(p, household(800'000, 593'440), {});
    CHECK(a.disposable == Money{206'560});
    CHECK(a.heaviest == Money{103'280});
    CHECK(a.shareBasisPoints == 5'000);
    CHECK(a.affordable);
    // One fen less disposable: 50.0024 % shows as 50 % but is above the limit.
    a = assessAffordability(p, household(800'000, 593'441), {});
    CHECK(a.shareBasisPoints == 5'000);
    CHECK_FALSE(a.affordable);
    // A higher limit takes it back.
    CHECK(assessAffordability(p, household(800'000, 593'441), {.limitPercent = 51}).affordable);
    CHECK_FALSE(assessAffordability(p, household(800'000, 593'440), {.limitPercent = 49}).affordable);
}

TEST_CASE("affordability: without disposable income nothing is affordable, unless a lump sum pays it all",
          "[plan_comparison]")
{
    for (const Household& h : {household(500'000, 500'000), household(300'000, 500'000), household(0, 0)}) {
        const Affordability a = assessAffordability(annuity(12), h, {});
        CHECK_FALSE(a.affordable);
        CHECK_FALSE(a.shareBasisPoints.has_value());
    }
    // A lump sum of 10,000.00 (family help) settles the discounted 10,000.00 at once.
    Affordability a = assessAffordability(settlement(200'000, 1), household(0, 0, 1'000'000), {});
    CHECK(a.heaviest == kZeroMoney);
    CHECK(a.affordable);
    CHECK_FALSE(a.shareBasisPoints.has_value());
    a = assessAffordability(settlement(200'000, 1), household(0, 0, 999'999), {});
    CHECK(a.heaviest == Money{1});
    CHECK_FALSE(a.affordable);
}

TEST_CASE("affordability: the lump sum pays the earliest instalments first", "[plan_comparison]")
{
    // 3,333.33 + 3,333.33 + 3,333.34 with 5,000.00 at once: the first paid, 1,666.66 of the second left.
    const Plan three = settlement(200'000, 3);
    Affordability a = assessAffordability(three, household(1'000'000, 333'332, 500'000), {});
    CHECK(a.heaviest == Money{333'334});
    CHECK(a.disposable == Money{666'668});
    CHECK(a.shareBasisPoints == 5'000);  // 3,333.34 / 6,666.68 = exactly one half
    CHECK(a.affordable);
    // Falling instalments of 500.00, 300.00, 100.00 with 600.00 at once: the first and 100.00 of the
    // second are paid, so 200.00 is the heaviest the income must carry.
    Plan falling;
    for (const std::int64_t fen : {50'000, 30'000, 10'000}) {
        PlanInstalment i;
        i.sequence = static_cast<int>(falling.instalments.size()) + 1;
        i.principal = Money{fen};
        falling.instalments.push_back(i);
    }
    CHECK(assessAffordability(falling, household(100'000, 0, 60'000), {}).heaviest == Money{20'000});
    CHECK(assessAffordability(falling, household(100'000, 0, 0), {}).heaviest == Money{50'000});
    // A lump sum larger than everything leaves nothing, never a negative instalment.
    a = assessAffordability(three, household(1'000'000, 333'332, 5'000'000), {});
    CHECK(a.heaviest == kZeroMoney);
    CHECK(a.shareBasisPoints == 0);
}

TEST_CASE("affordability: the limit is 1 to 100 %", "[plan_comparison]")
{
    CHECK(validateAffordabilitySettings({}).has_value());
    CHECK(validateAffordabilitySettings({.limitPercent = 1}).has_value());
    CHECK(validateAffordabilitySettings({.limitPercent = 100}).has_value());
    for (int bad : {0, 101, -5}) {
        const auto r = validateAffordabilitySettings({.limitPercent = bad});
        REQUIRE_FALSE(r);
        CHECK(r.error().id == "plan.affordability_limit");
    }
    CHECK(validateAffordabilitySettings({.limitPercent = 0}).error().message ==
          "The affordability limit must be 1% to 100% of disposable income, not 0%.");
}

TEST_CASE("suggestion: of three options, the affordable one that recovers most, and why", "[plan_comparison]")
{
    // Disposable 1,200.00; at 50 % the household can carry 600.00 a month.
    const Household h = household(900'000, 780'000);
    const std::vector<PlanOptionSummary> options{
        summary(annuity(12), h),            // 1,032.80 a month: too heavy
        summary(annuity(24), h),            // 531.85 a month: affordable, recovers 12,000.00
        summary(settlement(200'000, 1), h)  // 10,000.00 at once: too heavy
    };
    CHECK(options[1].affordability.heaviest == Money{53'185});
    const PlanSuggestion s = suggestPlan(options, {});
    CHECK(s.option == 1u);
    CHECK(s.reason.id.value == "plan.suggest.best");
    CHECK(formatMessage(s.reason.id.value, s.reason.args, Language::English) ==
          "Option 2 recovers the most of the affordable options: ¥12,000.00, 98.52% of the amount owed. Its heaviest "
          "monthly payment, ¥531.85, is 44.32% of the household's disposable income, within the 50% limit.");
    CHECK(formatMessage(s.reason.id.value, s.reason.args, Language::Chinese) ==
          "方案 2 在可负担的方案中回收最多：¥12,000.00，占当前应还总额的 98.52%。其最高月还款额 ¥531.85 "
          "占家庭可支配收入的 44.32%，未超过 50% 的上限。");
}

TEST_CASE("suggestion: recovery first, then fewer months, then the lighter instalment, then the earlier",
          "[plan_comparison]")
{
    const Household rich = household(10'000'000, 0);  // everything is affordable
    // Same recovery: 12 months beats 24 and 36.
    std::vector<PlanOptionSummary> options{summary(annuity(36), rich), summary(annuity(12), rich),
                                           summary(annuity(24), rich)};
    CHECK(suggestPlan(options, {}).option == 1u);
    // More recovered beats fewer months: the 36-month plan over a discounted lump sum.
    options = {summary(settlement(1, 1), rich), summary(annuity(36), rich)};
    CHECK(suggestPlan(options, {}).option == 1u);
    // Same recovery and months: the lighter largest instalment (a grace period pushes the payments up).
    options = {summary(annuity(12, 3), rich), summary(annuity(15), rich)};
    CHECK(options[0].figures.months == options[1].figures.months);
    CHECK(options[0].figures.largestInstalment > options[1].figures.largestInstalment);
    CHECK(suggestPlan(options, {}).option == 1u);
    // All equal: the earlier option.
    options = {summary(annuity(12), rich), summary(annuity(12), rich)};
    CHECK(suggestPlan(options, {}).option == 0u);
}

TEST_CASE("suggestion: none when nothing is affordable, saying why", "[plan_comparison]")
{
    const std::vector<PlanOptionSummary> none;
    CHECK(suggestPlan(none, {}).reason.id.value == "plan.suggest.no_options");
    CHECK_FALSE(suggestPlan(none, {}).option.has_value());

    std::vector<PlanOptionSummary> heavy{summary(annuity(12), household(900'000, 780'000))};
    PlanSuggestion s = suggestPlan(heavy, {});
    CHECK_FALSE(s.option.has_value());
    CHECK(s.reason.id.value == "plan.suggest.none_affordable");
    CHECK(formatMessage(s.reason.id.value, s.reason.args, Language::English) ==
          "No option is affordable: each asks more than 50% of the household's disposable income in some month.");

    std::vector<PlanOptionSummary> broke{summary(annuity(12), household(500'000, 600'000))};
    s = suggestPlan(broke, {});
    CHECK_FALSE(s.option.has_value());
    CHECK(s.reason.id.value == "plan.suggest.no_income");

    // The lump sum alone makes a settlement affordable without income, and the reason says so.
    std::vector<PlanOptionSummary> family{summary(annuity(12), household(0, 0, 1'000'000)),
                                          summary(settlement(200'000, 1), household(0, 0, 1'000'000))};
    s = suggestPlan(family, {});
    CHECK(s.option == 1u);
    CHECK(s.reason.id.value == "plan.suggest.best_lump_sum");
    CHECK(formatMessage(s.reason.id.value, s.reason.args, Language::English) ==
          "Option 2 recovers the most of the affordable options: ¥10,000.00, 82.1% of the amount owed, all of it from "
          "the sum the household can pay at once.");
}

TEST_CASE("comparison: basis points as a percentage for people", "[plan_comparison]")
{
    CHECK(formatBasisPoints(5'000) == "50%");
    CHECK(formatBasisPoints(4'550) == "45.5%");
    CHECK(formatBasisPoints(3'333) == "33.33%");
    CHECK(formatBasisPoints(5) == "0.05%");
    CHECK(formatBasisPoints(0) == "0%");
    CHECK(formatBasisPoints(1'234'500) == "12,345%");
    CHECK(formatBasisPoints(-250) == "-2.5%");
}
