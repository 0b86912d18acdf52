#include "app/appointments/appointment_service.h"

#include "app/appointments/appointment_settings.h"
#include "app/screening/screening_service.h"
#include "domain/contacts/contact_facts.h"
#include "storage/screening/screening_repository.h"
#include "support/appointment_branch.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using app::AppointmentService;
using app::BookingRequest;
using test::kDay;

namespace {

BookingRequest visit(std::int64_t borrowerRowId, int hour, int minute,
                     std::vector<std::string> staff = {"ofc1", "ofc2"})
{
    BookingRequest r;
    r.borrowerRowId = borrowerRowId;
    r.date = kDay;
    r.start = ClockTime::at(hour, minute);
    r.durationMinutes = 45;
    r.staff = std::move(staff);
    return r;
}

bool queued(test::AppointmentBranch& b, std::int64_t borrowerRowId)
{
    auto queue = app::ScreeningService(*b.sup).queue({});
    REQUIRE(queue);
    return std::ranges::find(*queue, borrowerRowId, &app::QueueItem::borrowerRowId) != queue->end();
}

// The borrower's row as the screening walk reads it.
storage::BorrowerScreeningRow screeningRow(test::AppointmentBranch& b, std::int64_t borrowerRowId)
{
    storage::BorrowerScreeningRow found;
    storage::ScreeningRepository(b.db()).forEachBorrower("2026-10-31", "2026-08-01", "2026-09-01",
                                                         [&](const storage::BorrowerScreeningRow& row) {
                                                             if (row.borrowerRowId == borrowerRowId) found = row;
                                                         });
    REQUIRE(found.borrowerRowId == borrowerRowId);
    return found;
}

}  // namespace

TEST_CASE("appointment_service: a visit is booked with two staff and confirmed", "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    const auto item = b.openCaseOf("ofc1");
    AppointmentService service(*ofc1);

    auto request = visit(item.borrowerRowId, 10, 0);
    auto booked = service.book(request);
    REQUIRE(booked);
    CHECK(booked->appointment.state == AppointmentState::Proposed);
    CHECK(booked->appointment.staff == std::vector<std::string>{"ofc1", "ofc2"});
    CHECK(booked->appointment.caseId == item.borrowerId);
    CHECK(booked->appointment.location.has_value());
    CHECK(booked->createdBy == "ofc1");
    auto stored = service.appointment(booked->id);
    REQUIRE(stored);
    CHECK(stored->appointment.start == ClockTime::at(10, 0));
    CHECK(stored->district == item.district);

    auto confirmed = service.confirm(booked->id);
    REQUIRE(confirmed);
    CHECK(confirmed->appointment.state == AppointmentState::Confirmed);
    CHECK(b.audit("appointment.book").size() == 1);
    CHECK(b.audit("appointment.confirm").size() == 1);

    // Booked as confirmed in one step when the customer already agreed.
    auto second = visit(b.openCaseOf("ofc1", 1).borrowerRowId, 14, 0);
    second.confirmed = true;
    auto direct = service.book(second);
    REQUIRE(direct);
    CHECK(direct->appointment.state == AppointmentState::Confirmed);
}

