#include "domain/appointments/appointment.h"

#include <algorithm>
#include <array>

namespace doorstep {
namespace {

constexpr Party kWorker = Party::Owner | Party::Supervisor;

constexpr std::array<Transition<AppointmentState, AppointmentMove>, 7> kTransitions{{
    {AppointmentState::Proposed, AppointmentMove::Confirm, AppointmentState::Confirmed, kWorker},
    {AppointmentState::Proposed, AppointmentMove::Reschedule, AppointmentState::Rescheduled, kWorker},
    {AppointmentState::Proposed, AppointmentMove::Cancel, AppointmentState::Cancelled, kWorker},
    // Only the visiting staff say what happened at the door.
    {AppointmentState::Confirmed, AppointmentMove::MarkDone, AppointmentState::Done, Party::Owner},
    {AppointmentState::Confirmed, AppointmentMove::MarkNotHome, AppointmentState::NotHome, Party::Owner},
    {AppointmentState::Confirmed, AppointmentMove::Reschedule, AppointmentState::Rescheduled, kWorker},
    {AppointmentState::Confirmed, AppointmentMove::Cancel, AppointmentState::Cancelled, kWorker},
    // Done, not home, rescheduled and cancelled are final: a new visit is a new appointment.
}};

constexpr WorkflowWords<AppointmentState, AppointmentMove> kWords{MessageId{"appointment.record"}, appointmentStateName,
                                                                  appointmentMoveName};

std::string trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
        text.remove_suffix(1);
    return std::string(text);
}

Result<Appointment> moved(const Appointment& a, AppointmentMove move, const Actor& actor)
{
    auto to = moveAppointment(a.state, move, actor);
    if (!to) return std::unexpected(to.error());
    Appointment next = a;
    next.state = *to;
    return next;
}

Result<Appointment> markVisit(const Appointment& a, AppointmentMove move, const Actor& actor, LocalDateTime now)
{
    auto next = moved(a, move, actor);
    if (!next) return next;
    if (now < a.startsAt()) {
        return fail(ErrorCode::Conflict, MessageId{"appointment.not_yet"},
                    {MessageArg::ref("move", appointmentMoveName(move)),
                     MessageArg::text("date", formatIsoDate(a.date)),
                     MessageArg::text("time", formatClockTime(a.start))});
    }
    return next;
}

}  // namespace

bool Appointment::hasStaff(std::string_view userName) const
{
    return std::find(staff.begin(), staff.end(), userName) != staff.end();
}

Result<Appointment> validateAppointment(const Appointment& a)
{
    std::vector<std::string> distinct;
    for (const std::string& s : a.staff) {
        const std::string name = trimmed(s);
        if (!name.empty() && std::find(distinct.begin(), distinct.end(), name) == distinct.end())
            distinct.push_back(name);
    }
    if (distinct.size() < 2) {
        return fail(ErrorCode::InvalidInput, MessageId{"appointment.two_staff"},
                    {MessageArg::number("count", static_cast<std::int64_t>(distinct.size()))});
    }
    if (!a.start.valid()) return fail(ErrorCode::InvalidInput, MessageId{"appointment.start_invalid"});
    if (a.durationMinutes < 1 || a.durationMinutes > 480) {
        return fail(ErrorCode::InvalidInput, MessageId{"appointment.duration_out_of_range"},
                    {MessageArg::number("max", 480)});
    }
    if (a.endMinutes() > 24 * 60) return fail(ErrorCode::InvalidInput, MessageId{"appointment.past_midnight"});
    return a;
}

Actor appointmentActor(const Appointment& a, std::string_view userName, Role role)
{
    return Actor::person(role, a.hasStaff(userName));
}

std::span<const Transition<AppointmentState, AppointmentMove>> appointmentTransitions()
{
    return kTransitions;
}

Result<AppointmentState> moveAppointment(AppointmentState from, AppointmentMove move, const Actor& actor)
{
    return applyMove(appointmentTransitions(), kWords, from, move, actor);
}

