#pragma once
// The export of repayment plans for core banking (issue 12): the bank's core system stays the book of
// record, so Doorstep writes each plan's new schedule, one row per instalment, for core banking to apply;
// a later extract that carries the new schedule closes the loop. By default the plans the customer has
// accepted (approved, signed, not yet in force). docs/data-formats.md describes the file.
#include "app/users/session.h"
#include "domain/plans/plan_proposal_state.h"
#include "domain/plans/plan_schedule.h"

#include <filesystem>

namespace doorstep::app {

struct PlanExportSummary {
    int plans = 0;
    std::int64_t instalments = 0;  // rows written
};

// Supervisors; audited (plan.export, the number of plans). Text fields that a spreadsheet would read as a
// formula are neutralised. Refuses a state before approval (draft, submitted, returned, withdrawn).
Result<PlanExportSummary> exportPlans(Session& session, const std::filesystem::path& path,
                                      ProposalState state = ProposalState::Accepted);

// The plan type as the export and the CLI write it: reamortisation, grace_period, term_extension, settlement.
std::string_view planKindCode(PlanKind kind);

// A text field for a CSV that people open in a spreadsheet: one starting with = + - @, a tab or CR gets a
// leading ' so that it is read as text, not run as a formula.
std::string neutralisedCsvText(std::string_view field);

}  // namespace doorstep::app
