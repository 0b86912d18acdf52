#include "domain/appointments/appointment.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

namespace {

const Date kDay = *parseIsoDate("2026-11-30");

Appointment booked(AppointmentState state = AppointmentState::Proposed)
{
    Appointment a;
    a.id = "A1";
    a.caseId = "C001";
    a.date = kDay;
    a.start = ClockTime::at(14, 0);
    a.durationMinutes = 45;
    a.staff = {"liming", "zhaoli"};
    a.state = state;
    return a;
}

const Actor kOwner = Actor::person(Role::Officer, true);
const Actor kOtherOfficer = Actor::person(Role::Officer, false);
const Actor kSupervisor = Actor::person(Role::Supervisor, false);
const Actor kVisitingSupervisor = Actor::person(Role::Supervisor, true);
const Actor kAdmin = Actor::person(Role::Administrator, false);
const Actor kSystem = Actor::doorstep();

const LocalDateTime kDuring{kDay, ClockTime::at(14, 10)};

}  // namespace

TEST_CASE("appointment: the visiting staff and a supervisor confirm, reschedule and cancel", "[appointment]")
{
    for (const Actor& a : {kOwner, kSupervisor, kVisitingSupervisor}) {
        CHECK(moveAppointment(AppointmentState::Proposed, AppointmentMove::Confirm, a) == AppointmentState::Confirmed);
        for (AppointmentState from : {AppointmentState::Proposed, AppointmentState::Confirmed}) {
            CHECK(moveAppointment(from, AppointmentMove::Reschedule, a) == AppointmentState::Rescheduled);
            CHECK(moveAppointment(from, AppointmentMove::Cancel, a) == AppointmentState::Cancelled);
        }
    }
}

TEST_CASE("appointment: only the visiting staff mark it done or not home", "[appointment]")
{
    for (const Actor& a : {kOwner, kVisitingSupervisor}) {
        CHECK(moveAppointment(AppointmentState::Confirmed, AppointmentMove::MarkDone, a) == AppointmentState::Done);
        CHECK(moveAppointment(AppointmentState::Confirmed, AppointmentMove::MarkNotHome, a) ==
              AppointmentState::NotHome);
    }
    for (const Actor& a : {kSupervisor, kOtherOfficer, kAdmin, kSystem}) {
        for (AppointmentMove m : {AppointmentMove::MarkDone, AppointmentMove::MarkNotHome}) {
            const auto r = moveAppointment(AppointmentState::Confirmed, m, a);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code == ErrorCode::PermissionDenied);
            CHECK(r.error().id == "workflow.not_yours");
        }
    }
}

TEST_CASE("appointment: another officer, an administrator and Doorstep itself make no move", "[appointment]")
{
    for (const Actor& a : {kOtherOfficer, kAdmin, kSystem}) {
        for (AppointmentState s : {AppointmentState::Proposed, AppointmentState::Confirmed}) {
            CHECK(allowedAppointmentMoves(s, a).empty());
            for (AppointmentMove m : {AppointmentMove::Confirm, AppointmentMove::Reschedule, AppointmentMove::Cancel}) {
                CHECK_FALSE(canMoveAppointment(s, m, a));
            }
        }
    }
    CHECK(moveAppointment(AppointmentState::Proposed, AppointmentMove::Confirm, kOtherOfficer).error().code ==
          ErrorCode::PermissionDenied);
}

TEST_CASE("appointment: moves the state does not allow are refused, naming the state", "[appointment]")
{
    // A proposed appointment cannot be visited before the customer confirmed it.
    for (AppointmentMove m : {AppointmentMove::MarkDone, AppointmentMove::MarkNotHome}) {
        const auto r = moveAppointment(AppointmentState::Proposed, m, kOwner);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ErrorCode::Conflict);
    }
    CHECK(moveAppointment(AppointmentState::Confirmed, AppointmentMove::Confirm, kOwner).error().id ==
          "workflow.wrong_state");
    // Done, not home, rescheduled and cancelled are final, for everyone.
    for (AppointmentState s : {AppointmentState::Done, AppointmentState::NotHome, AppointmentState::Rescheduled,
                               AppointmentState::Cancelled}) {
        for (AppointmentMove m : {AppointmentMove::Confirm, AppointmentMove::MarkDone, AppointmentMove::MarkNotHome,
                                  AppointmentMove::Reschedule, AppointmentMove::Cancel}) {
            const auto r = moveAppointment(s, m, kSupervisor);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code == ErrorCode::Conflict);
        }
        CHECK(allowedAppointmentMoves(s, kVisitingSupervisor).empty());
    }
    const auto r = moveAppointment(AppointmentState::Cancelled, AppointmentMove::Confirm, kOwner);
    CHECK(r.error().message == "The appointment is cancelled: you cannot confirm it now.");
    CHECK(errorMessage(r.error(), Language::Chinese) == "该预约当前为“已取消”，不能确认预约。");
}

