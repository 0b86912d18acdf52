#pragma once
// A branch for the visit-note tests: the appointment branch (a supervisor sup, officers ofc1 … ofc3, a small
// imported extract) with visits of ofc1 and ofc2 made on 2026-11-30, marked done or not at home.
#include "app/appointments/appointment_service.h"
#include "app/visits/visit_note_service.h"
#include "support/appointment_branch.h"

#include <catch2/catch_test_macros.hpp>

namespace doorstep::test {

struct VisitBranch : AppointmentBranch {
    // A confirmed visit of ofc1 and ofc2 to the `skip`-th open case of ofc1 not contacted today at hour:00 on kDay +
    // dayOffset, made (the clock moved past its start) and marked done or not at home by ofc1. Returns the
    // appointment's id.
    std::int64_t madeVisit(bool customerHome, std::size_t skip = 0, int hour = 10, int dayOffset = 0)
    {
        const auto item = openCaseOf("ofc1", skip);
        auto ofc1 = login("ofc1");
        app::BookingRequest r;
        r.borrowerRowId = item.borrowerRowId;
        r.date = addDays(kDay, dayOffset);
        r.start = ClockTime::at(hour, 0);
        r.durationMinutes = 45;
        r.staff = {"ofc1", "ofc2"};
        r.confirmed = true;
        auto booked = app::AppointmentService(*ofc1).book(r);
        if (!booked) FAIL(booked.error().message);
        branch.clock.set(shanghai(r.date, hour, 50));
        app::AppointmentService service(*ofc1);
        auto made = customerHome ? service.markDone(booked->id) : service.markNotHome(booked->id);
        REQUIRE(made);
        return booked->id;
    }
};

// What ofc1 and ofc2 found when they met the borrower: passes every check.
inline VisitNoteDraft completeDraft()
{
    VisitNoteDraft d;
    VisitNoteContent& c = d.content;
    c.visitors = {"ofc1", "ofc2"};
    c.customerHome = true;
    c.metRelation = MetRelation::Borrower;
    c.place = PlaceKind::Home;
    c.arrived = ClockTime::at(10, 5);
    c.left = ClockTime::at(10, 45);
    c.protocol = {true, true, true, true};
    c.hardship = {HardshipReason::IllnessOrFamilyEvent, HardshipReason::Other};
    c.hardshipOther = "Shop closed for renovation";
    c.monthlyIncome = Money::fromYuan(5200);
    c.monthlyExpenses = Money::fromYuan(3100);
    c.ability = 3;
    c.willingness = 4;
    c.attitude = Attitude::Cooperative;
    c.customerRequests = "Lower monthly instalments";
    c.promises = {PaymentPromise{Money::fromYuan(800), addDays(kDay, 7)},
                  PaymentPromise{Money{123456}, addDays(kDay, 37)}};
    c.nextSteps = "Propose a grace period; call on the 7th";
    c.proposePlan = true;
    c.freeText = "Spouse in hospital since October.";
    return d;
}

}  // namespace doorstep::test
