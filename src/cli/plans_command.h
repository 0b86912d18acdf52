#pragma once
// doorstep-cli plans: the repayment-plan proposals for batch use (docs/data-formats.md). With --export FILE
// it writes the plans' new schedules for core banking instead (app/plans/plan_export.h).
#include "app/users/session.h"

#include <map>
#include <string>
#include <vector>

namespace doorstep::cli {

// `options` are the --name value pairs. Lists the proposals the user may see (officers: their own) as CSV
// or JSON on stdout, optionally only those in --state; returns the exit status (2 for a wrong argument).
int runPlansCommand(app::Session& session, const std::map<std::string, std::string>& options);

}  // namespace doorstep::cli
