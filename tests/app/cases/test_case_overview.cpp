#include "app/cases/case_overview.h"

#include "app/appointments/appointment_service.h"
#include "app/contacts/contact_service.h"
#include "app/portfolio/portfolio_service.h"
#include "app/screening/screening_service.h"
#include "support/appointment_branch.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace doorstep;
using app::CaseSummary;

namespace {

storage::LoanDetail loan(std::string id, int dpd, std::string bucket, std::string riskClass, std::int64_t totalFen,
                         std::string officer, bool inBook = true)
{
    storage::LoanDetail d;
    d.loan.id = std::move(id);
    d.loan.officer = std::move(officer);
    storage::LoanStatusRow s;
    s.asOf = "2026-11-30";
    s.dpd = dpd;
    s.bucket = std::move(bucket);
    s.riskClass = std::move(riskClass);
    s.totalOverdue = Money{totalFen};
    d.status = s;
    if (!inBook) d.leftBookAfter = "2026-10-31";
    return d;
}

const std::map<std::string, std::string> kNames{{"ofc1", "李专员"}, {"ofc2", "张专员"}};

}  // namespace

TEST_CASE("case overview: the summary sums the loans in the book and names the officer", "[casework]")
{
    app::BorrowerCase c;
    c.loans = {loan("L1", 30, "M1", "special_mention", 10000, "ofc1"),
               loan("L2", 95, "M4", "substandard", 25000, "ofc2"),
               loan("L3", 400, "M7", "loss", 99900, "ofc1", false)};  // left the book: not counted
    storage::LoanDetail noFigures;
    noFigures.loan.id = "L4";
    c.loans.push_back(noFigures);

    SECTION("without a queue entry: the worst loan's officer")
    {
        const CaseSummary s = app::summarizeCase(c, std::nullopt, kNames);
        CHECK(s.totalOverdue == Money{35000});
        CHECK(s.worstDpd == 95);
        CHECK(s.bucket == "M4");
        CHECK(s.worstClass == RiskClass::Substandard);
        CHECK(s.officer == "ofc2");
        CHECK(s.officerName == "张专员");
        CHECK(s.loansCounted == 2);
        CHECK_FALSE(s.queueScore.has_value());
        CHECK_FALSE(s.queueState.has_value());
    }
    SECTION("with a queue entry: its officer, score and state")
    {
        storage::QueueEntryRow entry;
        entry.score = 85;
        entry.state = QueueState::Accepted;
        entry.officer = "ofc1";
        const CaseSummary s = app::summarizeCase(c, entry, kNames);
        CHECK(s.officerName == "李专员");
        CHECK(s.queueScore == 85);
        CHECK(s.queueState == QueueState::Accepted);
        entry.officer = "someone";  // not a known user: the user name is shown
        CHECK(app::summarizeCase(c, entry, kNames).officerName == "someone");
        entry.officer.clear();  // an unassigned entry: the worst loan's officer
        CHECK(app::summarizeCase(c, entry, kNames).officer == "ofc2");
    }
    SECTION("every loan has left the book: all of them count")
    {
        for (auto& l : c.loans)
            l.leftBookAfter = "2026-10-31";
        const CaseSummary s = app::summarizeCase(c, std::nullopt, kNames);
        CHECK(s.totalOverdue == Money{134900});
        CHECK(s.worstDpd == 400);
        CHECK(s.worstClass == RiskClass::Loss);
        CHECK(s.loansCounted == 3);
    }
    SECTION("no figures at all")
    {
        app::BorrowerCase empty;
        const CaseSummary s = app::summarizeCase(empty, std::nullopt, kNames);
        CHECK(s.totalOverdue == Money{});
        CHECK(s.bucket.empty());
        CHECK(s.officerName.empty());
        CHECK_FALSE(s.worstClass.has_value());
    }
}

TEST_CASE("case overview: an instalment is paid (however late), overdue or not yet due", "[casework]")
{
    InstalmentDelinquency i;
    CHECK(app::instalmentPhase(i) == app::InstalmentPhase::Future);
    i.daysOverdue = 1;
    CHECK(app::instalmentPhase(i) == app::InstalmentPhase::Overdue);
    i.paidInFullOn = test::kDay;  // settled one day late
    CHECK(app::instalmentPhase(i) == app::InstalmentPhase::Paid);
    i.daysOverdue = 0;
    CHECK(app::instalmentPhase(i) == app::InstalmentPhase::Paid);
}

