#pragma once
// Appointments for home visits (issue 10): booking through the domain's booking checks against both staff
// members' day, and the moves of the domain's workflow (confirm, reschedule, cancel, mark done, mark not
// home), each checked for the user's part and the state, stored, audited. Officers see the appointments they
// visit on; supervisors see all. A visit marked done is logged as a visit that reached the borrower (screening's
// "visited recently"); not at home as a visit that reached nobody (a failed contact). A confirmed appointment
// keeps its case out of the visit queue at the next screening run (the "open appointment" exclusion).
#include "app/users/session.h"
#include "domain/appointments/appointment.h"
#include "domain/appointments/booking_checks.h"
#include "domain/messages/error.h"
#include "storage/appointments/appointment_repository.h"

#include <cstdint>
#include <string>
#include <vector>

namespace doorstep::app {

using AppointmentItem = storage::AppointmentRow;

struct BookingRequest {
    std::int64_t borrowerRowId = 0;
    Date date{};
    ClockTime start;
    int durationMinutes = 45;
    PlaceKind place = PlaceKind::Home;
    std::string placeNote;             // the address of another place
    std::vector<std::string> staff;    // two user names; an officer is one of them
    std::int64_t agreedContactId = 0;  // the contact in which the customer agreed, when logged
    bool confirmed = false;            // the customer already agreed the time: book and confirm in one step
};

class AppointmentService final {
public:
    explicit AppointmentService(Session& session) : m_session(session) {}

    // Every reason the booking would be refused, for the form (empty when it may be made).
    Result<std::vector<BookingRefusal>> refusals(const BookingRequest& request) const;
    Result<AppointmentItem> book(const BookingRequest& request);
    Result<AppointmentItem> confirm(std::int64_t id);
    Result<AppointmentItem> markDone(std::int64_t id);
    Result<AppointmentItem> markNotHome(std::int64_t id);
    Result<AppointmentItem> cancel(std::int64_t id, const std::string& reason);
    // The replacement, proposed at the new time after passing the booking checks.
    Result<AppointmentItem> reschedule(std::int64_t id, Date date, ClockTime start, int durationMinutes);

    // From `from` to `to`, both included: an officer's own; a supervisor's all, or one person's (`staff`).
    Result<std::vector<AppointmentItem>> appointments(Date from, Date to, const std::string& staff = {}) const;
    Result<AppointmentItem> appointment(std::int64_t id) const;
    // The moves the current user may make, for the buttons.
    std::vector<AppointmentMove> allowedMoves(const AppointmentItem& item) const;
    // Active officers and supervisors, by user name: who may visit.
    Result<std::vector<std::string>> visitingStaff() const;

private:
    Result<AppointmentItem> move(std::int64_t id, AppointmentMove move, const std::string& reason);
    Session& m_session;
};

}  // namespace doorstep::app
