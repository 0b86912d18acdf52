#include "domain/appointments/booking_checks.h"

#include <catch2/catch_test_macros.hpp>

#include <vector>

using namespace doorstep;

namespace {

const Date kDay = *parseIsoDate("2026-11-30");
// 0.05° of latitude apart: 5.56 km × 1.4 at 20 km/h = 23.35 → 24 minutes.
const GeoPoint kNorth{30.30, 120.15};
const GeoPoint kSouth{30.25, 120.15};

Appointment visit(std::string id, std::vector<std::string> staff, int hour, int minute, int duration = 45,
                  GeoPoint where = kSouth)
{
    Appointment a;
    a.id = std::move(id);
    a.caseId = "C" + a.id;
    a.date = kDay;
    a.start = ClockTime::at(hour, minute);
    a.durationMinutes = duration;
    a.staff = std::move(staff);
    a.location = where;
    a.state = AppointmentState::Confirmed;
    return a;
}

std::vector<BookingProblem> problems(const Appointment& p, const std::vector<Appointment>& others,
                                     const BookingSettings& s = {})
{
    std::vector<BookingProblem> out;
    for (const BookingRefusal& r : bookingRefusals(p, others, s))
        out.push_back(r.problem);
    return out;
}

using P = std::vector<BookingProblem>;

}  // namespace

TEST_CASE("booking: a free pair inside working hours may be booked", "[booking_checks]")
{
    const Appointment p = visit("", {"liming", "zhaoli"}, 10, 0);
    CHECK(bookingRefusals(p, {}).empty());
    CHECK(checkBooking(p, {}).has_value());
}

TEST_CASE("booking: either staff member already elsewhere is a double booking", "[booking_checks]")
{
    const std::vector<Appointment> others = {visit("A1", {"zhaoli", "wangfang"}, 10, 30, 60)};
    // 10:00–10:45 overlaps 10:30–11:30 for zhaoli only.
    const Appointment p = visit("", {"liming", "zhaoli"}, 10, 0);
    const auto refusals = bookingRefusals(p, others);
    REQUIRE(refusals.size() == 1);
    CHECK(refusals[0].problem == BookingProblem::StaffBusy);
    CHECK(refusals[0].error.code == ErrorCode::Conflict);
    CHECK(errorMessage(refusals[0].error, Language::Chinese) == "zhaoli 当天 10:30 至 11:30 已有走访安排。");
    CHECK(refusals[0].error.message == "zhaoli already has a visit from 10:30 to 11:30 that day.");
    // Both busy: one refusal each.
    const std::vector<Appointment> both = {visit("A1", {"zhaoli", "wangfang"}, 10, 30, 60),
                                           visit("A2", {"liming", "sunqi"}, 9, 30, 45)};
    CHECK(problems(p, both) == P{BookingProblem::StaffBusy, BookingProblem::StaffBusy});
    // Back to back in the same place is no overlap: 10:45 start after a 10:00–10:45 visit.
    CHECK(problems(visit("", {"liming", "zhaoli"}, 10, 45), {visit("A3", {"liming", "zhaoli"}, 10, 0)}).empty());
    CHECK(problems(visit("", {"liming", "zhaoli"}, 10, 44), {visit("A3", {"liming", "zhaoli"}, 10, 0)}) ==
          P{BookingProblem::StaffBusy, BookingProblem::StaffBusy});
}

TEST_CASE("booking: cancelled, rescheduled, other days and the appointment itself are not in the way",
          "[booking_checks]")
{
    Appointment cancelled = visit("A1", {"liming", "zhaoli"}, 10, 0);
    cancelled.state = AppointmentState::Cancelled;
    Appointment rescheduled = visit("A2", {"liming", "zhaoli"}, 10, 0);
    rescheduled.state = AppointmentState::Rescheduled;
    Appointment tomorrow = visit("A3", {"liming", "zhaoli"}, 10, 0);
    tomorrow.date = addDays(kDay, 1);
    const Appointment itself = visit("A4", {"liming", "zhaoli"}, 10, 0);
    const Appointment p = visit("A4", {"liming", "zhaoli"}, 10, 15);  // A4 moved by a quarter of an hour
    CHECK(bookingRefusals(p, std::vector<Appointment>{cancelled, rescheduled, tomorrow, itself}).empty());
    // A done or not-home visit did take the time.
    Appointment done = visit("A5", {"liming", "sunqi"}, 10, 0);
    done.state = AppointmentState::NotHome;
    CHECK(problems(p, {done}) == P{BookingProblem::StaffBusy});
}