TEST_CASE("case overview: the timeline holds contacts, the promise, payments, the decision and the visit", "[casework]")
{
    test::AppointmentBranch b;
    const auto item = b.openCaseOf("ofc1");
    auto ofc1 = b.login("ofc1");

    app::ContactEntry promise;
    promise.borrowerRowId = item.borrowerRowId;
    promise.channel = ContactChannel::Call;
    promise.numberId = "phone";
    promise.date = test::kDay;
    promise.time = ClockTime::at(9, 0);
    promise.result = ContactResult::PromiseToPay;
    promise.promisedAmount = Money::fromYuan(500);
    promise.promisedDate = addDays(test::kDay, 7);
    REQUIRE(app::ContactService(*ofc1).logContact(promise));
    app::BookingRequest visit;
    visit.borrowerRowId = item.borrowerRowId;
    visit.date = addDays(test::kDay, 1);
    visit.start = ClockTime::at(10, 0);
    visit.staff = {"ofc1", "ofc2"};
    REQUIRE(app::AppointmentService(*ofc1).book(visit));
    b.branch.clock.set(test::shanghai(test::kDay, 9, 20));
    REQUIRE(app::ScreeningService(*ofc1).accept(item.borrowerRowId));

    auto opened = app::PortfolioService(*ofc1).openCase(item.borrowerRowId);
    REQUIRE(opened);
    const app::CaseOverviewService overview(*ofc1);
    const auto timeline = overview.timeline(*opened);
    REQUIRE(timeline);

    std::size_t payments = 0;
    for (const auto& l : opened->loans)
        payments += l.payments.size();
    std::size_t contacts = 0, paymentEntries = 0, decisions = 0, appointments = 0;
    for (const TimelineEntry& e : *timeline) {
        if (std::holds_alternative<TimelineContact>(e.fact)) ++contacts;
        if (std::holds_alternative<Payment>(e.fact)) ++paymentEntries;
        if (std::holds_alternative<QueueDecision>(e.fact)) ++decisions;
        if (std::holds_alternative<TimelineAppointment>(e.fact)) ++appointments;
    }
    CHECK(paymentEntries == payments);
    CHECK(decisions == 1);
    CHECK(appointments == 1);
    CHECK(contacts >= 1);
    // Newest first: the visit of tomorrow, then this morning's decision (09:20) and promise (09:00).
    REQUIRE(timeline->size() >= 3);
    const auto& visitEntry = std::get<TimelineAppointment>((*timeline)[0].fact);
    CHECK(visitEntry.appointment.date == addDays(test::kDay, 1));
    CHECK(visitEntry.createdBy == "ofc1");
    const auto& decision = std::get<QueueDecision>((*timeline)[1].fact);
    CHECK(decision.state == QueueState::Accepted);
    CHECK(decision.by == "ofc1");
    CHECK(decision.at.date == test::kDay);
    CHECK(decision.at.time == ClockTime::at(9, 20));
    const auto& promised = std::get<TimelineContact>((*timeline)[2].fact);
    CHECK(promised.attempt.outcome == ContactOutcome::PromiseToPay);
    CHECK(promised.attempt.source == "doorstep");
    CHECK(promised.loggedBy == "ofc1");
    CHECK(promised.promise == PromiseStatus::Pending);
    for (std::size_t i = 1; i < timeline->size(); ++i)
        CHECK_FALSE((*timeline)[i - 1].date < (*timeline)[i].date);

    const auto summary = overview.summary(*opened);
    REQUIRE(summary);
    CHECK(summary->officer == "ofc1");
    CHECK(summary->queueState == QueueState::Accepted);
    CHECK(summary->queueScore == item.score);
    CHECK(summary->worstDpd == item.maxDpd);
    CHECK(summary->totalOverdue == item.totalOverdue);
}

TEST_CASE("a stored UTC stamp prints as the local date and time, anything else as it is", "[casework]")
{
    CHECK(formatUtcStampLocally("2026-06-30T01:30:00Z") == "2026-06-30 09:30");
    CHECK(formatUtcStampLocally("2026-12-31T16:10:59Z") == "2027-01-01 00:10");
    CHECK(formatUtcStampLocally("not a stamp") == "not a stamp");
}
