#pragma once
// The delinquency engine (DOMAIN.md section 3): from a loan's instalment schedule and its payments, the
// state as of a date — days past due, bucket, risk class, overdue amounts, penalty interest (罚息) and
// compound interest (复利) — with a per-instalment breakdown that shows how the figures came about.
// Pure functions: no Qt, no I/O, no clock.
#include "domain/messages/error.h"
#include "domain/portfolio/classification.h"
#include "domain/portfolio/portfolio.h"
#include "domain/shared/calendar.h"
#include "domain/shared/money.h"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

// The parts of an instalment a payment can settle.
enum class Component { Penalty, Compound, Interest, Principal };
// Within one instalment a payment settles the components in this order; a permutation of all four.
using AllocationOrder = std::array<Component, 4>;
inline constexpr AllocationOrder kDefaultAllocationOrder{Component::Penalty, Component::Compound, Component::Interest,
                                                         Component::Principal};

struct DelinquencySettings {
    // Penalty rate = contract rate × (1 + markup / 100). Regulation allows 30–50 (DOMAIN.md 3); the
    // settings accept 0–100 so a branch can model a waiver or an older contract.
    int penaltyMarkupPercent = 50;
    AllocationOrder allocationOrder = kDefaultAllocationOrder;
    BucketBoundaries buckets;
    ClassificationSettings classes;
    friend bool operator==(const DelinquencySettings&, const DelinquencySettings&) = default;
};

// InvalidInput with a sentence saying which setting is wrong.
Result<void> validateDelinquencySettings(const DelinquencySettings& settings);

// Stable names for storage: penalty, compound, interest, principal; an order as "penalty,compound,…".
std::string_view componentName(Component c);
std::optional<Component> parseComponent(std::string_view name);
std::string formatAllocationOrder(const AllocationOrder& order);
Result<AllocationOrder> parseAllocationOrder(std::string_view text);  // all four, each once

// How one instalment stands as of the assessment date. Penalty and compound amounts are the exact
// accrual rounded half-up to a fen once, for this instalment as a whole.
struct InstalmentDelinquency {
    int sequence = 0;
    Date dueDate{};
    Money principalDue;
    Money principalPaid;
    Money interestDue;
    Money interestPaid;
    // Unsettled: days from the due date to the assessment date. Settled: days it was overdue when the
    // settling payment came (0 when settled on or before the due date).
    int daysOverdue = 0;
    Money penaltyAccrued;
    Money penaltyPaid;
    Money compoundAccrued;
    Money compoundPaid;
    std::optional<Date> paidInFullOn;  // the payment that settled it; none while unsettled or if nothing was due

    Money unpaid() const;  // everything still owed on this instalment
};

struct DelinquencySummary {
    // As of date D: D − due date of the oldest instalment not fully paid; 0 when that is not yet overdue.
    int dpd = 0;
    Bucket bucket = Bucket::M0;
    RiskClass riskClass = RiskClass::Normal;
    int overdueInstalments = 0;               // due before D and not fully paid
    std::optional<Date> oldestUnpaidDueDate;  // oldest instalment not fully paid, due or not; none if all are
    Money overduePrincipal;                   // unpaid principal of the instalments due before D
    Money overdueInterest;                    // unpaid contract interest of those instalments
    Money penaltyAccrued;                     // all instalments, each rounded as in InstalmentDelinquency
    Money penaltyPaid;
    Money compoundAccrued;
    Money compoundPaid;
    Money principalPaid;  // on all instalments, including ones paid ahead of their due date
    Money interestPaid;
    // overdue principal + overdue interest + unpaid penalty + unpaid compound.
    Money totalOverdue;
    Money outstandingPrincipal;  // principal of the whole schedule not yet paid
    Money unallocatedCredit;     // paid in after every instalment was settled

    Money penaltyUnpaid() const { return penaltyAccrued - penaltyPaid; }
    Money compoundUnpaid() const { return compoundAccrued - compoundPaid; }
};

struct LoanDelinquency : DelinquencySummary {
    std::vector<InstalmentDelinquency> instalments;  // in due-date order, one per instalment
};

// The loan's instalments and payments, in any order (sorted here by due date / payment date when they are
// not already); payments dated after asOf and non-positive payments are ignored. The loan gives the
// contract rate and, through its product, the classification profile. Settings are assumed valid.
LoanDelinquency assessLoan(const Loan& loan, std::span<const Instalment> instalments, std::span<const Payment> payments,
                           Date asOf, const DelinquencySettings& settings = {});
// The same figures without the breakdown, for screening a whole portfolio.
DelinquencySummary assessLoanSummary(const Loan& loan, std::span<const Instalment> instalments,
                                     std::span<const Payment> payments, Date asOf,
                                     const DelinquencySettings& settings = {});

}  // namespace doorstep