TEST_CASE("booking: travel from the previous visit — just enough, or one minute short", "[booking_checks]")
{
    const int travel = travelMinutes(kNorth, kSouth);
    REQUIRE(travel == 24);
    // The previous visit 09:00–09:45 in the north; the new one in the south.
    const std::vector<Appointment> others = {visit("A1", {"liming", "wangfang"}, 9, 0, 45, kNorth)};
    const int enough = 9 * 60 + 45 + travel;
    CHECK(bookingRefusals(visit("", {"liming", "zhaoli"}, enough / 60, enough % 60), others).empty());
    const int oneShort = enough - 1;
    const auto refusals = bookingRefusals(visit("", {"liming", "zhaoli"}, oneShort / 60, oneShort % 60), others);
    REQUIRE(refusals.size() == 1);
    CHECK(refusals[0].problem == BookingProblem::TravelFromPrevious);
    CHECK(errorMessage(refusals[0].error, Language::Chinese) ==
          "liming 上一次走访 09:45 结束，路程约需 24 分钟，时间还差 1 分钟。");
    CHECK(refusals[0].error.message ==
          "liming finishes the previous visit at 09:45 and needs about 24 minutes to get there: 1 minutes short.");
    // The nearest earlier visit is the one that counts, not an earlier one further away.
    const std::vector<Appointment> two = {visit("A0", {"liming", "wangfang"}, 8, 0, 30, kNorth),
                                          visit("A1", {"liming", "wangfang"}, 9, 0, 45, kSouth)};
    CHECK(bookingRefusals(visit("", {"liming", "zhaoli"}, 9, 45), two).empty());
}

TEST_CASE("booking: travel to the next visit — just enough, or one minute short", "[booking_checks]")
{
    const int travel = travelMinutes(kSouth, kNorth);
    // The next visit at 11:00 in the north; the new one (45 minutes) in the south.
    const std::vector<Appointment> others = {visit("A1", {"sunqi", "zhaoli"}, 11, 0, 45, kNorth)};
    const int latestStart = 11 * 60 - travel - 45;
    CHECK(bookingRefusals(visit("", {"liming", "zhaoli"}, latestStart / 60, latestStart % 60), others).empty());
    const int late = latestStart + 1;
    const auto refusals = bookingRefusals(visit("", {"liming", "zhaoli"}, late / 60, late % 60), others);
    REQUIRE(refusals.size() == 1);
    CHECK(refusals[0].problem == BookingProblem::TravelToNext);
    CHECK(errorMessage(refusals[0].error, Language::Chinese) ==
          "zhaoli 从本次走访赶往 11:00 的下一次走访约需 24 分钟，时间还差 1 分钟。");
    // Travel follows the settings: at 40 km/h the same slot is fine.
    BookingSettings fast;
    fast.travel.speedKmh = 40.0;
    CHECK(bookingRefusals(visit("", {"liming", "zhaoli"}, late / 60, late % 60), others, fast).empty());
}

TEST_CASE("booking: a place without coordinates or district centre is refused; others without one are "
          "skipped for travel",
          "[booking_checks]")
{
    Appointment p = visit("", {"liming", "zhaoli"}, 10, 0);
    p.location.reset();
    CHECK(problems(p, {}) == P{BookingProblem::NoLocation});
    Appointment unknown = visit("A1", {"liming", "wangfang"}, 9, 0, 59, kNorth);
    unknown.location.reset();
    CHECK(problems(visit("", {"liming", "zhaoli"}, 10, 0), {unknown}).empty());
}