TEST_CASE("appointment_service: bookings the rules refuse", "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    const auto first = b.openCaseOf("ofc1");
    const auto second = b.openCaseOf("ofc1", 1);
    AppointmentService service(*ofc1);

    SECTION("one member of staff, or an unknown one")
    {
        auto alone = service.book(visit(first.borrowerRowId, 10, 0, {"ofc1"}));
        REQUIRE_FALSE(alone);
        CHECK(alone.error().id == "appointment.staff_count");
        auto twice = service.book(visit(first.borrowerRowId, 10, 0, {"ofc1", "ofc1"}));
        REQUIRE_FALSE(twice);
        CHECK(twice.error().id == "appointment.two_staff");
        auto unknown = service.book(visit(first.borrowerRowId, 10, 0, {"ofc1", "nobody"}));
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().id == "appointment.staff_unknown");
        auto admin = service.book(visit(first.borrowerRowId, 10, 0, {"ofc1", "admin"}));
        REQUIRE_FALSE(admin);
        CHECK(admin.error().id == "appointment.staff_unknown");
    }
    SECTION("an officer books only visits they make, on their own cases")
    {
        auto notMe = service.book(visit(first.borrowerRowId, 10, 0, {"ofc2", "ofc3"}));
        REQUIRE_FALSE(notMe);
        CHECK(notMe.error().id == "appointment.officer_not_staff");
        auto ofc3 = b.login("ofc3");
        auto notMine = AppointmentService(*ofc3).book(visit(first.borrowerRowId, 10, 0, {"ofc3", "ofc1"}));
        REQUIRE_FALSE(notMine);
        CHECK(notMine.error().code == ErrorCode::PermissionDenied);
        // A supervisor books for anyone.
        CHECK(AppointmentService(*b.sup).book(visit(first.borrowerRowId, 10, 0, {"ofc2", "ofc3"})));
    }
    SECTION("a clash for either member of staff")
    {
        REQUIRE(service.book(visit(first.borrowerRowId, 10, 0, {"ofc1", "ofc2"})));
        auto sup = AppointmentService(*b.sup).book(visit(second.borrowerRowId, 10, 30, {"ofc3", "ofc2"}));
        REQUIRE_FALSE(sup);
        CHECK(sup.error().id == "booking.staff_busy");
        CHECK(
            formatMessage(sup.error().id, sup.error().args, Language::English).starts_with("ofc2 already has a visit"));
    }
    SECTION("a second visit to a customer while one is still to happen; once it is cancelled, another")
    {
        auto booked = service.book(visit(first.borrowerRowId, 10, 0, {"ofc1", "ofc2"}));
        REQUIRE(booked);
        auto again = AppointmentService(*b.sup).book(visit(first.borrowerRowId, 15, 0, {"ofc3", "sup"}));
        REQUIRE_FALSE(again);
        CHECK(again.error().id == "appointment.customer_has_open_visit");
        CHECK(formatMessage(again.error().id, again.error().args, Language::Chinese) ==
              "该客户已有 2026-11-30 10:00 的走访预约，请改期该预约，不要重复预约。");
        auto listed = service.refusals(visit(first.borrowerRowId, 15, 0, {"ofc1", "ofc2"}));
        REQUIRE_FALSE(listed);  // the booking form shows it and keeps OK disabled
        CHECK(listed.error().id == "appointment.customer_has_open_visit");
        REQUIRE(service.cancel(booked->id, "客户来电改约"));
        CHECK(service.book(visit(first.borrowerRowId, 15, 0, {"ofc1", "ofc2"})));
    }
    SECTION("outside working hours, in the past, and over the daily capacity")
    {
        auto early = service.book(visit(first.borrowerRowId, 8, 30));
        REQUIRE_FALSE(early);
        CHECK(early.error().id == "appointment.in_past");
        auto tomorrowEarly = visit(first.borrowerRowId, 8, 30);
        tomorrowEarly.date = addDays(kDay, 1);
        auto outside = service.book(tomorrowEarly);
        REQUIRE_FALSE(outside);
        CHECK(outside.error().id == "booking.outside_working_hours");

        auto admin = b.branch.loginAdmin();
        app::AppointmentSettings s;
        s.booking.dailyVisitCapacity = 1;
        REQUIRE(app::saveAppointmentSettings(*admin, s));
        REQUIRE(service.book(visit(first.borrowerRowId, 10, 0)));
        auto over = service.book(visit(second.borrowerRowId, 15, 0));
        REQUIRE_FALSE(over);
        CHECK(over.error().id == "booking.over_capacity");
        auto listed = service.refusals(visit(second.borrowerRowId, 15, 0));
        REQUIRE(listed);
        CHECK(std::ranges::any_of(*listed,
                                  [](const BookingRefusal& r) { return r.problem == BookingProblem::OverCapacity; }));
    }
    SECTION("another place needs its address")
    {
        auto other = visit(first.borrowerRowId, 10, 0);
        other.place = PlaceKind::Other;
        auto refused = service.book(other);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().id == "appointment.place_note_missing");
        other.placeNote = "the customer's shop";
        auto booked = service.book(other);
        REQUIRE(booked);
        CHECK(booked->placeNote == "the customer's shop");
        CHECK(booked->appointment.location.has_value());  // the district's centre
    }
}

