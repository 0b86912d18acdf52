#pragma once
// An officer's authority limits (DOMAIN.md section 6): a waiver of penalty and compound interest, or a
// settlement's discount, above the officer's limit needs a supervisor's approval. The limits are
// amounts in fen, branch settings; the defaults are zero, so by default every waiver and every discount
// goes to a supervisor, as DOMAIN.md section 6 says.
#include "domain/plans/plan_schedule.h"

#include <vector>

namespace doorstep {

struct OfficerAuthority {
    Money waiverLimit;    // the most penalty + compound interest an officer may waive on their own
    Money discountLimit;  // the largest settlement discount an officer may grant on their own
    friend bool operator==(const OfficerAuthority&, const OfficerAuthority&) = default;
};

// InvalidInput (plan.authority_negative) when a limit is below zero.
Result<void> validateOfficerAuthority(const OfficerAuthority& authority);

struct ApprovalNeed {
    bool supervisorNeeded = false;
    std::vector<PlanReason> reasons;  // one per limit exceeded (plan.approval.*), with the amount and the limit
};

// An amount exactly at the limit is within it.
ApprovalNeed approvalNeed(const Plan& plan, const OfficerAuthority& authority);

}  // namespace doorstep