TEST_CASE("appointment: the allowed moves are what the buttons offer", "[appointment]")
{
    using V = std::vector<AppointmentMove>;
    CHECK(allowedAppointmentMoves(AppointmentState::Proposed, kOwner) ==
          V{AppointmentMove::Confirm, AppointmentMove::Reschedule, AppointmentMove::Cancel});
    CHECK(allowedAppointmentMoves(AppointmentState::Confirmed, kOwner) ==
          V{AppointmentMove::MarkDone, AppointmentMove::MarkNotHome, AppointmentMove::Reschedule,
            AppointmentMove::Cancel});
    CHECK(allowedAppointmentMoves(AppointmentState::Confirmed, kSupervisor) ==
          V{AppointmentMove::Reschedule, AppointmentMove::Cancel});
    CHECK(codeOf(kAppointmentStateCodes, AppointmentState::NotHome) == "not_home");
    CHECK(codeLookup(kAppointmentStateCodes, "rescheduled") == AppointmentState::Rescheduled);
    CHECK(codeLookup(kPlaceKindCodes, "workplace") == PlaceKind::Workplace);
    CHECK_FALSE(codeLookup(kAppointmentStateCodes, "open").has_value());
}

TEST_CASE("appointment: the owner is whoever is among the visiting staff", "[appointment]")
{
    const Appointment a = booked();
    CHECK(appointmentActor(a, "liming", Role::Officer).owns);
    CHECK(appointmentActor(a, "zhaoli", Role::Officer).owns);
    CHECK_FALSE(appointmentActor(a, "wangfang", Role::Officer).owns);
    CHECK(appointmentActor(a, "wangfang", Role::Supervisor).role == Role::Supervisor);
    CHECK(confirmAppointment(a, appointmentActor(a, "zhaoli", Role::Officer))->state == AppointmentState::Confirmed);
    CHECK_FALSE(confirmAppointment(a, appointmentActor(a, "wangfang", Role::Officer)).has_value());
}

TEST_CASE("appointment: at least two distinct staff, a sensible duration, within the day", "[appointment]")
{
    CHECK(validateAppointment(booked()).has_value());
    Appointment a = booked();
    a.staff = {"liming"};
    auto r = validateAppointment(a);
    REQUIRE_FALSE(r.has_value());
    CHECK(errorMessage(r.error(), Language::Chinese) == "上门走访须至少两名不同的工作人员，当前为 1 名。");
    a.staff = {"liming", "liming"};
    CHECK(validateAppointment(a).error().id == "appointment.two_staff");
    a.staff = {"liming", " "};
    CHECK(validateAppointment(a).error().id == "appointment.two_staff");
    a.staff = {"liming", "zhaoli", "wangfang"};
    CHECK(validateAppointment(a).has_value());

    a = booked();
    a.durationMinutes = 0;
    CHECK(validateAppointment(a).error().id == "appointment.duration_out_of_range");
    a.durationMinutes = 481;
    CHECK(validateAppointment(a).error().id == "appointment.duration_out_of_range");
    a.durationMinutes = 480;
    CHECK(validateAppointment(a).has_value());
    a.start = ClockTime::at(23, 30);
    a.durationMinutes = 30;
    CHECK(validateAppointment(a).has_value());
    a.durationMinutes = 31;
    CHECK(validateAppointment(a).error().id == "appointment.past_midnight");
    a.start = ClockTime{24 * 60};
    CHECK(validateAppointment(a).error().id == "appointment.start_invalid");
}

