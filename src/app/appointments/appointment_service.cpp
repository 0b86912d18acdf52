#include "app/appointments/appointment_service.h"

#include "app/appointments/appointment_settings.h"
#include "app/contacts/contact_service.h"
#include "app/shared/use_case.h"
#include "storage/contacts/contact_log_repository.h"
#include "storage/users/user_repository.h"

#include <algorithm>
#include <string>

namespace doorstep::app {
namespace {

bool canVisit(const User& u)
{
    return !u.disabled && (u.role == Role::Officer || u.role == Role::Supervisor);
}

std::vector<Appointment> domainOf(const std::vector<storage::AppointmentRow>& rows, std::int64_t skipId = 0)
{
    std::vector<Appointment> out;
    for (const auto& r : rows) {
        if (r.id != skipId) out.push_back(r.appointment);
    }
    return out;
}

std::string_view moveCode(AppointmentMove move)
{
    switch (move) {
    case AppointmentMove::Confirm: return "appointment.confirm";
    case AppointmentMove::MarkDone: return "appointment.done";
    case AppointmentMove::MarkNotHome: return "appointment.not_home";
    case AppointmentMove::Reschedule: return "appointment.reschedule";
    case AppointmentMove::Cancel: return "appointment.cancel";
    }
    return "appointment.move";
}

bool visibleTo(const Session& session, const storage::AppointmentRow& row)
{
    return session.can(Permission::ViewAllCases) || row.appointment.hasStaff(session.user().username);
}

// The appointment as the domain sees it, every check applied, before it is stored.
Result<storage::AppointmentRow> prepareBooking(Session& session, const BookingRequest& request, bool checkSlot)
{
    const auto& db = session.database().connection();
    std::vector<std::string> staff;
    for (const std::string& s : request.staff) {
        if (!s.empty() && std::ranges::find(staff, s) == staff.end()) staff.push_back(s);
    }
    if (staff.size() != 2 && request.staff.size() != 2)
        return fail(ErrorCode::InvalidInput, MessageId{"appointment.staff_count"},
                    {MessageArg::number("count", static_cast<std::int64_t>(request.staff.size()))});
    const storage::UserRepository users(db);
    for (const std::string& s : staff) {
        const auto u = users.findByName(s);
        if (!u || !canVisit(*u))
            return fail(ErrorCode::InvalidInput, MessageId{"appointment.staff_unknown"}, {MessageArg::text("user", s)});
    }
    const User& me = session.user();
    if (me.role == Role::Officer && std::ranges::find(staff, me.username) == staff.end())
        return fail(ErrorCode::PermissionDenied, MessageId{"appointment.officer_not_staff"});

    const storage::AppointmentRepository repo(db);
    const auto info = repo.caseInfo(request.borrowerRowId);
    if (!info) return fail(ErrorCode::NotFound, MessageId{"contact.case_not_found"});
    if (!ownsCase(session, *info)) return fail(ErrorCode::PermissionDenied, MessageId{"contact.not_your_case"});
    if (request.place == PlaceKind::Other && request.placeNote.find_first_not_of(" \t") == std::string::npos)
        return fail(ErrorCode::InvalidInput, MessageId{"appointment.place_note_missing"});
    if (request.agreedContactId != 0 &&
        storage::ContactLogRepository(db).borrowerOf(request.agreedContactId) != request.borrowerRowId)
        return fail(ErrorCode::InvalidInput, MessageId{"appointment.agreed_contact_unknown"});
    // One visit at a time: a second booking while one is still to happen would send two pairs of staff to the same
    // door. The open one is rescheduled instead; one left open in the past (never marked) does not block.
    const Date today = localNow(session).date;
    for (const storage::AppointmentRow& other : repo.forBorrower(request.borrowerRowId)) {
        const Appointment& o = other.appointment;
        if (isOpen(o.state) && o.date >= today)
            return fail(
                ErrorCode::Conflict, MessageId{"appointment.customer_has_open_visit"},
                {MessageArg::text("date", formatIsoDate(o.date)), MessageArg::text("time", formatClockTime(o.start))});
    }

    storage::AppointmentRow row;
    row.borrowerRowId = request.borrowerRowId;
    row.district = info->district;
    row.placeNote = request.place == PlaceKind::Other ? request.placeNote : std::string();
    row.agreedContactId = request.agreedContactId;
    Appointment& a = row.appointment;
    a.caseId = info->bankId;
    a.date = request.date;
    a.start = request.start;
    a.durationMinutes = request.durationMinutes;
    a.place = request.place;
    // Travel is estimated from the home's coordinates; a workplace or another address, and a home without
    // coordinates, are placed at the district's centre.
    const auto centre = repo.districtCentre(info->district);
    a.location = visitPoint(request.place == PlaceKind::Home ? info->home : std::nullopt, centre);
    a.staff = staff;
    if (request.agreedContactId != 0) a.agreedContactId = std::to_string(request.agreedContactId);
    if (auto valid = validateAppointment(a); !valid) return std::unexpected(valid.error());

    if (checkSlot) {
        const LocalDateTime now = localNow(session);
        if (a.startsAt() < now)
            return fail(
                ErrorCode::InvalidInput, MessageId{"appointment.in_past"},
                {MessageArg::text("date", formatIsoDate(a.date)), MessageArg::text("time", formatClockTime(a.start))});
        const auto others = domainOf(repo.between(a.date, a.date, {}));
        if (auto ok = checkBooking(a, others, loadAppointmentSettings(db).booking); !ok)
            return std::unexpected(ok.error());
    }
    return row;
}

// A done or not-home visit in the contact log, as a visit attempt at the appointment's start.
void logVisit(const storage::Connection& db, const storage::AppointmentRow& row, bool reachedBorrower,
              const Session& session)
{
    storage::ContactRow c;
    c.borrowerRowId = row.borrowerRowId;
    c.date = row.appointment.date;
    c.minuteOfDay = row.appointment.start.minutes;
    c.channel = ContactChannel::Visit;
    c.reached = reachedBorrower ? ContactParty::Borrower : ContactParty::None;
    c.outcome = reachedBorrower ? ContactOutcome::Reached : ContactOutcome::NoAnswer;
    c.who = ContactParty::Borrower;
    c.result = reachedBorrower ? ContactResult::Reached : ContactResult::NoAnswer;
    c.appointmentId = row.id;
    c.loggedBy = session.user().username;
    c.loggedAt = session.now();
    storage::ContactLogRepository log(db);
    if (!log.sameMinuteExists(c)) log.add(c);
}

}  // namespace

Result<std::vector<BookingRefusal>> AppointmentService::refusals(const BookingRequest& request) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    auto row = prepareBooking(m_session, request, false);
    if (!row) return std::unexpected(row.error());
    const auto& db = m_session.database().connection();
    const storage::AppointmentRepository repo(db);
    const Appointment& a = row->appointment;
    return bookingRefusals(a, domainOf(repo.between(a.date, a.date, {})), loadAppointmentSettings(db).booking);
}

