#pragma once
// The branch's repayment-plan settings (issue 12), with the domain's defaults where none is set: the
// affordability limit, the officers' authority limits, the days late after which an active plan is broken
// and the observation period of a restructured loan (DOMAIN.md section 3).
#include "app/users/session.h"
#include "domain/plans/plan_adherence.h"
#include "domain/plans/plan_authority.h"
#include "domain/plans/plan_comparison.h"

namespace doorstep::app {

// DOMAIN.md section 3: a restructured loan is observed for 12 months before its class may be upgraded.
inline constexpr int kDefaultObservationMonths = 12;
inline constexpr int kMaxObservationMonths = 60;

struct PlanSettings {
    AffordabilitySettings affordability;
    OfficerAuthority authority;
    AdherenceSettings adherence;
    int observationMonths = kDefaultObservationMonths;  // 1 … kMaxObservationMonths
    friend bool operator==(const PlanSettings&, const PlanSettings&) = default;
};

// Each part by its domain rule; InvalidInput (plan.observation_range) for the observation period.
Result<void> validatePlanSettings(const PlanSettings& settings);

// Stored values that cannot be read or break a rule fall back to the default, one by one.
PlanSettings loadPlanSettings(const storage::Connection& connection);
// Anyone logged in may read them (the proposal form shows the limits); administrators change them; audited.
Result<PlanSettings> planSettings(Session& session);
Result<void> savePlanSettings(Session& session, const PlanSettings& settings);

}  // namespace doorstep::app
