#pragma once
// doorstep-cli visits: the visit notes of a date range for batch use and the supervisors' counts
// (docs/data-formats.md): states, hardship reasons, scales, the checklist and the promises to pay, as codes
// and numbers. No free text and no personal data (no names, no places): only the customer number.
#include "app/users/session.h"

#include <map>
#include <string>

namespace doorstep::cli {

// `options` are the --name value pairs: --from and --to (YYYY-MM-DD, both included) and --format csv|json.
// Officers see the notes of visits they made; supervisors all. Returns the exit status (2 for a wrong argument).
int runVisitsCommand(app::Session& session, const std::map<std::string, std::string>& options);

}  // namespace doorstep::cli