Result<AppointmentItem> AppointmentService::book(const BookingRequest& request)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<AppointmentItem> {
        auto row = prepareBooking(m_session, request, true);
        if (!row) return row;
        if (request.confirmed) {
            const Actor actor = appointmentActor(row->appointment, m_session.user().username, m_session.user().role);
            auto confirmed = confirmAppointment(row->appointment, actor);
            if (!confirmed) return std::unexpected(confirmed.error());
            row->appointment = *confirmed;
        }
        row->createdBy = row->updatedBy = m_session.user().username;
        row->createdAt = row->updatedAt = m_session.now();
        storage::AppointmentRepository repo(uc.db());
        row->id = repo.add(*row);
        row->appointment.id = std::to_string(row->id);
        uc.audit("appointment.book", "appointment", row->appointment.id);
        if (request.confirmed) uc.audit("appointment.confirm", "appointment", row->appointment.id);
        uc.changed({Change::What::Appointments});
        uc.changed({Change::What::Case, row->borrowerRowId});
        return *row;
    });
}

Result<AppointmentItem> AppointmentService::move(std::int64_t id, AppointmentMove move, const std::string& reason)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<AppointmentItem> {
        storage::AppointmentRepository repo(uc.db());
        auto row = repo.find(id);
        if (!row || !visibleTo(m_session, *row)) return fail(ErrorCode::NotFound, MessageId{"appointment.not_found"});
        const Actor actor = appointmentActor(row->appointment, m_session.user().username, m_session.user().role);
        const LocalDateTime now = localNow(m_session);
        Result<Appointment> moved = [&]() -> Result<Appointment> {
            switch (move) {
            case AppointmentMove::Confirm: return confirmAppointment(row->appointment, actor);
            case AppointmentMove::MarkDone: return markAppointmentDone(row->appointment, actor, now);
            case AppointmentMove::MarkNotHome: return markAppointmentNotHome(row->appointment, actor, now);
            case AppointmentMove::Cancel: return cancelAppointment(row->appointment, actor, reason);
            case AppointmentMove::Reschedule: break;
            }
            return fail(ErrorCode::Internal, MessageId{"appointment.move_elsewhere"});
        }();
        if (!moved) return std::unexpected(moved.error());
        row->appointment = *moved;
        row->updatedBy = m_session.user().username;
        row->updatedAt = m_session.now();
        repo.update(*row);
        if (move == AppointmentMove::MarkDone) logVisit(uc.db(), *row, true, m_session);
        if (move == AppointmentMove::MarkNotHome) logVisit(uc.db(), *row, false, m_session);
        uc.audit(moveCode(move), "appointment", row->appointment.id);
        uc.changed({Change::What::Appointments});
        uc.changed({Change::What::Case, row->borrowerRowId});
        return *row;
    });
}

