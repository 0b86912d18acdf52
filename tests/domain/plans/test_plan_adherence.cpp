#include "domain/plans/plan_adherence.h"

#include <catch2/catch_test_macros.hpp>

#include <vector>

using namespace doorstep;

namespace {

Date ymd(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

PlanInstalment due(int sequence, Date date, std::int64_t fen)
{
    PlanInstalment i;
    i.sequence = sequence;
    i.dueDate = date;
    i.principal = Money{fen};
    return i;
}

// Three instalments of 1,000.00 due on 15 February, March and April 2026.
const std::vector<PlanInstalment> kPlan{due(1, ymd(2026, 2, 15), 100'000), due(2, ymd(2026, 3, 15), 100'000),
                                        due(3, ymd(2026, 4, 15), 100'000)};

Payment paid(Date on, std::int64_t fen)
{
    static int next = 0;
    return Payment{"P" + std::to_string(++next), "L1", on, Money{fen}};
}

Adherence as(Date asOf, const std::vector<Payment>& payments, const std::vector<PlanInstalment>& plan = kPlan,
             AdherenceSettings settings = {})
{
    return assessAdherence(plan, payments, asOf, settings);
}

}  // namespace

TEST_CASE("adherence: nothing due yet, due today, one day late", "[plan_adherence]")
{
    Adherence a = as(ymd(2026, 2, 1), {});
    CHECK(a.status == AdherenceStatus::OnTrack);
    CHECK(a.paidInstalments == 0);
    CHECK(a.oldestUnpaid == 1);
    CHECK(a.daysLate == 0);
    // Unpaid on its due date is not yet late (DOMAIN.md 3: 1 day past due on d + 1).
    CHECK(as(ymd(2026, 2, 15), {}).status == AdherenceStatus::OnTrack);
    a = as(ymd(2026, 2, 16), {});
    CHECK(a.status == AdherenceStatus::Late);
    CHECK(a.daysLate == 1);
}

TEST_CASE("adherence: paid on time, instalment by instalment, until kept", "[plan_adherence]")
{
    const std::vector<Payment> payments{paid(ymd(2026, 2, 14), 100'000), paid(ymd(2026, 3, 15), 100'000),
                                        paid(ymd(2026, 4, 10), 100'000)};
    Adherence a = as(ymd(2026, 3, 20), payments);
    CHECK(a.status == AdherenceStatus::OnTrack);
    CHECK(a.paidInstalments == 2);
    CHECK(a.oldestUnpaid == 3);
    CHECK(a.instalments[0].paidInFullOn == ymd(2026, 2, 14));
    CHECK(a.instalments[1].paidInFullOn == ymd(2026, 3, 15));
    // The April payment has not happened on 20 March.
    CHECK(a.instalments[2].paid == kZeroMoney);
    a = as(ymd(2026, 4, 10), payments);
    CHECK(a.status == AdherenceStatus::Kept);
    CHECK(a.paidInstalments == 3);
    CHECK_FALSE(a.oldestUnpaid.has_value());
    CHECK(a.daysLate == 0);
    CHECK(a.surplus == kZeroMoney);
}

TEST_CASE("adherence: payments fill the oldest instalment first, in date order", "[plan_adherence]")
{
    // Given out of order: 1,500.00 on 10 March, 600.00 on 1 February.
    const std::vector<Payment> payments{paid(ymd(2026, 3, 10), 150'000), paid(ymd(2026, 2, 1), 60'000)};
    const Adherence a = as(ymd(2026, 3, 20), payments);
    CHECK(a.instalments[0].paid == Money{100'000});
    CHECK(a.instalments[0].paidInFullOn == ymd(2026, 3, 10));  // 600.00 was not enough; March completed it
    CHECK(a.instalments[1].paid == Money{100'000});
    CHECK(a.instalments[1].paidInFullOn == ymd(2026, 3, 10));
    CHECK(a.instalments[2].paid == Money{10'000});
    CHECK(a.status == AdherenceStatus::OnTrack);
    // A fen short leaves the first instalment open and the plan late from 16 February.
    const Adherence shortBy = as(ymd(2026, 2, 20), {paid(ymd(2026, 2, 10), 99'999)});
    CHECK(shortBy.status == AdherenceStatus::Late);
    CHECK(shortBy.oldestUnpaid == 1);
    CHECK(shortBy.daysLate == 5);
    CHECK(shortBy.instalments[0].paid == Money{99'999});
    CHECK_FALSE(shortBy.instalments[0].paidInFullOn.has_value());
}

TEST_CASE("adherence: late within the limit, broken the day after it", "[plan_adherence]")
{
    // The first instalment fell due on 15 February: 30 days late on 17 March, 31 on 18 March.
    Adherence a = as(ymd(2026, 3, 17), {});
    CHECK(a.daysLate == 30);
    CHECK(a.status == AdherenceStatus::Late);
    a = as(ymd(2026, 3, 18), {});
    CHECK(a.daysLate == 31);
    CHECK(a.status == AdherenceStatus::Broken);
    // Paying the first brings the March instalment forward as the oldest: 3 days late on 18 March.
    a = as(ymd(2026, 3, 18), {paid(ymd(2026, 3, 16), 100'000)});
    CHECK(a.oldestUnpaid == 2);
    CHECK(a.daysLate == 3);
    CHECK(a.status == AdherenceStatus::Late);
    // A stricter branch: 10 days.
    CHECK(as(ymd(2026, 2, 25), {}, kPlan, {.brokenAfterDays = 10}).status == AdherenceStatus::Late);
    CHECK(as(ymd(2026, 2, 26), {}, kPlan, {.brokenAfterDays = 10}).status == AdherenceStatus::Broken);
}

TEST_CASE("adherence: grace months without payment count as paid; overpayment is surplus", "[plan_adherence]")
{
    const std::vector<PlanInstalment> graced{due(1, ymd(2026, 2, 15), 0), due(2, ymd(2026, 3, 15), 0),
                                             due(3, ymd(2026, 4, 15), 50'000)};
    Adherence a = as(ymd(2026, 4, 1), {}, graced);
    CHECK(a.status == AdherenceStatus::OnTrack);
    CHECK(a.paidInstalments == 2);
    CHECK(a.oldestUnpaid == 3);
    CHECK_FALSE(a.instalments[0].paidInFullOn.has_value());
    a = as(ymd(2026, 4, 20), {}, graced);
    CHECK(a.status == AdherenceStatus::Late);
    CHECK(a.daysLate == 5);
    a = as(ymd(2026, 4, 20), {paid(ymd(2026, 4, 1), 80'000)}, graced);
    CHECK(a.status == AdherenceStatus::Kept);
    CHECK(a.surplus == Money{30'000});
    // A negative amount takes nothing back.
    a = as(ymd(2026, 4, 20), {paid(ymd(2026, 4, 1), 50'000), paid(ymd(2026, 4, 2), -50'000)}, graced);
    CHECK(a.status == AdherenceStatus::Kept);
    // An empty plan has nothing to keep but is kept.
    CHECK(assessAdherence({}, {}, ymd(2026, 1, 1), {}).status == AdherenceStatus::Kept);
}

TEST_CASE("adherence: Doorstep marks an active plan kept or broken, and nothing else", "[plan_adherence]")
{
    CHECK(adherenceMove(AdherenceStatus::Kept) == ProposalMove::MarkKept);
    CHECK(adherenceMove(AdherenceStatus::Broken) == ProposalMove::MarkBroken);
    CHECK_FALSE(adherenceMove(AdherenceStatus::Late).has_value());
    CHECK_FALSE(adherenceMove(AdherenceStatus::OnTrack).has_value());
    const auto move = adherenceMove(as(ymd(2026, 3, 18), {}).status);
    REQUIRE(move.has_value());
    CHECK(moveProposal(ProposalState::Active, *move, Actor::doorstep()) == ProposalState::Broken);
}

TEST_CASE("adherence: the broken-after limit is 1 to 365 days", "[plan_adherence]")
{
    CHECK(validateAdherenceSettings({}).has_value());
    CHECK(validateAdherenceSettings({.brokenAfterDays = 1}).has_value());
    CHECK(validateAdherenceSettings({.brokenAfterDays = 365}).has_value());
    CHECK(validateAdherenceSettings({.brokenAfterDays = 0}).error().id == "plan.broken_after_range");
    CHECK(validateAdherenceSettings({.brokenAfterDays = 366}).error().message ==
          "The days late after which a plan is broken must be 1 to 365, not 366.");
}

TEST_CASE("core banking has applied a plan when the loan's schedule carries each instalment to the fen",
          "[plan_adherence]")
{
    const auto stored = [](int sequence, Date date, std::int64_t principal, std::int64_t interest) {
        return Instalment{"L1", sequence, date, Money{principal}, Money{interest}};
    };
    std::vector<PlanInstalment> plan = kPlan;
    plan[1].interest = Money{1'234};
    // The old schedule's settled instalment stays; the plan's three follow.
    const std::vector<Instalment> applied{
        stored(1, ymd(2025, 12, 15), 50'000, 500), stored(2, ymd(2026, 2, 15), 100'000, 0),
        stored(3, ymd(2026, 3, 15), 100'000, 1'234), stored(4, ymd(2026, 4, 15), 100'000, 0)};
    CHECK(scheduleCarriesPlan(applied, plan));

    SECTION("a fen of interest, a day or a missing instalment means not yet applied")
    {
        auto changed = applied;
        changed[2].interestDue = Money{1'233};
        CHECK_FALSE(scheduleCarriesPlan(changed, plan));
        changed = applied;
        changed[3].dueDate = ymd(2026, 4, 16);
        CHECK_FALSE(scheduleCarriesPlan(changed, plan));
        changed = applied;
        changed.pop_back();
        CHECK_FALSE(scheduleCarriesPlan(changed, plan));
        CHECK_FALSE(scheduleCarriesPlan({}, plan));
    }
    SECTION("a grace month without payment need not be listed")
    {
        std::vector<PlanInstalment> withGrace = plan;
        withGrace.insert(withGrace.begin(), due(0, ymd(2026, 1, 15), 0));
        CHECK(scheduleCarriesPlan(applied, withGrace));
    }
    SECTION("a plan that asks for nothing is never taken as applied")
    {
        CHECK_FALSE(scheduleCarriesPlan(applied, std::vector<PlanInstalment>{due(1, ymd(2026, 1, 15), 0)}));
    }
}
