#include "domain/appointments/booking_checks.h"

#include <algorithm>

namespace doorstep {
namespace {

std::string clock(int minutes)
{
    return formatClockTime(ClockTime{minutes});
}

void refuse(std::vector<BookingRefusal>& out, BookingProblem problem, std::unexpected<Error> error)
{
    out.push_back(BookingRefusal{problem, std::move(error).error()});
}

bool sameRecord(const Appointment& a, const Appointment& b)
{
    return !a.id.empty() && a.id == b.id;
}

}  // namespace

Result<BookingSettings> checkBookingSettings(const BookingSettings& s)
{
    const DailyWindow& w = s.workingHours;
    if (!w.from.valid() || !w.to.valid() || !(w.from < w.to)) {
        return fail(ErrorCode::InvalidInput, MessageId{"booking.setting_working_hours"});
    }
    if (!s.quietHours.from.valid() || !s.quietHours.to.valid()) {
        return fail(ErrorCode::InvalidInput, MessageId{"contact_rule.setting_quiet_hours"});
    }
    if (s.dailyVisitCapacity < 1) return fail(ErrorCode::InvalidInput, MessageId{"booking.setting_capacity"});
    auto travel = checkTravelSettings(s.travel);
    if (!travel) return std::unexpected(travel.error());
    return s;
}

std::vector<BookingRefusal> bookingRefusals(const Appointment& p, std::span<const Appointment> others,
                                            const BookingSettings& settings)
{
    std::vector<BookingRefusal> out;
    if (auto valid = validateAppointment(p); !valid) {
        out.push_back(BookingRefusal{BookingProblem::Invalid, valid.error()});
        return out;
    }
    const int start = p.start.minutes;
    const int end = p.endMinutes();

    const DailyWindow& work = settings.workingHours;
    if (start < work.from.minutes || end > work.to.minutes) {
        refuse(out, BookingProblem::OutsideWorkingHours,
               fail(ErrorCode::InvalidInput, MessageId{"booking.outside_working_hours"},
                    {MessageArg::text("start", clock(start)), MessageArg::text("end", clock(end)),
                     MessageArg::text("from", formatClockTime(work.from)),
                     MessageArg::text("to", formatClockTime(work.to))}));
    }
    if (settings.quietHours.overlaps(p.start, p.durationMinutes)) {
        refuse(out, BookingProblem::QuietHours,
               fail(ErrorCode::InvalidInput, MessageId{"booking.quiet_hours"},
                    {MessageArg::text("start", clock(start)), MessageArg::text("end", clock(end)),
                     MessageArg::text("from", formatClockTime(settings.quietHours.from)),
                     MessageArg::text("to", formatClockTime(settings.quietHours.to))}));
    }
    if (!p.location) {
        refuse(out, BookingProblem::NoLocation, fail(ErrorCode::InvalidInput, MessageId{"booking.no_location"}));
    }

    // Each staff member once, in the order given.
    std::vector<std::string> staff;
    for (const std::string& s : p.staff) {
        if (!s.empty() && std::find(staff.begin(), staff.end(), s) == staff.end()) staff.push_back(s);
    }

    std::vector<BookingRefusal> busy, fromPrevious, toNext, capacity;
    for (const std::string& user : staff) {
        std::vector<const Appointment*> theirs;
        for (const Appointment& o : others) {
            if (o.date == p.date && occupiesStaff(o.state) && o.hasStaff(user) && !sameRecord(o, p))
                theirs.push_back(&o);
        }
        std::sort(theirs.begin(), theirs.end(),
                  [](const Appointment* a, const Appointment* b) { return a->start < b->start; });

        bool overlaps = false;
        const Appointment* previous = nullptr;
        const Appointment* next = nullptr;
        for (const Appointment* o : theirs) {
            if (o->start.minutes < end && start < o->endMinutes()) {
                overlaps = true;
                refuse(busy, BookingProblem::StaffBusy,
                       fail(ErrorCode::Conflict, MessageId{"booking.staff_busy"},
                            {MessageArg::text("user", user), MessageArg::text("start", clock(o->start.minutes)),
                             MessageArg::text("end", clock(o->endMinutes()))}));
            } else if (o->endMinutes() <= start) {
                previous = o;  // sorted by start: the last one before is the latest
            } else if (!next) {
                next = o;
            }
        }

        // Travel is judged only between visits that do not clash, and only where both places are known.
        if (!overlaps && p.location) {
            if (previous && previous->location) {
                const int travel = travelMinutes(*previous->location, *p.location, settings.travel);
                const int available = start - previous->endMinutes();
                if (available < travel) {
                    refuse(
                        fromPrevious, BookingProblem::TravelFromPrevious,
                        fail(ErrorCode::Conflict, MessageId{"booking.travel_from_previous"},
                             {MessageArg::text("user", user),
                              MessageArg::text("previous_end", clock(previous->endMinutes())),
                              MessageArg::number("travel", travel), MessageArg::number("short", travel - available)}));
                }
            }
            if (next && next->location) {
                const int travel = travelMinutes(*p.location, *next->location, settings.travel);
                const int available = next->start.minutes - end;
                if (available < travel) {
                    refuse(
                        toNext, BookingProblem::TravelToNext,
                        fail(ErrorCode::Conflict, MessageId{"booking.travel_to_next"},
                             {MessageArg::text("user", user),
                              MessageArg::text("next_start", formatClockTime(next->start)),
                              MessageArg::number("travel", travel), MessageArg::number("short", travel - available)}));
                }
            }
        }

        const auto count = static_cast<int>(theirs.size());
        if (count + 1 > settings.dailyVisitCapacity) {
            refuse(capacity, BookingProblem::OverCapacity,
                   fail(ErrorCode::Conflict, MessageId{"booking.over_capacity"},
                        {MessageArg::text("user", user), MessageArg::number("count", count),
                         MessageArg::number("capacity", settings.dailyVisitCapacity)}));
        }
    }
    for (auto* group : {&busy, &fromPrevious, &toNext, &capacity})
        out.insert(out.end(), group->begin(), group->end());
    return out;
}

Result<void> checkBooking(const Appointment& proposed, std::span<const Appointment> others,
                          const BookingSettings& settings)
{
    const std::vector<BookingRefusal> refusals = bookingRefusals(proposed, others, settings);
    if (!refusals.empty()) return std::unexpected(refusals.front().error);
    return {};
}

}  // namespace doorstep
