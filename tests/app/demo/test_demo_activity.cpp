#include "app/demo/demo_activity.h"

#include "app/appointments/appointment_service.h"
#include "app/appointments/appointment_settings.h"
#include "app/portfolio/portfolio_import.h"
#include "app/shared/branch_setup.h"
#include "app/users/user_admin.h"
#include "app/visits/visit_note_service.h"
#include "domain/appointments/booking_checks.h"
#include "domain/contacts/contact_rules.h"
#include "io/demo/synthetic_extract.h"
#include "storage/contacts/contact_log_repository.h"
#include "support/appointment_branch.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <map>

using namespace doorstep;
using test::kDay;

namespace {

std::string passwordOf(std::string_view name)
{
    return std::ranges::find(app::demoAccounts(), name, &app::DemoAccount::username)->password;
}

// A branch with the demo supervisor and two demo officers (their demo passwords) and a small portfolio.
struct DemoBranch {
    DemoBranch()
    {
        for (const char* name : {"supervisor", "officer1", "officer2"}) {
            const auto& a =
                *std::ranges::find(app::demoAccounts(), std::string_view(name), &app::DemoAccount::username);
            branch.addUser(a.username, a.role, a.password);
        }
        io::SyntheticOptions options;
        options.loans = 250;
        options.seed = 11;
        options.officers = {"officer1", "officer2"};
        const auto folder = branch.dir() / "extract";
        REQUIRE(io::writeSyntheticExtract(folder, options));
        auto sup = branch.login("supervisor", passwordOf("supervisor"));
        auto imported = app::importExtract(*sup, folder, {});
        REQUIRE(imported);
        REQUIRE(imported->imported);
        admin = branch.loginAdmin();
    }
    test::TestBranch branch;
    std::unique_ptr<app::Session> admin;
};

}  // namespace

TEST_CASE(
    "demo_activity: officers up to four, contacts and visits through the use cases, every contact within the rules",
    "[appointments_app]")
{
    DemoBranch b;
    app::DemoActivityOptions options;
    options.seed = 5;
    options.days = 6;
    auto summary = app::addDemoActivity(*b.admin, kDay, options);
    REQUIRE(summary);
    CHECK(summary->officersAdded == 2);
    CHECK(summary->contacts >= 20);
    CHECK(summary->appointments >= 5);
    CHECK(summary->done + summary->notHome >= 1);

    auto users = app::UserAdministration(*b.admin).list();
    REQUIRE(users);
    CHECK(std::ranges::count(*users, Role::Officer, &User::role) == 4);
    // The officers the demo adds are named like the demo's first accounts: "赵专员（演示）", full-width brackets.
    for (const User& u : *users) {
        if (u.username != "officer3" && u.username != "officer4") continue;
        CHECK(u.displayName.ends_with("（演示）"));
        CHECK(u.displayName.find_first_of("()") == std::string::npos);
    }

    // Replayed through the guard in the order they were made, no contact breaks a rule.
    auto sup = b.branch.login("supervisor", passwordOf("supervisor"));
    const auto& db = sup->database().connection();
    const auto settings = app::loadAppointmentSettings(db);
    const auto logged = storage::ContactLogRepository(db).logged(addDays(kDay, -6), kDay, "");
    REQUIRE(static_cast<int>(logged.size()) == summary->contacts + summary->done + summary->notHome);
    std::map<std::pair<std::int64_t, std::string>, std::vector<DayContact>> earlier;
    int calls = 0;
    for (const auto& c : logged) {
        auto& before = earlier[{c.borrowerRowId, formatIsoDate(c.date)}];
        if (c.channel == ContactChannel::Call) {
            ++calls;
            ProposedContact p;
            p.who = c.who;
            p.channel = c.channel;
            p.numberId = c.numberId;
            p.date = c.date;
            p.time = ClockTime{c.minuteOfDay};
            const auto decision = evaluateContact(p, before, settings.contactRules);
            INFO(c.borrowerBankId << " " << formatIsoDate(c.date) << " " << c.minuteOfDay);
            CHECK(decision.allowed());
            CHECK_FALSE(decision.exceptionUsed());
        }
        before.push_back(DayContact{c.date, c.channel, c.numberId, c.reached, c.result});
    }
    CHECK(calls == summary->contacts);

    // Visit notes (issue 11): every past visit written up by the officer who led it, through the use cases; the
    // supervisor's review leaves notes in every state, some waiting in the queue.
    const auto& n = summary->notes;
    CHECK(n.written == summary->done + summary->notHome);
    CHECK(n.drafts + n.submitted == n.written);
    auto notes = app::VisitNoteService(*sup).notes(addDays(kDay, -6), kDay);
    REQUIRE(notes);
    CHECK(static_cast<int>(notes->size()) == n.written);
    std::map<NoteState, int> states;
    for (const auto& note : *notes)
        ++states[note.state];
    CHECK(states[NoteState::Draft] == n.drafts);
    CHECK(states[NoteState::Approved] == n.approved);
    CHECK(states[NoteState::Returned] == n.returned - n.addenda);
    CHECK(states[NoteState::Submitted] == n.submitted + n.addenda - n.approved - n.returned);
    CHECK(static_cast<int>(app::VisitNoteService(*sup).reviewQueue()->size()) == states[NoteState::Submitted]);

    // Visits: two staff each, none overlapping for anyone, in the past and up to two weeks ahead.
    auto visits = app::AppointmentService(*sup).appointments(addDays(kDay, -6), addDays(kDay, 14));
    REQUIRE(visits);
    CHECK(static_cast<int>(visits->size()) == summary->appointments);
    std::vector<Appointment> all;
    bool ahead = false;
    for (const auto& v : *visits) {
        CHECK(v.appointment.staff.size() == 2);
        CHECK(v.appointment.staff[0] != v.appointment.staff[1]);
        if (v.appointment.date > kDay) ahead = true;
        if (v.appointment.date < kDay) CHECK_FALSE(isOpen(v.appointment.state));
        all.push_back(v.appointment);
    }
    CHECK(ahead);
    for (const auto& a : all) {
        if (!occupiesStaff(a.state)) continue;
        for (const auto& r : bookingRefusals(a, all, settings.booking)) {
            INFO(r.error.message);
            CHECK(r.problem != BookingProblem::StaffBusy);
        }
    }
}

TEST_CASE("demo_activity: administrators only, and a sensible number of days", "[appointments_app]")
{
    DemoBranch b;
    auto sup = b.branch.login("supervisor", passwordOf("supervisor"));
    CHECK(app::addDemoActivity(*sup, kDay, {}).error().code == ErrorCode::PermissionDenied);
    app::DemoActivityOptions options;
    options.days = 61;
    CHECK(app::addDemoActivity(*b.admin, kDay, options).error().code == ErrorCode::InvalidInput);
}