TEST_CASE("appointment_service: each move by role", "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    auto ofc2 = b.login("ofc2");
    auto ofc3 = b.login("ofc3");
    const auto item = b.openCaseOf("ofc1");
    auto booked = AppointmentService(*ofc1).book(visit(item.borrowerRowId, 10, 0));
    REQUIRE(booked);
    const std::int64_t id = booked->id;

    // An officer who is not on the visit does not see it.
    auto hidden = AppointmentService(*ofc3).confirm(id);
    REQUIRE_FALSE(hidden);
    CHECK(hidden.error().id == "appointment.not_found");
    auto listed = AppointmentService(*ofc3).appointments(kDay, kDay);
    REQUIRE(listed);
    CHECK(listed->empty());
    auto admin = b.branch.loginAdmin();
    CHECK(AppointmentService(*admin).confirm(id).error().code == ErrorCode::PermissionDenied);

    // The second member of staff confirms; marking done waits for the start.
    REQUIRE(AppointmentService(*ofc2).confirm(id));
    auto tooEarly = AppointmentService(*ofc1).markDone(id);
    REQUIRE_FALSE(tooEarly);
    CHECK(tooEarly.error().id == "appointment.not_yet");
    b.branch.clock.set(test::shanghai(kDay, 10, 50));
    // A supervisor not on the visit may not say what happened at the door.
    auto bySup = AppointmentService(*b.sup).markDone(id);
    REQUIRE_FALSE(bySup);
    CHECK(bySup.error().id == "workflow.not_yours");
    auto done = AppointmentService(*ofc1).markDone(id);
    REQUIRE(done);
    CHECK(done->appointment.state == AppointmentState::Done);
    auto again = AppointmentService(*ofc1).cancel(id, "changed mind");
    REQUIRE_FALSE(again);
    CHECK(again.error().id == "workflow.wrong_state");
    CHECK(AppointmentService(*ofc1).allowedMoves(*done).empty());
    CHECK(b.audit("appointment.done").size() == 1);
}

TEST_CASE("appointment_service: cancel needs a reason; reschedule books the new time through the checks",
          "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    AppointmentService service(*ofc1);
    const auto item = b.openCaseOf("ofc1");
    auto first = service.book(visit(item.borrowerRowId, 10, 0));
    REQUIRE(first);
    auto blocker = service.book(visit(b.openCaseOf("ofc1", 1).borrowerRowId, 15, 0));
    REQUIRE(blocker);

    auto clash = service.reschedule(first->id, kDay, ClockTime::at(15, 15), 45);
    REQUIRE_FALSE(clash);
    CHECK(clash.error().id == "booking.staff_busy");
    // Moving within its own slot is no clash with itself.
    auto moved = service.reschedule(first->id, kDay, ClockTime::at(10, 15), 45);
    REQUIRE(moved);
    CHECK(moved->appointment.state == AppointmentState::Proposed);
    CHECK(moved->replacesId == first->id);
    CHECK(service.appointment(first->id)->appointment.state == AppointmentState::Rescheduled);

    auto noReason = service.cancel(moved->id, "  ");
    REQUIRE_FALSE(noReason);
    CHECK(noReason.error().id == "appointment.cancel_reason");
    auto cancelled = AppointmentService(*b.sup).cancel(moved->id, "customer in hospital");
    REQUIRE(cancelled);
    CHECK(cancelled->appointment.state == AppointmentState::Cancelled);
    CHECK(service.appointment(moved->id)->appointment.cancelReason == "customer in hospital");
    // The freed slot can be booked again.
    CHECK(service.book(visit(item.borrowerRowId, 10, 15)));
}