bool canMoveAppointment(AppointmentState from, AppointmentMove move, const Actor& actor)
{
    return canMove(appointmentTransitions(), from, move, actor);
}

std::vector<AppointmentMove> allowedAppointmentMoves(AppointmentState from, const Actor& actor)
{
    return allowedMoves(appointmentTransitions(), from, actor);
}

Result<Appointment> confirmAppointment(const Appointment& a, const Actor& actor)
{
    return moved(a, AppointmentMove::Confirm, actor);
}

Result<Appointment> markAppointmentDone(const Appointment& a, const Actor& actor, LocalDateTime now)
{
    return markVisit(a, AppointmentMove::MarkDone, actor, now);
}

Result<Appointment> markAppointmentNotHome(const Appointment& a, const Actor& actor, LocalDateTime now)
{
    return markVisit(a, AppointmentMove::MarkNotHome, actor, now);
}

Result<Appointment> cancelAppointment(const Appointment& a, const Actor& actor, std::string_view reason)
{
    auto next = moved(a, AppointmentMove::Cancel, actor);
    if (!next) return next;
    next->cancelReason = trimmed(reason);
    if (next->cancelReason.empty()) return fail(ErrorCode::InvalidInput, MessageId{"appointment.cancel_reason"});
    return next;
}

Result<Rescheduled> rescheduleAppointment(const Appointment& a, const Actor& actor, Date date, ClockTime start,
                                          int durationMinutes)
{
    auto old = moved(a, AppointmentMove::Reschedule, actor);
    if (!old) return std::unexpected(old.error());
    Appointment replacement = a;
    replacement.id.clear();
    replacement.date = date;
    replacement.start = start;
    replacement.durationMinutes = durationMinutes;
    replacement.state = AppointmentState::Proposed;
    replacement.agreedContactId.clear();
    replacement.cancelReason.clear();
    auto valid = validateAppointment(replacement);
    if (!valid) return std::unexpected(valid.error());
    if (date == a.date && start == a.start && durationMinutes == a.durationMinutes) {
        return fail(ErrorCode::InvalidInput, MessageId{"appointment.same_time"});
    }
    return Rescheduled{*old, *valid};
}

MessageId appointmentStateName(AppointmentState state)
{
    switch (state) {
    case AppointmentState::Proposed: return MessageId{"appointment.state.proposed"};
    case AppointmentState::Confirmed: return MessageId{"appointment.state.confirmed"};
    case AppointmentState::Done: return MessageId{"appointment.state.done"};
    case AppointmentState::NotHome: return MessageId{"appointment.state.not_home"};
    case AppointmentState::Rescheduled: return MessageId{"appointment.state.rescheduled"};
    case AppointmentState::Cancelled: return MessageId{"appointment.state.cancelled"};
    }
    return MessageId{"appointment.state.proposed"};
}

MessageId appointmentMoveName(AppointmentMove move)
{
    switch (move) {
    case AppointmentMove::Confirm: return MessageId{"appointment.move.confirm"};
    case AppointmentMove::MarkDone: return MessageId{"appointment.move.mark_done"};
    case AppointmentMove::MarkNotHome: return MessageId{"appointment.move.mark_not_home"};
    case AppointmentMove::Reschedule: return MessageId{"appointment.move.reschedule"};
    case AppointmentMove::Cancel: return MessageId{"appointment.move.cancel"};
    }
    return MessageId{"appointment.move.confirm"};
}

MessageId placeKindName(PlaceKind kind)
{
    switch (kind) {
    case PlaceKind::Home: return MessageId{"appointment.place.home"};
    case PlaceKind::Workplace: return MessageId{"appointment.place.workplace"};
    case PlaceKind::Other: return MessageId{"appointment.place.other"};
    }
    return MessageId{"appointment.place.home"};
}

}  // namespace doorstep
