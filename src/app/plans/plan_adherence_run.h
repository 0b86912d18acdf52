#pragma once
// Adherence after each import or recompute (issue 12): every plan in force has the loan's payments since
// the plan took effect matched to its instalments (domain/plans/plan_adherence.h) as of the extract date. A plan
// more than the configured days late is marked broken and its case returns to screening (the "keeping a
// repayment plan" flag goes off); a plan paid in full is marked kept and its case stays excluded. Both are
// Doorstep's own moves, stored and audited. First, an accepted plan whose new schedule the extract carries
// (core banking applied the exported plan) is put in force. Runs in the caller's transaction, before screening.
#include "app/users/session.h"
#include "domain/shared/calendar.h"

namespace doorstep::app {

struct PlanAdherenceSummary {
    int activated = 0;  // accepted plans put in force now: the extract's schedule carries them
    int assessed = 0;   // plans in force
    int late = 0;       // still in force, an instalment late
    int kept = 0;       // marked kept now
    int broken = 0;     // marked broken now
};

PlanAdherenceSummary assessPlansInTransaction(Session& session, Date asOf);

}  // namespace doorstep::app
