#include "domain/plans/plan_authority.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

namespace {

// 12,180.00 owed, of it 150.00 penalty and 30.00 compound interest.
const OutstandingDebt kDebt{Money{1'150'000}, Money{50'000}, Money{15'000}, Money{3'000}};

Plan withWaiver(std::int64_t penaltyFen, std::int64_t compoundFen, std::int64_t discountFen = -1)
{
    PlanTerms t{.start = Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}},
                .waiver = Waiver{Money{penaltyFen}, Money{compoundFen}},
                .shape = Reamortisation{
                    .method = RepaymentMethod::EqualInstalment, .rate = AnnualRate{60'000}, .termMonths = 12}};
    if (discountFen >= 0) t.shape = Settlement{Money{discountFen}, 1};
    auto p = buildPlan(kDebt, t);
    REQUIRE(p);
    return *p;
}

}  // namespace

TEST_CASE("authority: by default every waiver and every discount needs a supervisor", "[plan_authority]")
{
    const OfficerAuthority none{};
    CHECK_FALSE(approvalNeed(withWaiver(0, 0), none).supervisorNeeded);
    CHECK_FALSE(approvalNeed(withWaiver(0, 0, 0), none).supervisorNeeded);

    const ApprovalNeed oneFen = approvalNeed(withWaiver(0, 1), none);
    CHECK(oneFen.supervisorNeeded);
    REQUIRE(oneFen.reasons.size() == 1);
    CHECK(oneFen.reasons[0].id.value == "plan.approval.waiver");
    CHECK(formatMessage(oneFen.reasons[0].id.value, oneFen.reasons[0].args, Language::English) ==
          "The waiver of ¥0.01 is above the officer's limit of ¥0.00: a supervisor must approve it.");
    CHECK(formatMessage(oneFen.reasons[0].id.value, oneFen.reasons[0].args, Language::Chinese) ==
          "减免金额 ¥0.01 超过催收专员的权限 ¥0.00，须由主管审批。");

    const ApprovalNeed discount = approvalNeed(withWaiver(0, 0, 1), none);
    CHECK(discount.supervisorNeeded);
    REQUIRE(discount.reasons.size() == 1);
    CHECK(discount.reasons[0].id.value == "plan.approval.discount");
}

TEST_CASE("authority: an amount at the limit is the officer's own decision, a fen above is not", "[plan_authority]")
{
    const OfficerAuthority limits{.waiverLimit = Money{10'000}, .discountLimit = Money{50'000}};
    // The waiver adds penalty and compound interest: 80.00 + 20.00 = 100.00, at the limit.
    CHECK_FALSE(approvalNeed(withWaiver(8'000, 2'000), limits).supervisorNeeded);
    CHECK(approvalNeed(withWaiver(8'001, 2'000), limits).supervisorNeeded);
    CHECK(approvalNeed(withWaiver(8'000, 2'001), limits).supervisorNeeded);
    CHECK_FALSE(approvalNeed(withWaiver(0, 0, 50'000), limits).supervisorNeeded);
    CHECK(approvalNeed(withWaiver(0, 0, 50'001), limits).supervisorNeeded);

    // Both above: both reasons, waiver first, each with its amount and limit.
    const ApprovalNeed both = approvalNeed(withWaiver(15'000, 3'000, 60'000), limits);
    CHECK(both.supervisorNeeded);
    REQUIRE(both.reasons.size() == 2);
    CHECK(formatMessage(both.reasons[0].id.value, both.reasons[0].args, Language::English) ==
          "The waiver of ¥180.00 is above the officer's limit of ¥100.00: a supervisor must approve it.");
    CHECK(formatMessage(both.reasons[1].id.value, both.reasons[1].args, Language::English) ==
          "The settlement discount of ¥600.00 is above the officer's limit of ¥500.00: a supervisor must approve it.");
}

TEST_CASE("authority: limits cannot be negative", "[plan_authority]")
{
    CHECK(validateOfficerAuthority({}).has_value());
    CHECK(validateOfficerAuthority({Money{1}, Money{0}}).has_value());
    CHECK(validateOfficerAuthority({Money{-1}, Money{0}}).error().id == "plan.authority_negative");
    CHECK(validateOfficerAuthority({Money{0}, Money{-1}}).error().id == "plan.authority_negative");
}
