#pragma once
// Whether a customer keeps an active repayment plan (issue 12): the payments made since the plan took
// effect are matched to its instalments oldest first, as DOMAIN.md section 3 allocates payments, and the
// plan is judged as of a date. A plan more than `brokenAfterDays` days late is broken; one whose every
// instalment is paid is kept. Pure: the caller passes the instalments and the payments.
#include "domain/plans/plan_proposal_state.h"
#include "domain/plans/plan_schedule.h"

#include <optional>
#include <span>
#include <vector>

namespace doorstep {

struct AdherenceSettings {
    int brokenAfterDays = 30;  // configurable; 1 … 365
    friend bool operator==(const AdherenceSettings&, const AdherenceSettings&) = default;
};

// InvalidInput (plan.broken_after_range) outside 1 … 365.
Result<void> validateAdherenceSettings(const AdherenceSettings& settings);

enum class AdherenceStatus {
    OnTrack,  // nothing due is unpaid
    Late,     // the oldest unpaid instalment is 1 … brokenAfterDays days past its due date
    Broken,   // … more than brokenAfterDays days
    Kept,     // every instalment paid
};

struct InstalmentPayment {
    int sequence = 0;
    Date dueDate{};
    Money due;                         // the instalment's payment
    Money paid;                        // what the payments matched to it
    std::optional<Date> paidInFullOn;  // the payment that completed it; none while unpaid or if nothing was due
    bool settled() const { return paid >= due; }
};

struct Adherence {
    std::vector<InstalmentPayment> instalments;
    int paidInstalments = 0;          // fully paid (an instalment of 0 counts as paid)
    std::optional<int> oldestUnpaid;  // the sequence of the oldest instalment not fully paid
    int daysLate = 0;                 // as of the date: date − its due date when that is past, else 0
    Money surplus;                    // paid beyond the last instalment
    AdherenceStatus status = AdherenceStatus::OnTrack;
};

// `payments` in any order; those dated after `asOf` are ignored (they have not happened yet), and so is
// an amount of zero or less (a reversal is the import's business, not a negative payment here). An
// instalment unpaid on its due date d is 1 day late on d + 1 (DOMAIN.md section 3).
Adherence assessAdherence(std::span<const PlanInstalment> instalments, std::span<const Payment> payments, Date asOf,
                          const AdherenceSettings& settings);

// Whether core banking has applied the plan: the loan's schedule in an extract carries every instalment of the
// plan that asks for a payment, with its due date, principal and interest to the fen. Instalments of nothing
// (a grace month without payment) need not be listed; the schedule may keep the old, settled instalments.
bool scheduleCarriesPlan(std::span<const Instalment> schedule, std::span<const PlanInstalment> plan);

// What Doorstep does to an active plan after an import: mark it kept or broken, or nothing.
std::optional<ProposalMove> adherenceMove(AdherenceStatus status);

}  // namespace doorstep
