#include "app/appointments/calendar_export.h"

#include "app/appointments/appointment_service.h"
#include "app/shared/use_case.h"
#include "domain/messages/message.h"

#include <cstdio>
#include <fmt/core.h>

namespace doorstep::app {
namespace {

io::EventStatus statusOf(AppointmentState s)
{
    switch (s) {
    case AppointmentState::Proposed: return io::EventStatus::Tentative;
    case AppointmentState::Confirmed:
    case AppointmentState::Done:
    case AppointmentState::NotHome: return io::EventStatus::Confirmed;
    case AppointmentState::Rescheduled:
    case AppointmentState::Cancelled: return io::EventStatus::Cancelled;
    }
    return io::EventStatus::Tentative;
}

std::chrono::sys_seconds parseUtc(const std::string& text)
{
    // 2026-11-29T05:04:32Z, as formatUtc writes it; the epoch when it is not that.
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &sec) != 6) return {};
    const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!day.ok()) return {};
    return std::chrono::sys_days{day} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{sec};
}

std::string words(std::string_view id)
{
    return formatMessage(id, {}, Language::Chinese);
}

}  // namespace

Result<std::vector<io::CalendarEvent>> calendarEvents(Session& session, const std::string& officer, Date from, Date to)
{
    if (officer.empty()) return fail(ErrorCode::InvalidInput, MessageId{"calendar.officer_missing"});
    if (session.user().role == Role::Officer && officer != session.user().username)
        return fail(ErrorCode::PermissionDenied, MessageId{"calendar.not_yours"});
    auto items = AppointmentService(session).appointments(from, to, officer);
    if (!items) return std::unexpected(items.error());
    const std::string databaseId = session.database().keyring().databaseId();
    std::vector<io::CalendarEvent> events;
    for (const AppointmentItem& item : *items) {
        const Appointment& a = item.appointment;
        io::CalendarEvent e;
        e.uid = fmt::format("appointment-{}-{}@doorstep", item.id, databaseId);
        e.start = a.startsAt();
        e.durationMinutes = a.durationMinutes;
        std::string staff;
        for (const std::string& s : a.staff)
            staff += (staff.empty() ? "" : "、") + s;
        e.summary = formatMessage("calendar.summary",
                                  {MessageArg::text("case", a.caseId), MessageArg::text("district", item.district)},
                                  Language::Chinese);
        e.location = item.district;
        e.description =
            formatMessage("calendar.description",
                          {MessageArg::text("case", a.caseId), MessageArg::text("district", item.district),
                           MessageArg::text("staff", staff), MessageArg::ref("place", placeKindName(a.place)),
                           MessageArg::ref("state", appointmentStateName(a.state))},
                          Language::Chinese);
        e.categories = {words("calendar.category")};
        e.status = statusOf(a.state);
        e.stamp = parseUtc(item.updatedAt);
        events.push_back(std::move(e));
    }
    return events;
}

Result<int> exportCalendar(Session& session, const std::string& officer, Date from, Date to,
                           const std::filesystem::path& target)
{
    return runUseCase(session, Permission::WorkCases, [&](UseCase& uc) -> Result<int> {
        auto events = calendarEvents(session, officer, from, to);
        if (!events) return std::unexpected(events.error());
        const std::string name = fmt::format("{} {}", words("calendar.name"), officer);
        if (auto r = io::writeCalendarFile(target, *events, name); !r) return std::unexpected(r.error());
        uc.audit("calendar.export", "calendar", officer);
        return static_cast<int>(events->size());
    });
}

}  // namespace doorstep::app
