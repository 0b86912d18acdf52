#include "app/appointments/appointment_details.h"

#include "app/appointments/appointment_settings.h"
#include "domain/shared/masking.h"
#include "storage/appointments/appointment_repository.h"

#include <algorithm>
#include <map>

namespace doorstep::app {
namespace {

bool visibleTo(const Session& session, const AppointmentItem& item)
{
    return session.can(Permission::ViewAllCases) || item.appointment.hasStaff(session.user().username);
}

}  // namespace

Result<std::vector<AppointmentDetail>> appointmentDetails(Session& session, const std::vector<AppointmentItem>& items)
{
    if (auto r = session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const storage::AppointmentRepository repo(session.database().connection());
    std::map<std::int64_t, std::optional<storage::CaseInfo>> cases;  // one read per customer
    std::vector<AppointmentDetail> out;
    out.reserve(items.size());
    for (const AppointmentItem& item : items) {
        if (!visibleTo(session, item)) continue;
        auto [it, inserted] = cases.try_emplace(item.borrowerRowId);
        if (inserted) it->second = repo.caseInfo(item.borrowerRowId);
        AppointmentDetail d;
        d.item = item;
        if (const auto& info = it->second) {
            d.customerName = info->name;
            for (const storage::CaseNumber& n : info->numbers) {
                if (n.relation.empty()) {
                    d.maskedPhone = maskPhone(n.phone);
                    break;
                }
            }
            d.address = item.appointment.place == PlaceKind::Other  ? item.placeNote
                        : item.appointment.place == PlaceKind::Home ? info->address
                                                                    : std::string();
        }
        out.push_back(std::move(d));
    }
    return out;
}

Result<std::vector<BookingRefusal>> rescheduleRefusals(Session& session, std::int64_t id, Date date, ClockTime start,
                                                       int durationMinutes)
{
    auto item = AppointmentService(session).appointment(id);  // the role check and visibility
    if (!item) return std::unexpected(item.error());
    const Actor actor = appointmentActor(item->appointment, session.user().username, session.user().role);
    auto moved = rescheduleAppointment(item->appointment, actor, date, start, durationMinutes);
    if (!moved) return std::unexpected(moved.error());
    const auto& db = session.database().connection();
    std::vector<Appointment> others;
    for (const storage::AppointmentRow& r : storage::AppointmentRepository(db).between(date, date, {})) {
        if (r.id != id) others.push_back(r.appointment);
    }
    return bookingRefusals(moved->replacement, others, loadAppointmentSettings(db).booking);
}

Result<OfficerDayPlan> officerDayPlan(Session& session, const std::string& officer, Date date)
{
    if (auto r = session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    if (!session.can(Permission::ViewAllCases) && officer != session.user().username)
        return fail(ErrorCode::PermissionDenied, MessageId{"day_sheet.not_your_day"});
    auto items = AppointmentService(session).appointments(date, date, officer);
    if (!items) return std::unexpected(items.error());
    std::erase_if(*items, [&](const AppointmentItem& i) {
        return !occupiesStaff(i.appointment.state) || !i.appointment.hasStaff(officer);
    });
    auto details = appointmentDetails(session, *items);
    if (!details) return std::unexpected(details.error());

    OfficerDayPlan out;
    out.date = date;
    out.officer = officer;
    out.staff.push_back(officer);
    DayPlanInput input;
    input.travel = loadAppointmentSettings(session.database().connection()).booking.travel;
    std::vector<AppointmentDetail> placed;
    for (AppointmentDetail& d : *details) {
        for (const std::string& s : d.item.appointment.staff) {
            if (std::ranges::find(out.staff, s) == out.staff.end()) out.staff.push_back(s);
        }
        if (auto stop = dayPlanStop(d.item.appointment, kArrivalToleranceMinutes)) {
            input.stops.push_back(*stop);
            placed.push_back(std::move(d));
        } else {
            out.unplaced.push_back(std::move(d));
        }
    }
    if (input.stops.empty()) return out;
    // Set out from the first agreed visit, at its time: travel is counted between visits only.
    const auto first = std::ranges::min_element(input.stops, {}, &DayPlanStop::windowOpens);
    input.start = first->point;
    input.departure = first->windowOpens;
    out.plan = planDay(input);
    for (const PlannedVisit& v : out.plan.visits)
        out.stops.push_back(DayPlanStopView{placed[v.stop], v, input.stops[v.stop].point});
    return out;
}

}  // namespace doorstep::app
