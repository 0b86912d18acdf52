#pragma once
// An appointment for a home visit (issue 10; DOMAIN.md sections 1 and 5) and its workflow, a typed state
// machine in the pattern of workflow.h:
//
//   proposed ──confirm──► confirmed ──mark done──► done
//      │                     ├──────mark not home──► not home
//      ├──reschedule──►      ├──reschedule──► rescheduled   (a new proposed appointment takes its place)
//      └──cancel──────►      └──cancel──────► cancelled
//
// Who may make each move: the visiting staff own the appointment (Party::Owner); a supervisor may confirm,
// reschedule and cancel any appointment but marks one done or not home only as one of its visiting staff,
// because only those who were at the door can say what happened there. An administrator makes no move
// (administrators keep users and settings, not cases), nor does Doorstep itself.
#include "domain/appointments/travel.h"
#include "domain/shared/calendar.h"
#include "domain/shared/clock_time.h"
#include "domain/shared/code_table.h"
#include "domain/shared/workflow.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace doorstep {

enum class AppointmentState { Proposed, Confirmed, Done, NotHome, Rescheduled, Cancelled };
enum class AppointmentMove {
    Confirm,      // proposed → confirmed: the customer agreed the time
    MarkDone,     // confirmed → done: the visit took place (feeds screening's "visited recently")
    MarkNotHome,  // confirmed → not home: nobody was there (counts as a failed contact)
    Reschedule,   // proposed or confirmed → rescheduled, with a new proposed appointment
    Cancel,       // proposed or confirmed → cancelled, with a reason
};
enum class PlaceKind { Home, Workplace, Other };

inline constexpr CodeTable<AppointmentState, 6> kAppointmentStateCodes{{
    {AppointmentState::Proposed, "proposed"},
    {AppointmentState::Confirmed, "confirmed"},
    {AppointmentState::Done, "done"},
    {AppointmentState::NotHome, "not_home"},
    {AppointmentState::Rescheduled, "rescheduled"},
    {AppointmentState::Cancelled, "cancelled"},
}};

inline constexpr CodeTable<PlaceKind, 3> kPlaceKindCodes{{
    {PlaceKind::Home, "home"},
    {PlaceKind::Workplace, "workplace"},
    {PlaceKind::Other, "other"},
}};

struct Appointment {
    std::string id;      // the store's id; empty before it is saved
    std::string caseId;  // the borrower's customer number the visit is about
    Date date{};         // local, Asia/Shanghai
    ClockTime start;     //
    int durationMinutes = 45;
    PlaceKind place = PlaceKind::Home;
    std::optional<GeoPoint> location;  // the place's coordinates, or its district's centre (travel.h)
    std::vector<std::string> staff;    // user names; the visiting rule wants at least two distinct ones
    AppointmentState state = AppointmentState::Proposed;
    std::string agreedContactId;  // the contact in which the customer agreed, when there was one
    std::string cancelReason;     // set by cancelAppointment

    int endMinutes() const { return start.minutes + durationMinutes; }
    LocalDateTime startsAt() const { return LocalDateTime{date, start}; }
    bool hasStaff(std::string_view userName) const;
};

// Whether the appointment still holds its staff's time: proposed and confirmed ones ahead, done and not-home
// ones that took place. Rescheduled and cancelled ones free it.
constexpr bool occupiesStaff(AppointmentState state)
{
    return state != AppointmentState::Rescheduled && state != AppointmentState::Cancelled;
}
// Proposed or confirmed: still to happen (screening's "open appointment" exclusion reads confirmed ones).
constexpr bool isOpen(AppointmentState state)
{
    return state == AppointmentState::Proposed || state == AppointmentState::Confirmed;
}

// The appointment as a record, or InvalidInput naming what is wrong: fewer than two distinct staff (the
// visiting rule, DOMAIN.md 5), a duration outside 1 … 480 minutes, a start that is not a time of day, or a
// visit running past midnight.
Result<Appointment> validateAppointment(const Appointment& appointment);

// The actor for `userName` with `role`: an owner when they are one of the visiting staff.
Actor appointmentActor(const Appointment& appointment, std::string_view userName, Role role);

std::span<const Transition<AppointmentState, AppointmentMove>> appointmentTransitions();
Result<AppointmentState> moveAppointment(AppointmentState from, AppointmentMove move, const Actor& actor);
bool canMoveAppointment(AppointmentState from, AppointmentMove move, const Actor& actor);
std::vector<AppointmentMove> allowedAppointmentMoves(AppointmentState from, const Actor& actor);

// One function per move, taking the record and returning the new one or an Error saying why not.
Result<Appointment> confirmAppointment(const Appointment& appointment, const Actor& actor);
// Done and not home only once the visit's start time has come (`now`, local).
Result<Appointment> markAppointmentDone(const Appointment& appointment, const Actor& actor, LocalDateTime now);
Result<Appointment> markAppointmentNotHome(const Appointment& appointment, const Actor& actor, LocalDateTime now);
// A cancellation keeps its reason for the audit trail; an empty reason is refused.
Result<Appointment> cancelAppointment(const Appointment& appointment, const Actor& actor, std::string_view reason);

// The old appointment, now rescheduled, and the new one: the same case, place and staff at the new date and
// time, proposed again (the customer confirms the new time), without an id until it is saved.
struct Rescheduled {
    Appointment old;
    Appointment replacement;
};
Result<Rescheduled> rescheduleAppointment(const Appointment& appointment, const Actor& actor, Date date,
                                          ClockTime start, int durationMinutes);

MessageId appointmentStateName(AppointmentState state);
MessageId appointmentMoveName(AppointmentMove move);
MessageId placeKindName(PlaceKind kind);

}  // namespace doorstep
