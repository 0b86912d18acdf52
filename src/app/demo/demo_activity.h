#pragma once
// Demo activity (issue 10): synthetic contacts and appointments on a branch database, made through the same use
// cases as the app — ContactService through the contact-rule guard, AppointmentService through the booking
// checks and the workflow — so every generated contact obeys the rules. Days are simulated by moving a clock
// from `days` days ago to today; bookings reach two weeks ahead. Officers are added (by the administrator
// session given) until there are four. Demo only: staff act with the demo passwords.
#include "app/demo/demo_visit_notes.h"
#include "app/shared/clock.h"
#include "app/users/session.h"
#include "domain/messages/error.h"
#include "domain/shared/calendar.h"

#include <cstdint>
#include <filesystem>

namespace doorstep::app {

struct DemoActivityOptions {
    std::uint64_t seed = 1;
    int days = 14;  // past days of activity, today not counted; 0 … 60
};

struct DemoActivitySummary {
    int officersAdded = 0;
    int contacts = 0;
    int refused =
        0;  // attempts the contact-rule guard (or the log's own checks) refused: left out, as an officer would
    int appointments = 0;
    int done = 0;
    int notHome = 0;
    int cancelled = 0;
    DemoNoteCounts notes;  // visit notes written and reviewed (demo_visit_notes.h)
};

// `admin`: an administrator's session on `databasePath` (to add officers). `today`: the local date the
// simulation ends on; appointments are booked up to 14 days after it.
Result<DemoActivitySummary> addDemoActivity(Session& admin, Date today, const DemoActivityOptions& options);

}  // namespace doorstep::app