TEST_CASE("booking: working hours and quiet hours", "[booking_checks]")
{
    // 09:00–18:00 by default: 09:00 start and an 18:00 end are inside.
    CHECK(problems(visit("", {"liming", "zhaoli"}, 9, 0), {}).empty());
    CHECK(problems(visit("", {"liming", "zhaoli"}, 17, 15), {}).empty());
    CHECK(problems(visit("", {"liming", "zhaoli"}, 8, 59), {}) == P{BookingProblem::OutsideWorkingHours});
    CHECK(problems(visit("", {"liming", "zhaoli"}, 17, 16), {}) == P{BookingProblem::OutsideWorkingHours});
    const auto r = bookingRefusals(visit("", {"liming", "zhaoli"}, 17, 30), {});
    REQUIRE(r.size() == 1);
    CHECK(errorMessage(r[0].error, Language::Chinese) ==
          "走访时间（17:30 至 18:15）不在工作时间（09:00 至 18:00）内。");

    // With working hours stretched to the evening, the quiet hours still stop a visit at 22:00.
    BookingSettings late;
    late.workingHours = {ClockTime::at(7, 0), ClockTime::at(23, 0)};
    CHECK(problems(visit("", {"liming", "zhaoli"}, 21, 15), {}, late).empty());  // ends 22:00
    CHECK(problems(visit("", {"liming", "zhaoli"}, 21, 16), {}, late) == P{BookingProblem::QuietHours});
    CHECK(problems(visit("", {"liming", "zhaoli"}, 7, 59), {}, late) == P{BookingProblem::QuietHours});
    CHECK(problems(visit("", {"liming", "zhaoli"}, 8, 0), {}, late).empty());
    const auto q = bookingRefusals(visit("", {"liming", "zhaoli"}, 21, 30), {}, late);
    CHECK(errorMessage(q.at(0).error, Language::Chinese) ==
          "走访时间（21:30 至 22:15）处于禁止联系时段（22:00 至次日 08:00）。");
}

TEST_CASE("booking: daily capacity — at capacity is allowed, over it refused", "[booking_checks]")
{
    BookingSettings s;
    s.dailyVisitCapacity = 3;
    // liming has two visits already (far apart in time, same place): the third reaches the capacity.
    std::vector<Appointment> others = {visit("A1", {"liming", "wangfang"}, 9, 0),
                                       visit("A2", {"liming", "sunqi"}, 11, 0)};
    CHECK(problems(visit("", {"liming", "zhaoli"}, 14, 0), others, s).empty());
    others.push_back(visit("A3", {"liming", "wangfang"}, 16, 0));
    const auto r = bookingRefusals(visit("", {"liming", "zhaoli"}, 14, 0), others, s);
    REQUIRE(r.size() == 1);
    CHECK(r[0].problem == BookingProblem::OverCapacity);
    CHECK(errorMessage(r[0].error, Language::Chinese) == "liming 当天已有 3 次走访，每日上限为 3 次。");
    // A cancelled visit gives its place back.
    others.back().state = AppointmentState::Cancelled;
    CHECK(problems(visit("", {"liming", "zhaoli"}, 14, 0), others, s).empty());
}

TEST_CASE("booking: the appointment itself must be valid; every other refusal is listed", "[booking_checks]")
{
    const auto r = bookingRefusals(visit("", {"liming"}, 10, 0), {});
    REQUIRE(r.size() == 1);
    CHECK(r[0].problem == BookingProblem::Invalid);
    CHECK(r[0].error.id == "appointment.two_staff");

    BookingSettings s;
    s.dailyVisitCapacity = 1;
    const std::vector<Appointment> others = {visit("A1", {"liming", "wangfang"}, 18, 0, 30)};
    // 17:30–18:15 ends after working hours, overlaps liming's 18:00 visit and is liming's second of the day.
    CHECK(problems(visit("", {"liming", "zhaoli"}, 17, 30), others, s) ==
          P{BookingProblem::OutsideWorkingHours, BookingProblem::StaffBusy, BookingProblem::OverCapacity});
    CHECK(checkBooking(visit("", {"liming", "zhaoli"}, 17, 30), others, s).error().id ==
          "booking.outside_working_hours");
}

TEST_CASE("booking settings are checked", "[booking_checks]")
{
    CHECK(checkBookingSettings({}).has_value());
    BookingSettings s;
    s.workingHours = {ClockTime::at(18, 0), ClockTime::at(9, 0)};
    CHECK(checkBookingSettings(s).error().id == "booking.setting_working_hours");
    s = {};
    s.dailyVisitCapacity = 0;
    CHECK(checkBookingSettings(s).error().id == "booking.setting_capacity");
    s = {};
    s.travel.detourFactor = 0.5;
    CHECK(checkBookingSettings(s).error().id == "travel.detour_out_of_range");
}
