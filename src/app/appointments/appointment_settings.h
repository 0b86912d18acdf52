#pragma once
// The branch's settings for contacts and appointments (issue 10; DOMAIN.md 5's configurable numbers): the
// contact rules, working hours, daily visit capacity and the travel model, with the domain's defaults where
// nothing is stored. The booking checks use the contact rules' quiet hours.
#include "app/shared/clock.h"
#include "app/users/session.h"
#include "domain/appointments/booking_checks.h"
#include "domain/contacts/contact_rules.h"
#include "domain/messages/error.h"
#include "domain/shared/clock_time.h"
#include "storage/database/sqlite.h"

namespace doorstep::app {

struct AppointmentSettings {
    ContactRuleSettings contactRules;
    BookingSettings booking;  // booking.quietHours always equals contactRules.quietHours
};

// Stored values that do not pass the domain's checks are logged and replaced by the defaults.
AppointmentSettings loadAppointmentSettings(const storage::Connection& connection);
// Administrators (the settings form); checked by the domain, audited.
Result<void> saveAppointmentSettings(Session& session, AppointmentSettings settings);

// The branch's local time (Asia/Shanghai, UTC+8 all year) of an instant.
LocalDateTime localDateTime(std::chrono::system_clock::time_point when);
inline LocalDateTime localNow(const Session& session)
{
    return localDateTime(session.clock().now());
}

}  // namespace doorstep::app
