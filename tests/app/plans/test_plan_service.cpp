#include "app/plans/plan_service.h"

#include "app/plans/plan_settings.h"
#include "app/portfolio/delinquency_service.h"
#include "app/portfolio/portfolio_import.h"
#include "app/screening/screening_service.h"
#include "support/db_query.h"
#include "support/file_bytes.h"
#include "support/plan_branch.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace doorstep;
using app::PlanService;
using app::ProposalDraft;

namespace {

using test::Branch;
using test::day;
using test::extract;

// An active proposal without waiver: approved by Doorstep on submission, accepted, put into force.
std::int64_t activePlan(Branch& b)
{
    const std::int64_t id = b.created(false);
    REQUIRE(PlanService(*b.ofc1).submit(id) == ProposalState::Approved);
    REQUIRE(PlanService(*b.ofc1).recordAcceptance(id));
    REQUIRE(PlanService(*b.sup).activate(id));
    return id;
}

}  // namespace

TEST_CASE("a plan case carries the loan's debt as of the import, its rate and the extract's household budget",
          "[plan_service]")
{
    Branch b;
    auto c = PlanService(*b.ofc1).planCase(b.loan);
    REQUIRE(c);
    CHECK(c->asOf == day(2026, 11, 30));
    CHECK(c->debt.principal == Money::fromYuan(12000));
    CHECK(c->debt.interest == Money::fromYuan(90));
    CHECK(c->debt.penalty.fen > 0);
    CHECK(c->debt.compound.fen > 0);
    CHECK(c->rate == AnnualRate{60'000});
    CHECK(c->remainingMonths == 0);
    CHECK(c->household.monthlyIncome == Money::fromYuan(8000));
    CHECK(c->household.monthlyExpenses == Money::fromYuan(5000));

    // Another officer's loan is not this officer's case; a supervisor may see any.
    const auto other = test::queryInt(b.db(), "SELECT id FROM loans WHERE bank_id = 'L002-1'");
    CHECK(PlanService(*b.ofc1).planCase(other).error().code == ErrorCode::PermissionDenied);
    CHECK(PlanService(*b.sup).planCase(other));
    CHECK(PlanService(*b.ofc1).planCase(999'999).error().code == ErrorCode::NotFound);
}

TEST_CASE("a plan case takes the household budget from the newest submitted visit note that states it, per figure "
          "the extract's where that note states none",
          "[plan_service]")
{
    Branch b;
    const auto budget = [&] {
        auto c = PlanService(*b.ofc1).planCase(b.loan);
        REQUIRE(c);
        return *c;
    };
    // No note yet: both figures are the extract's.
    auto c = budget();
    CHECK(c.household.monthlyIncome == Money::fromYuan(8000));
    CHECK(c.household.monthlyExpenses == Money::fromYuan(5000));
    CHECK_FALSE(c.incomeSource.fromNote());
    CHECK_FALSE(c.expensesSource.fromNote());

    const auto first = b.visitNote(day(2026, 11, 20), 10, Money::fromYuan(6000), Money::fromYuan(4000));
    c = budget();
    CHECK(c.household.monthlyIncome == Money::fromYuan(6000));
    CHECK(c.household.monthlyExpenses == Money::fromYuan(4000));
    CHECK(c.incomeSource == app::FigureSource{first, day(2026, 11, 20)});
    CHECK(c.expensesSource == app::FigureSource{first, day(2026, 11, 20)});

    // A newer note stating only the income: its income, and the extract's expenses (not the older note's).
    const auto second = b.visitNote(day(2026, 11, 25), 10, Money{550'050}, std::nullopt);
    c = budget();
    CHECK(c.household.monthlyIncome == Money{550'050});
    CHECK(c.incomeSource == app::FigureSource{second, day(2026, 11, 25)});
    CHECK(c.household.monthlyExpenses == Money::fromYuan(5000));
    CHECK_FALSE(c.expensesSource.fromNote());

    // Newest by the visit, not by when the note was written: a note of an earlier visit written now does not
    // win; nor does a draft, nor a newer note that states neither figure.
    b.visitNote(day(2026, 11, 22), 10, Money::fromYuan(7000), Money::fromYuan(2000));
    b.visitNote(day(2026, 11, 28), 10, Money::fromYuan(100), Money::fromYuan(100), false);
    b.visitNote(day(2026, 11, 29), 10, std::nullopt, std::nullopt);
    c = budget();
    CHECK(c.incomeSource.noteId == second);
    CHECK(c.household.monthlyIncome == Money{550'050});
    CHECK_FALSE(c.expensesSource.fromNote());

    // Two visits on one day: the later one.
    const auto afternoon = b.visitNote(day(2026, 11, 25), 15, Money::fromYuan(5800), Money::fromYuan(3900));
    c = budget();
    CHECK(c.incomeSource == app::FigureSource{afternoon, day(2026, 11, 25)});
    CHECK(c.household.monthlyExpenses == Money::fromYuan(3900));
}

TEST_CASE("a returned note's figures wait for the addendum that answers the return; an approved note counts",
          "[plan_service]")
{
    Branch b;
    const auto older = b.visitNote(day(2026, 11, 20), 10, Money::fromYuan(6000), Money::fromYuan(4000));
    const auto newer = b.visitNote(day(2026, 11, 26), 10, Money::fromYuan(60'000), Money::fromYuan(4100));
    app::VisitNoteService review(*b.sup);
    REQUIRE(review.returnForCorrection(newer, "The income is per year, not per month."));
    auto c = PlanService(*b.ofc1).planCase(b.loan);
    REQUIRE(c);
    CHECK(c->incomeSource.noteId == older);
    CHECK(c->household.monthlyIncome == Money::fromYuan(6000));

    VisitNoteDraft addendum{Branch::stated(10, Money::fromYuan(5000), Money::fromYuan(4100)),
                            "Income corrected to the monthly figure."};
    REQUIRE(app::VisitNoteService(*b.ofc1).addAddendum(newer, addendum));
    c = PlanService(*b.ofc1).planCase(b.loan);
    CHECK(c->incomeSource == app::FigureSource{newer, day(2026, 11, 26)});
    CHECK(c->household.monthlyIncome == Money::fromYuan(5000));

    REQUIRE(review.approve(newer));
    c = PlanService(*b.ofc1).planCase(b.loan);
    CHECK(c->incomeSource.noteId == newer);
    CHECK(c->household.monthlyExpenses == Money::fromYuan(4100));
}

TEST_CASE("a stored proposal keeps the household budget it was made with when a later note states another",
          "[plan_service]")
{
    Branch b;
    b.visitNote(day(2026, 11, 20), 10, Money::fromYuan(6000), Money::fromYuan(4000));
    auto c = PlanService(*b.ofc1).planCase(b.loan);
    REQUIRE(c);
    ProposalDraft d = b.draft(false);
    d.household = c->household;
    const auto id = PlanService(*b.ofc1).create(d);
    REQUIRE(id);

    b.visitNote(day(2026, 11, 27), 10, Money::fromYuan(3000), Money::fromYuan(2500));
    const auto p = PlanService(*b.ofc1).proposal(*id);
    REQUIRE(p);
    CHECK(p->row.monthlyIncome == Money::fromYuan(6000));
    CHECK(p->row.monthlyExpenses == Money::fromYuan(4000));
    CHECK(PlanService(*b.ofc1).planCase(b.loan)->household.monthlyIncome == Money::fromYuan(3000));
}

TEST_CASE("comparing options gives each its figures, affordability and approval need, and suggests one",
          "[plan_service]")
{
    Branch b;
    auto c = PlanService(*b.ofc1).planCase(b.loan);
    REQUIRE(c);
    std::vector<PlanTerms> options(3);
    for (auto& t : options)
        t.start = day(2026, 11, 30);
    options[0].shape = Reamortisation{RepaymentMethod::EqualInstalment, AnnualRate{60'000}, 3};   // ≈ 4,000 a month
    options[1].shape = Reamortisation{RepaymentMethod::EqualInstalment, AnnualRate{60'000}, 12};  // ≈ 1,000 a month
    options[2].waiver = Waiver::full(c->debt);
    options[2].shape = Settlement{Money::fromYuan(1000), 1};
    const Household household{Money::fromYuan(8000), Money::fromYuan(5000), Money{}};  // 3,000 disposable
    auto cmp = PlanService(*b.ofc1).compare(*c, options, household);
    REQUIRE(cmp);
    REQUIRE(cmp->options.size() == 3);
    CHECK(cmp->options[0].summary.figures.months == 3);
    CHECK_FALSE(cmp->options[0].summary.affordability.affordable);  // above 50 % of 3,000
    CHECK(cmp->options[1].summary.affordability.affordable);
    CHECK_FALSE(cmp->options[2].summary.affordability.affordable);  // a lump sum of 11,000 and more
    CHECK_FALSE(cmp->options[1].approval.supervisorNeeded);         // nothing waived
    CHECK(cmp->options[2].approval.supervisorNeeded);               // waiver and discount above the 0 limits
    REQUIRE(cmp->suggestion.option == 1u);
    CHECK(cmp->suggestion.reason.id.value == std::string_view{"plan.suggest.best"});

    // A refused option shows why and is never suggested; fewer than two options is not a comparison.
    options[0].shape = Reamortisation{RepaymentMethod::EqualInstalment, AnnualRate{60'000}, 0};
    cmp = PlanService(*b.ofc1).compare(*c, options, household);
    REQUIRE(cmp);
    CHECK_FALSE(cmp->options[0].plan);
    CHECK(cmp->suggestion.option == 1u);
    CHECK(PlanService(*b.ofc1).compare(*c, std::span(options).first(1), household).error().code ==
          ErrorCode::InvalidInput);
}

TEST_CASE("a draft belongs to the officer who made it; officers see their own proposals, supervisors all",
          "[plan_service]")
{
    Branch b;
    const std::int64_t id = b.created(false);
    auto p = PlanService(*b.ofc1).proposal(id);
    REQUIRE(p);
    CHECK(p->row.owner == "ofc1");
    CHECK(p->row.state == ProposalState::Draft);
    CHECK(p->row.debt.total() == p->plan.contractual);
    CHECK(p->plan.instalments.size() == 3);
    CHECK(p->row.monthlyIncome == Money::fromYuan(8000));
    CHECK(b.audits("plan.create", id) == 1);

    auto ofc2 = b.login("ofc2");
    CHECK(PlanService(*ofc2).list()->empty());
    CHECK(PlanService(*ofc2).proposal(id).error().code == ErrorCode::NotFound);
    CHECK(PlanService(*b.ofc1).list()->size() == 1);
    CHECK(PlanService(*b.sup).list()->size() == 1);
    CHECK(PlanService(*b.sup).list(ProposalState::Submitted)->empty());
    CHECK(PlanService(*b.sup).list(ProposalState::Draft)->size() == 1);
    // An administrator works no cases.
    auto admin = b.branch.loginAdmin();
    CHECK(PlanService(*admin).create(b.draft(false)).error().code == ErrorCode::PermissionDenied);
}

TEST_CASE("submitting within the officer's authority is approved by Doorstep at once, as two audited moves",
          "[plan_service]")
{
    Branch b;
    const std::int64_t id = b.created(false);
    REQUIRE(PlanService(*b.ofc1).submit(id) == ProposalState::Approved);
    auto p = PlanService(*b.ofc1).proposal(id);
    REQUIRE(p);
    REQUIRE(p->moves.size() == 2);
    CHECK(p->moves[0].move == ProposalMove::Submit);
    CHECK(p->moves[0].actor == "ofc1");
    CHECK(p->moves[1].move == ProposalMove::Approve);
    CHECK(p->moves[1].actor == "doorstep");
    CHECK(p->moves[1].to == ProposalState::Approved);
    CHECK_FALSE(p->row.supervisorNeeded);
    CHECK(b.audits("plan.submit", id) == 1);
    CHECK(b.audits("plan.auto_approve", id) == 1);
}

TEST_CASE("a waiver above the officer's limit waits for another supervisor, who approves or returns it",
          "[plan_service]")
{
    Branch b;
    const std::int64_t id = b.created(true);
    REQUIRE(PlanService(*b.ofc1).submit(id) == ProposalState::Submitted);
    CHECK(b.state(id) == ProposalState::Submitted);

    // The officer may not approve; a supervisor returns with a comment, which is required.
    CHECK(PlanService(*b.ofc1).approve(id, "").error().code == ErrorCode::PermissionDenied);
    CHECK(PlanService(*b.sup).returnForChanges(id, "").error().code == ErrorCode::InvalidInput);
    REQUIRE(PlanService(*b.sup).returnForChanges(id, "罚息只减免一半"));
    auto p = PlanService(*b.ofc1).proposal(id);
    REQUIRE(p);
    CHECK(p->row.state == ProposalState::Returned);
    CHECK(p->row.supervisorComment == "罚息只减免一半");
    CHECK(p->moves.back().actor == "sup");
    CHECK(b.audits("plan.return", id) == 1);

    // The owner revises (back to draft) with half the penalty and resubmits; the supervisor approves.
    ProposalDraft d = b.draft(false);
    d.terms.waiver.penalty = Money{p->row.debt.penalty.fen / 2};
    auto ofc2 = b.login("ofc2");
    CHECK(PlanService(*ofc2).revise(id, d).error().code == ErrorCode::NotFound);
    REQUIRE(PlanService(*b.ofc1).revise(id, d));
    CHECK(b.state(id) == ProposalState::Draft);
    CHECK(b.audits("plan.revise", id) == 1);
    REQUIRE(PlanService(*b.ofc1).submit(id) == ProposalState::Submitted);
    REQUIRE(PlanService(*b.sup).approve(id, "同意"));
    CHECK(b.state(id) == ProposalState::Approved);
    CHECK(b.audits("plan.approve", id) == 1);
    CHECK(PlanService(*b.sup).approve(id, "").error().code == ErrorCode::Conflict);  // already approved
}

TEST_CASE("four eyes: a supervisor never approves or returns a proposal of their own", "[plan_service]")
{
    Branch b;
    auto d = b.draft(true);
    auto id = PlanService(*b.sup).create(d);
    REQUIRE(id);
    REQUIRE(PlanService(*b.sup).submit(*id) == ProposalState::Submitted);
    CHECK(PlanService(*b.sup).approve(*id, "").error().code == ErrorCode::PermissionDenied);
    CHECK(PlanService(*b.sup).returnForChanges(*id, "no").error().code == ErrorCode::PermissionDenied);
    auto sup2 = b.login("sup2");
    REQUIRE(PlanService(*sup2).approve(*id, ""));
    CHECK(b.state(*id) == ProposalState::Approved);
}

TEST_CASE("after approval the owner records acceptance and a supervisor puts the plan into force", "[plan_service]")
{
    Branch b;
    const std::int64_t id = b.created(false);
    REQUIRE(PlanService(*b.ofc1).submit(id));
    CHECK(PlanService(*b.sup).recordAcceptance(id).error().code == ErrorCode::PermissionDenied);
    REQUIRE(PlanService(*b.ofc1).recordAcceptance(id));
    CHECK(b.state(id) == ProposalState::Accepted);
    CHECK(PlanService(*b.ofc1).activate(id).error().code == ErrorCode::PermissionDenied);
    CHECK_FALSE(b.planKeptFlag());
    REQUIRE(PlanService(*b.sup).activate(id));
    CHECK(b.state(id) == ProposalState::Active);
    CHECK(b.planKeptFlag());  // the case is under the "keeping a repayment plan" exclusion
    CHECK(b.audits("plan.accept", id) == 1);
    CHECK(b.audits("plan.activate", id) == 1);
    // Nobody withdraws a plan in force.
    CHECK(PlanService(*b.sup).withdraw(id, "").error().code == ErrorCode::Conflict);
}

TEST_CASE("withdrawing: the owner before acceptance, a supervisor also after it", "[plan_service]")
{
    Branch b;
    const std::int64_t draft = b.created(false);
    REQUIRE(PlanService(*b.ofc1).withdraw(draft, "客户拒绝"));
    CHECK(b.state(draft) == ProposalState::Withdrawn);
    CHECK(b.audits("plan.withdraw", draft) == 1);
    CHECK(PlanService(*b.ofc1).submit(draft).error().code == ErrorCode::Conflict);

    const std::int64_t accepted = b.created(false);
    REQUIRE(PlanService(*b.ofc1).submit(accepted));
    REQUIRE(PlanService(*b.ofc1).recordAcceptance(accepted));
    CHECK(PlanService(*b.ofc1).withdraw(accepted, "").error().code == ErrorCode::PermissionDenied);
    REQUIRE(PlanService(*b.sup).withdraw(accepted, "案件变化"));
    CHECK(b.state(accepted) == ProposalState::Withdrawn);
}

TEST_CASE("revising a proposal keeps its loan, and only drafts and returned proposals change", "[plan_service]")
{
    Branch b;
    const std::int64_t id = b.created(false);
    ProposalDraft d = b.draft(false, day(2026, 12, 15), 6);
    REQUIRE(PlanService(*b.ofc1).revise(id, d));
    auto p = PlanService(*b.ofc1).proposal(id);
    REQUIRE(p);
    CHECK(p->plan.instalments.size() == 6);
    CHECK(p->plan.instalments.front().dueDate == day(2027, 1, 15));
    d.loanRowId = test::queryInt(b.db(), "SELECT id FROM loans WHERE bank_id = 'L002-1'");
    CHECK(PlanService(*b.ofc1).revise(id, d).error().code == ErrorCode::InvalidInput);
    REQUIRE(PlanService(*b.ofc1).submit(id));
    CHECK(PlanService(*b.ofc1).revise(id, b.draft(false)).error().code == ErrorCode::Conflict);
    // Terms the calculator refuses are never stored.
    const std::int64_t other = b.created(false);
    ProposalDraft bad = b.draft(false, day(2026, 11, 30), 0);
    CHECK(PlanService(*b.ofc1).revise(other, bad).error().code == ErrorCode::InvalidInput);
    CHECK(PlanService(*b.ofc1).create(bad).error().code == ErrorCode::InvalidInput);
}

TEST_CASE("adherence across imports: a missed instalment makes the plan late, then broken, and the case returns to "
          "screening",
          "[plan_service]")
{
    Branch b;
    const std::int64_t id = activePlan(b);
    // Instalments due 30 December 2026, 30 January and 28 February 2027.
    CHECK(b.planKeptFlag());
    b.importAs(*b.sup, extract("2027-01-05"), "second");
    auto p = PlanService(*b.sup).proposal(id);
    REQUIRE(p);
    CHECK(p->row.state == ProposalState::Active);
    CHECK(p->row.adherence == AdherenceStatus::Late);
    CHECK(p->row.daysLate == 6);
    CHECK(p->row.assessedOn == "2027-01-05");
    CHECK(b.planKeptFlag());

    // 31 days after the due date is more than the 30 allowed.
    b.importAs(*b.sup, extract("2027-01-30"), "third");
    p = PlanService(*b.sup).proposal(id);
    REQUIRE(p);
    CHECK(p->row.state == ProposalState::Broken);
    CHECK(p->row.adherence == AdherenceStatus::Broken);
    CHECK(p->moves.back().actor == "doorstep");
    CHECK(p->moves.back().move == ProposalMove::MarkBroken);
    CHECK(b.audits("plan.broken", id) == 1);
    CHECK_FALSE(b.planKeptFlag());
    // Back in screening: the case is in the visit queue again.
    CHECK(test::queryInt(b.db(),
                         "SELECT count(*) FROM visit_queue WHERE borrower_id = " + std::to_string(b.borrower)) == 1);
}

TEST_CASE("adherence: payments since the plan's start keep it on track, and paying everything marks it kept",
          "[plan_service]")
{
    Branch b;
    const std::int64_t id = activePlan(b);
    auto p = PlanService(*b.sup).proposal(id);
    REQUIRE(p);
    const auto& inst = p->plan.instalments;
    REQUIRE(inst.size() == 3);
    const auto yuan = [](Money m) { return formatYuanPlain(m); };
    // A payment before the plan's start went to the old schedule and does not count.
    std::string payments = "P0,L001-1,2026-11-20,500.00\nP1,L001-1,2026-12-30," + yuan(inst[0].payment()) + "\n";
    b.importAs(*b.sup, extract("2027-01-20", payments), "second");
    p = PlanService(*b.sup).proposal(id);
    CHECK(p->row.adherence == AdherenceStatus::OnTrack);
    CHECK(p->row.daysLate == 0);

    payments +=
        "P2,L001-1,2027-01-30," + yuan(inst[1].payment()) + "\nP3,L001-1,2027-02-27," + yuan(inst[2].payment()) + "\n";
    b.importAs(*b.sup, extract("2027-03-01", payments), "third");
    p = PlanService(*b.sup).proposal(id);
    CHECK(p->row.state == ProposalState::Kept);
    CHECK(b.audits("plan.kept", id) == 1);
    CHECK(b.planKeptFlag());
}

TEST_CASE("adherence also follows a recompute", "[plan_service]")
{
    Branch b;
    const std::int64_t id = activePlan(b);
    REQUIRE(app::recompute(*b.sup, day(2027, 2, 1)));
    CHECK(b.state(id) == ProposalState::Broken);
    CHECK_FALSE(b.planKeptFlag());
}

TEST_CASE("a plan in force that changes the schedule puts the loan under observation for the set months",
          "[plan_service]")
{
    Branch b;
    const std::int64_t draft = b.created(false);
    CHECK_FALSE(*PlanService(*b.sup).restructuring(b.borrower, b.loan));  // a draft changes nothing yet
    const std::int64_t id = activePlan(b);
    auto r = PlanService(*b.ofc1).restructuring(b.borrower, b.loan);
    REQUIRE(r);
    REQUIRE(*r);
    CHECK((*r)->proposalId == id);
    CHECK((*r)->start == day(2026, 11, 30));
    CHECK((*r)->observationMonths == 12);
    CHECK((*r)->observationEnds == day(2027, 11, 30));
    (void)draft;

    auto admin = b.branch.loginAdmin();
    auto settings = app::planSettings(*admin).value();
    settings.observationMonths = 6;
    REQUIRE(app::savePlanSettings(*admin, settings));
    CHECK((*PlanService(*b.sup).restructuring(b.borrower, b.loan))->observationEnds == day(2027, 5, 30));
    CHECK_FALSE(*PlanService(*b.sup).restructuring(b.borrower, b.loan + 1000));
}

TEST_CASE("a restructured loan keeps its class until the observation period ends, though paid up", "[plan_service]")
{
    // On 30 November the loan is 76 days past due: special mention. Paid up in December, it would be normal.
    const std::string paidUp = "P1,L001-1,2026-12-20,13000.00\n";
    const auto storedClass = [](Branch& b) {
        return test::queryTexts(b.db(), "SELECT risk_class FROM loan_status WHERE loan_id = " + std::to_string(b.loan));
    };
    SECTION("without a plan the class follows the days past due")
    {
        Branch b;
        b.importAs(*b.sup, extract("2027-01-05", paidUp), "second");
        CHECK(storedClass(b) == std::vector<std::string>{"normal"});
    }
    SECTION("with a plan in force since 30 November it stays special mention for twelve months")
    {
        Branch b;
        activePlan(b);
        b.importAs(*b.sup, extract("2027-01-05", paidUp), "second");
        CHECK(storedClass(b) == std::vector<std::string>{"special_mention"});
        CHECK(test::queryInt(b.db(), "SELECT dpd FROM loan_status WHERE loan_id = " + std::to_string(b.loan)) == 0);
        REQUIRE(app::recompute(*b.sup, day(2027, 11, 29)));  // the last day of the period
        CHECK(storedClass(b) == std::vector<std::string>{"special_mention"});
        REQUIRE(app::recompute(*b.sup, day(2027, 11, 30)));  // the period is over
        CHECK(storedClass(b) == std::vector<std::string>{"normal"});
    }
}

TEST_CASE("an accepted plan goes into force when an extract carries its new schedule", "[plan_service]")
{
    Branch b;
    const std::int64_t id = b.created(false);
    REQUIRE(PlanService(*b.ofc1).submit(id) == ProposalState::Approved);
    REQUIRE(PlanService(*b.ofc1).recordAcceptance(id));
    const auto p = PlanService(*b.sup).proposal(id);
    REQUIRE(p);
    // Core banking replaced L001-1's two old instalments with the plan's.
    const auto applied = [&](std::int64_t interestChange) {
        auto files = extract("2026-12-05");
        std::string rows = "loan_id,seq,due_date,principal_due,interest_due\n";
        for (const PlanInstalment& i : p->plan.instalments)
            rows += "L001-1," + std::to_string(i.sequence) + "," + formatIsoDate(i.dueDate) + "," +
                    formatYuanPlain(i.principal) + "," + formatYuanPlain(i.interest + Money{interestChange}) + "\n";
        files["instalments.csv"] = rows + "L002-1,1,2026-09-15,5000.00,25.00\n";
        files["loans.csv"] = files["loans.csv"].replace(files["loans.csv"].find(",2,equal"), 8,
                                                        "," + std::to_string(p->plan.instalments.size()) + ",equal");
        return files;
    };
    SECTION("a schedule a fen away is not the plan: it stays accepted")
    {
        b.importAs(*b.sup, applied(1), "second");
        CHECK(b.state(id) == ProposalState::Accepted);
        CHECK(b.audits("plan.activate", id) == 0);
    }
    SECTION("the plan's schedule: Doorstep puts it in force, audited, and the case leaves the queue")
    {
        b.importAs(*b.sup, applied(0), "second");
        const auto after = PlanService(*b.sup).proposal(id);
        REQUIRE(after);
        CHECK(after->row.state == ProposalState::Active);
        CHECK(after->row.adherence == AdherenceStatus::OnTrack);
        CHECK(after->moves.back().move == ProposalMove::Activate);
        CHECK(after->moves.back().actor == "doorstep");
        CHECK(b.audits("plan.activate", id) == 1);
        CHECK(b.planKeptFlag());
    }
}

TEST_CASE("a single lump-sum settlement in force is no restructuring", "[plan_service]")
{
    Branch b;
    auto d = b.draft(true);
    d.terms.shape = Settlement{Money{}, 1};
    auto id = PlanService(*b.ofc1).create(d);
    REQUIRE(id);
    REQUIRE(PlanService(*b.ofc1).submit(*id) == ProposalState::Submitted);
    REQUIRE(PlanService(*b.sup).approve(*id, ""));
    REQUIRE(PlanService(*b.ofc1).recordAcceptance(*id));
    REQUIRE(PlanService(*b.sup).activate(*id));
    CHECK_FALSE(*PlanService(*b.sup).restructuring(b.borrower, b.loan));
}