Result<AppointmentItem> AppointmentService::confirm(std::int64_t id)
{
    return move(id, AppointmentMove::Confirm, {});
}
Result<AppointmentItem> AppointmentService::markDone(std::int64_t id)
{
    return move(id, AppointmentMove::MarkDone, {});
}
Result<AppointmentItem> AppointmentService::markNotHome(std::int64_t id)
{
    return move(id, AppointmentMove::MarkNotHome, {});
}
Result<AppointmentItem> AppointmentService::cancel(std::int64_t id, const std::string& reason)
{
    return move(id, AppointmentMove::Cancel, reason);
}

Result<AppointmentItem> AppointmentService::reschedule(std::int64_t id, Date date, ClockTime start, int durationMinutes)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<AppointmentItem> {
        storage::AppointmentRepository repo(uc.db());
        auto row = repo.find(id);
        if (!row || !visibleTo(m_session, *row)) return fail(ErrorCode::NotFound, MessageId{"appointment.not_found"});
        const Actor actor = appointmentActor(row->appointment, m_session.user().username, m_session.user().role);
        auto moved = rescheduleAppointment(row->appointment, actor, date, start, durationMinutes);
        if (!moved) return std::unexpected(moved.error());
        if (moved->replacement.startsAt() < localNow(m_session))
            return fail(
                ErrorCode::InvalidInput, MessageId{"appointment.in_past"},
                {MessageArg::text("date", formatIsoDate(date)), MessageArg::text("time", formatClockTime(start))});
        const auto others = domainOf(repo.between(date, date, {}), id);
        if (auto ok = checkBooking(moved->replacement, others, loadAppointmentSettings(uc.db()).booking); !ok)
            return std::unexpected(ok.error());
        row->appointment = moved->old;
        row->updatedBy = m_session.user().username;
        row->updatedAt = m_session.now();
        repo.update(*row);
        storage::AppointmentRow next = *row;
        next.appointment = moved->replacement;
        next.replacesId = id;
        next.createdBy = next.updatedBy = m_session.user().username;
        next.createdAt = next.updatedAt = m_session.now();
        next.id = repo.add(next);
        next.appointment.id = std::to_string(next.id);
        uc.audit("appointment.reschedule", "appointment", row->appointment.id);
        uc.audit("appointment.book", "appointment", next.appointment.id);
        uc.changed({Change::What::Appointments});
        uc.changed({Change::What::Case, row->borrowerRowId});
        return next;
    });
}

Result<std::vector<AppointmentItem>> AppointmentService::appointments(Date from, Date to,
                                                                      const std::string& staff) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const std::string who = m_session.can(Permission::ViewAllCases) ? staff : m_session.user().username;
    return storage::AppointmentRepository(m_session.database().connection()).between(from, to, who);
}

Result<AppointmentItem> AppointmentService::appointment(std::int64_t id) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    auto row = storage::AppointmentRepository(m_session.database().connection()).find(id);
    if (!row || !visibleTo(m_session, *row)) return fail(ErrorCode::NotFound, MessageId{"appointment.not_found"});
    return *row;
}

std::vector<AppointmentMove> AppointmentService::allowedMoves(const AppointmentItem& item) const
{
    if (!m_session.can(Permission::WorkCases)) return {};
    return allowedAppointmentMoves(
        item.appointment.state, appointmentActor(item.appointment, m_session.user().username, m_session.user().role));
}

Result<std::vector<std::string>> AppointmentService::visitingStaff() const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    std::vector<std::string> out;
    for (const User& u : storage::UserRepository(m_session.database().connection()).list()) {
        if (canVisit(u)) out.push_back(u.username);
    }
    return out;
}

}  // namespace doorstep::app