TEST_CASE("appointment: done and not home only once the visit has begun", "[appointment]")
{
    const Appointment a = booked(AppointmentState::Confirmed);
    const LocalDateTime before{kDay, ClockTime::at(13, 59)};
    const LocalDateTime atStart{kDay, ClockTime::at(14, 0)};
    auto r = markAppointmentDone(a, kOwner, before);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().id == "appointment.not_yet");
    CHECK(errorMessage(r.error(), Language::Chinese) == "走访开始（2026-11-30 14:00）后才能标记为已走访。");
    CHECK(markAppointmentNotHome(a, kOwner, LocalDateTime{addDays(kDay, -1), ClockTime::at(15, 0)}).error().id ==
          "appointment.not_yet");
    CHECK(markAppointmentDone(a, kOwner, atStart)->state == AppointmentState::Done);
    CHECK(markAppointmentNotHome(a, kOwner, kDuring)->state == AppointmentState::NotHome);
    CHECK(markAppointmentDone(a, kOwner, LocalDateTime{addDays(kDay, 1), ClockTime::at(9, 0)})->state ==
          AppointmentState::Done);
    // The role is checked first: a supervisor not on the visit is refused even afterwards.
    CHECK(markAppointmentDone(a, kSupervisor, kDuring).error().code == ErrorCode::PermissionDenied);
    // The record is otherwise unchanged.
    const Appointment done = *markAppointmentDone(a, kOwner, kDuring);
    CHECK(done.id == a.id);
    CHECK(done.staff == a.staff);
}

TEST_CASE("appointment: a cancellation keeps its reason; without one it is refused", "[appointment]")
{
    const Appointment a = booked(AppointmentState::Confirmed);
    const auto r = cancelAppointment(a, kSupervisor, "  客户已还清  ");
    REQUIRE(r.has_value());
    CHECK(r->state == AppointmentState::Cancelled);
    CHECK(r->cancelReason == "客户已还清");
    CHECK(cancelAppointment(a, kOwner, " ").error().id == "appointment.cancel_reason");
    CHECK(cancelAppointment(a, kOtherOfficer, "原因").error().code == ErrorCode::PermissionDenied);
}

TEST_CASE("appointment: rescheduling keeps the old one as rescheduled and proposes the new time", "[appointment]")
{
    Appointment a = booked(AppointmentState::Confirmed);
    a.agreedContactId = "K7";
    a.location = GeoPoint{30.25, 120.15};
    const Date next = addDays(kDay, 2);
    const auto r = rescheduleAppointment(a, kOwner, next, ClockTime::at(10, 0), 60);
    REQUIRE(r.has_value());
    CHECK(r->old.state == AppointmentState::Rescheduled);
    CHECK(r->old.id == "A1");
    CHECK(r->old.date == kDay);
    CHECK(r->replacement.state == AppointmentState::Proposed);
    CHECK(r->replacement.id.empty());
    CHECK(r->replacement.date == next);
    CHECK(r->replacement.start == ClockTime::at(10, 0));
    CHECK(r->replacement.durationMinutes == 60);
    CHECK(r->replacement.staff == a.staff);
    CHECK(r->replacement.caseId == a.caseId);
    CHECK(r->replacement.location == a.location);
    CHECK(r->replacement.agreedContactId.empty());

    CHECK(rescheduleAppointment(a, kOwner, kDay, a.start, a.durationMinutes).error().id == "appointment.same_time");
    CHECK(rescheduleAppointment(a, kOwner, next, ClockTime::at(23, 50), 30).error().id == "appointment.past_midnight");
    CHECK(rescheduleAppointment(booked(AppointmentState::Done), kOwner, next, ClockTime::at(10, 0), 60).error().code ==
          ErrorCode::Conflict);
    CHECK(rescheduleAppointment(a, kAdmin, next, ClockTime::at(10, 0), 60).error().code == ErrorCode::PermissionDenied);
}

TEST_CASE("appointment: which states hold the staff's time and which are open", "[appointment]")
{
    CHECK(occupiesStaff(AppointmentState::Proposed));
    CHECK(occupiesStaff(AppointmentState::Confirmed));
    CHECK(occupiesStaff(AppointmentState::Done));
    CHECK(occupiesStaff(AppointmentState::NotHome));
    CHECK_FALSE(occupiesStaff(AppointmentState::Rescheduled));
    CHECK_FALSE(occupiesStaff(AppointmentState::Cancelled));
    CHECK(isOpen(AppointmentState::Confirmed));
    CHECK_FALSE(isOpen(AppointmentState::Done));
    CHECK(formatMessage(placeKindName(PlaceKind::Workplace).value, {}, Language::Chinese) == "工作单位");
}
