#pragma once
// doorstep-cli calendar export (issue 10): one officer's visits over a period as an iCalendar file. Each event
// carries the case number and the district, the visiting staff, the place's kind and the state; never a name,
// an identity number, a phone number, an address or an amount. The UID is the appointment's id with the
// database's id, so re-exporting updates the events a calendar already holds.
#include "app/users/session.h"
#include "domain/messages/error.h"
#include "domain/shared/calendar.h"
#include "io/appointments/calendar_file.h"

#include <filesystem>
#include <string>
#include <vector>

namespace doorstep::app {

// The events of `officer`'s appointments from `from` to `to` (both included). Officers export only their own.
Result<std::vector<io::CalendarEvent>> calendarEvents(Session& session, const std::string& officer, Date from, Date to);
// The same written to `target`; audited ("calendar.export"). Returns the number of events.
Result<int> exportCalendar(Session& session, const std::string& officer, Date from, Date to,
                           const std::filesystem::path& target);

}  // namespace doorstep::app
