#pragma once
// The repayment-plan calculators (DOMAIN.md section 6): what an officer can offer a customer in arrears,
// each as a schedule of monthly instalments exact to the fen. Pure: no Qt, no I/O, no clock.
//
// Every plan starts from what the customer owes today (OutstandingDebt, the delinquency engine's figures)
// less what the plan waives; the rest is "the amount financed", repaid by the instalments:
// * re-amortisation (重新约定还款计划) of that amount as 等额本息 (annuity) or 等额本金 (equal principal);
// * a grace period (宽限期) of N months with no payment or interest only, then re-amortisation; without
//   payment the grace months' interest is either capitalised (added to the balance month by month, so it
//   bears interest) or deferred (owed without interest and spread evenly over the instalments after the grace);
// * term extension (展期): re-amortisation over the months left on the contract plus the extension;
// * settlement: the amount financed less an optional discount, in one lump sum or a few equal instalments,
//   without interest.
// A waiver of penalty interest (罚息) and compound interest (复利), in part or in full, may go with any of them.
//
// The rounding (DOMAIN.md section 2) is amortization.h's: a month's interest is the balance × annual / 12
// rounded half-up to the fen once; every other share (a principal part, a spread of deferred interest, a
// settlement instalment) is the exact quotient rounded half-up, never more than is left, and the last
// instalment takes what is left, so the parts always add up to the whole. docs/repayment-plans.md shows
// every rule on a worked example.
#include "domain/messages/error.h"
#include "domain/portfolio/portfolio.h"
#include "domain/shared/calendar.h"
#include "domain/shared/money.h"
#include "domain/shared/rate.h"

#include <variant>
#include <vector>

namespace doorstep {

// The largest amount a plan handles: 100 billion yuan keeps every product of the calculation in range.
inline constexpr Money kMaxPlanAmount{10'000'000'000'000};
// The most instalments a settlement may be split into ("a few large instalments").
inline constexpr int kMaxSettlementInstalments = 12;

// What the customer owes under the contract today. The sum is "the current contractual amount".
struct OutstandingDebt {
    Money principal;  // every unpaid principal part, overdue or not yet due
    Money interest;   // overdue contract interest not yet paid
    Money penalty;    // penalty interest (罚息) accrued and not yet paid
    Money compound;   // compound interest (复利) accrued and not yet paid
    Money total() const { return principal + interest + penalty + compound; }
};

// How much of the penalty and compound interest the plan waives; each at most what is owed.
struct Waiver {
    Money penalty;
    Money compound;
    Money total() const { return penalty + compound; }
    static Waiver full(const OutstandingDebt& debt) { return Waiver{debt.penalty, debt.compound}; }
};

enum class GraceMode {
    NoPayment,     // nothing falls due during the grace
    InterestOnly,  // each grace month pays that month's interest; the balance stays
};
enum class GraceInterest {
    Capitalise,  // no payment: each month's interest joins the balance at the month's end
    Defer,       // no payment: the interest is owed without interest, spread over the later instalments
};

// Re-amortisation over `termMonths`, after `graceMonths` of grace (0: none). Also a grace-period plan.
struct Reamortisation {
    RepaymentMethod method = RepaymentMethod::EqualInstalment;  // or EqualPrincipal
    AnnualRate rate;                                            // the plan's rate, usually the contract's
    int termMonths = 0;                                         // instalments after the grace, >= 1
    int graceMonths = 0;
    GraceMode graceMode = GraceMode::NoPayment;
    GraceInterest graceInterest = GraceInterest::Capitalise;  // used with NoPayment only
};

// 展期: the months left on the contract plus the extension, re-amortised.
struct TermExtension {
    RepaymentMethod method = RepaymentMethod::EqualInstalment;
    AnnualRate rate;
    int remainingMonths = 0;  // >= 0 (0: the contract has matured)
    int extensionMonths = 0;  // >= 1
};

// Settlement: the amount financed less `discount`, without interest, in 1 … kMaxSettlementInstalments.
struct Settlement {
    Money discount;
    int instalments = 1;  // 1: a lump sum
};

enum class PlanKind { Reamortisation, GracePeriod, TermExtension, Settlement };

struct PlanTerms {
    // Instalment k of a schedule falls due on start + k months (clamped to a shorter month's end, always
    // counted from the start); a settlement's first instalment falls due on the start, the rest monthly.
    Date start{};
    Waiver waiver;
    std::variant<Reamortisation, TermExtension, Settlement> shape;
};

PlanKind planKind(const PlanTerms& terms);  // GracePeriod: a Reamortisation with graceMonths > 0
MessageId planKindName(PlanKind kind);      // "grace period" / 宽限期 …

struct PlanInstalment {
    int sequence = 0;  // 1, 2, 3 …
    Date dueDate{};
    Money principal;    // what this instalment takes off the balance
    Money interest;     // interest paid with it (the month's interest, plus a share of deferred interest)
    Money capitalised;  // interest added to the balance this month (grace without payment, capitalised)
    Money balance;      // the balance after it: what still bears interest (deferred interest is not in it)
    Money payment() const { return principal + interest; }
};

struct Plan {
    PlanKind kind = PlanKind::Reamortisation;
    std::vector<PlanInstalment> instalments;
    Money contractual;     // debt.total(): the current contractual amount
    Money waivedInterest;  // penalty and compound interest waived
    Money discount;        // a settlement's discount
    Money financed;        // contractual − waived(): what the instalments repay before the plan's own interest
    Money waived() const { return waivedInterest + discount; }
};

// A sentence for people as a message id with its arguments (a reason, a suggestion, an approval need).
struct PlanReason {
    MessageId id;
    MessageArgs args;
};

// The plan for `debt` under `terms`. InvalidInput (a message id naming the term) when a term is out of
// range: a waiver above what is owed, nothing left to repay, a rate below 0 or above 1000 %, a term
// outside 1 … kMaxTermMonths (grace included), an amount above kMaxPlanAmount, a settlement discount that
// leaves nothing, a settlement in more than kMaxSettlementInstalments, or an amount too small for its term
// (plan.term_too_long: rounded to the fen, the instalments would not add up within one instalment — the
// balance would run out early, or the last instalment would carry a second one).
Result<Plan> buildPlan(const OutstandingDebt& debt, const PlanTerms& terms);

}  // namespace doorstep
