#pragma once
// doorstep-cli contacts, appointments and calendar export (issue 10; docs/data-formats.md): Doorstep's contact
// log and appointments as CSV or JSON for batch use and checking, and one officer's visits as an .ics file.
#include "app/users/session.h"

#include <map>
#include <string>
#include <vector>

namespace doorstep::cli {

using Options = std::map<std::string, std::string>;

// contacts --as-of DATE [--from DATE] [--format csv|json]: the contacts Doorstep logged from --from (default:
// the --as-of date itself) to --as-of. Returns the exit status; errors on stderr.
int runContactsCommand(app::Session& session, const Options& options);
// appointments --from DATE --to DATE [--format csv|json]
int runAppointmentsCommand(app::Session& session, const Options& options);
// calendar export --officer NAME --from DATE --to DATE --out FILE.ics
int runCalendarExportCommand(app::Session& session, const Options& options);
// outbox --date DATE --out FILE.csv: the day's SMS outbox for the bank's SMS platform (phone numbers included)
int runOutboxCommand(app::Session& session, const Options& options);

}  // namespace doorstep::cli
