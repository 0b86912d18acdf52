#pragma once
// doorstep-cli report visit --id N --out FILE.pdf and report visits --from D --to D --out FILE.pdf: the visit
// report of one note, or of a date range's notes for the branch file (supervisors), through
// report/visit_report.h; personal data masked as the user's role requires; audited.
#include "app/users/session.h"

#include <map>
#include <string>
#include <vector>

namespace doorstep::cli {

// `words` is the command line's words ("report", "visit" or "visits"); `options` its --name value pairs
// (--lang zh|en, Chinese by default). Returns the exit status (2 for a wrong argument).
int runReportCommand(app::Session& session, const std::vector<std::string>& words,
                     const std::map<std::string, std::string>& options);

}  // namespace doorstep::cli
