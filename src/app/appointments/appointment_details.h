#pragma once
// What the Appointments page and the day sheet show about an appointment beyond the record itself (issue 10):
// the customer's name and address and a masked phone number, read for the user's own appointments only (a
// supervisor's for all) — and the day plan of one officer's visits on one date in the order to make them, with
// estimated arrivals (domain/appointments/day_plan.h). No ID number ever leaves here; phones leave masked.
#include "app/appointments/appointment_service.h"
#include "app/users/session.h"
#include "domain/appointments/day_plan.h"
#include "domain/messages/error.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace doorstep::app {

struct AppointmentDetail {
    AppointmentItem item;
    std::string customerName;
    std::string address;      // the place's address: the home address, or the note for another address
    std::string maskedPhone;  // the borrower's first number, masked ("138****5678"); "" when there is none
};

// The details of `items` the user may see (AppointmentService::appointments gives exactly those), in order.
Result<std::vector<AppointmentDetail>> appointmentDetails(Session& session, const std::vector<AppointmentItem>& items);

// Every reason moving appointment `id` to the new date and time would be refused, for the reschedule form
// (the appointment itself stands in nobody's way; AppointmentService::reschedule checks the same on saving).
Result<std::vector<BookingRefusal>> rescheduleRefusals(Session& session, std::int64_t id, Date date, ClockTime start,
                                                       int durationMinutes);

// How late the pair may arrive at an appointment and still keep it (the window of a day-plan stop).
inline constexpr int kArrivalToleranceMinutes = 15;

struct DayPlanStopView {
    AppointmentDetail detail;
    PlannedVisit visit;  // arrival, start and end in minutes since midnight
    GeoPoint point;
};

struct OfficerDayPlan {
    Date date{};
    std::string officer;                      // the user name the plan is for
    std::vector<std::string> staff;           // everyone visiting with them that day, the officer first
    std::vector<DayPlanStopView> stops;       // in the order to make them
    std::vector<AppointmentDetail> unplaced;  // visits without a location: listed, not placed on the route
    DayPlan plan;
};

// The open or done visits (proposed, confirmed, done, not at home) of `officer` on `date`, ordered by the day
// planner. The branch has no coordinates of its own yet, so the plan sets out from the day's first agreed visit
// at its time. Officers plan only their own day.
Result<OfficerDayPlan> officerDayPlan(Session& session, const std::string& officer, Date date);

}  // namespace doorstep::app