TEST_CASE("appointment_service: a confirmed appointment takes the case off the queue; a visit keeps it off",
          "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    const auto item = b.openCaseOf("ofc1");
    REQUIRE(queued(b, item.borrowerRowId));
    app::ScreeningService screening(*b.sup);

    auto booked = AppointmentService(*ofc1).book(visit(item.borrowerRowId, 10, 0));
    REQUIRE(booked);
    REQUIRE(screening.run(kDay));
    CHECK(queued(b, item.borrowerRowId));  // proposed is not yet agreed
    CHECK_FALSE(screeningRow(b, item.borrowerRowId).openAppointment);

    REQUIRE(AppointmentService(*ofc1).confirm(booked->id));
    CHECK(screeningRow(b, item.borrowerRowId).openAppointment);
    auto run = screening.run(kDay);
    REQUIRE(run);
    CHECK_FALSE(queued(b, item.borrowerRowId));

    // Done: no longer open, but visited today — still off the queue, by "visited recently".
    b.branch.clock.set(test::shanghai(kDay, 11, 0));
    REQUIRE(AppointmentService(*ofc1).markDone(booked->id));
    const auto row = screeningRow(b, item.borrowerRowId);
    CHECK_FALSE(row.openAppointment);
    const ContactFacts facts = contactFacts(row.contacts, row.payments, kDay);
    CHECK(facts.lastVisit == kDay);
    REQUIRE(screening.run(kDay));
    CHECK_FALSE(queued(b, item.borrowerRowId));
    auto rules = screening.currentRuleSet();
    REQUIRE(rules);
    for (auto& e : rules->exclusions) {
        if (e.kind == ExclusionKind::VisitedRecently) e.enabled = false;
    }
    REQUIRE(screening.saveRuleSet(*rules));
    REQUIRE(screening.run(kDay));
    CHECK(queued(b, item.borrowerRowId));
}

TEST_CASE("appointment_service: not at home counts as a failed contact", "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    const auto item = b.openCaseOf("ofc1");
    const auto before = contactFacts(screeningRow(b, item.borrowerRowId).contacts, {}, kDay);
    auto booked = AppointmentService(*ofc1).book(visit(item.borrowerRowId, 10, 0));
    REQUIRE(booked);
    REQUIRE(AppointmentService(*ofc1).confirm(booked->id));
    b.branch.clock.set(test::shanghai(kDay, 10, 30));
    auto notHome = AppointmentService(*ofc1).markNotHome(booked->id);
    REQUIRE(notHome);
    CHECK(notHome->appointment.state == AppointmentState::NotHome);
    const auto after = contactFacts(screeningRow(b, item.borrowerRowId).contacts, {}, kDay);
    CHECK(after.failedContacts == before.failedContacts + 1);
    CHECK(after.lastVisit == before.lastVisit);
    const auto rows = storage::ContactLogRepository(b.db()).onDay(item.borrowerRowId, kDay);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].channel == ContactChannel::Visit);
    CHECK(rows[0].appointmentId == booked->id);
}

TEST_CASE("appointment_service: officers list their own appointments, supervisors all or one person's",
          "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    auto ofc2 = b.login("ofc2");
    REQUIRE(AppointmentService(*ofc1).book(visit(b.openCaseOf("ofc1").borrowerRowId, 10, 0, {"ofc1", "sup"})));
    REQUIRE(AppointmentService(*ofc2).book(visit(b.openCaseOf("ofc2").borrowerRowId, 10, 0, {"ofc2", "ofc3"})));
    CHECK(AppointmentService(*ofc1).appointments(kDay, kDay)->size() == 1);
    CHECK(AppointmentService(*ofc2).appointments(kDay, kDay, "ofc1")->size() == 1);  // still only their own
    CHECK(AppointmentService(*ofc2).appointments(kDay, kDay)->front().appointment.hasStaff("ofc2"));
    CHECK(AppointmentService(*b.sup).appointments(kDay, kDay)->size() == 2);
    CHECK(AppointmentService(*b.sup).appointments(kDay, kDay, "ofc3")->size() == 1);
    CHECK(AppointmentService(*b.sup).appointments(addDays(kDay, 1), addDays(kDay, 7))->empty());
    auto staff = AppointmentService(*ofc1).visitingStaff();
    REQUIRE(staff);
    CHECK(*staff == std::vector<std::string>{"ofc1", "ofc2", "ofc3", "sup"});
}
