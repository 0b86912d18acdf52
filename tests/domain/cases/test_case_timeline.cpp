#include "domain/cases/case_timeline.h"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

using namespace doorstep;

namespace {

Date ymd(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const Date kAsOf = ymd(2026, 6, 30);

TimelineContact contact(Date date, int minute, ContactOutcome outcome, std::string source = "call_centre")
{
    TimelineContact c;
    c.attempt.borrowerId = "C1";
    c.attempt.date = date;
    c.attempt.minuteOfDay = minute;
    c.attempt.channel = ContactChannel::Call;
    c.attempt.reached = outcome == ContactOutcome::NoAnswer ? ContactParty::None : ContactParty::Borrower;
    c.attempt.outcome = outcome;
    c.attempt.source = std::move(source);
    return c;
}

TimelineContact promise(Date date, Money amount, Date promisedDate)
{
    TimelineContact c = contact(date, 600, ContactOutcome::PromiseToPay);
    c.attempt.promisedAmount = amount;
    c.attempt.promisedDate = promisedDate;
    return c;
}

Payment payment(std::string id, Date date, Money amount)
{
    return Payment{std::move(id), "L1", date, amount};
}

// A timeline of one promise and the given payments, as of asOf: where the promise stands.
std::optional<PromiseStatus> statusOf(const TimelineContact& p, std::vector<Payment> payments, Date asOf)
{
    TimelineFacts facts;
    facts.contacts = {p};
    facts.payments = std::move(payments);
    for (const TimelineEntry& e : buildCaseTimeline(facts, asOf)) {
        if (const auto* c = std::get_if<TimelineContact>(&e.fact)) return c->promise;
    }
    FAIL("the promise is not in the timeline");
    return std::nullopt;
}

std::string kindOf(const TimelineEntry& e)
{
    if (std::holds_alternative<TimelineContact>(e.fact)) return "contact";
    if (std::holds_alternative<Payment>(e.fact)) return "payment";
    if (std::holds_alternative<QueueDecision>(e.fact)) return "decision";
    return "appointment";
}

}  // namespace

TEST_CASE("case timeline: a promise is kept, broken or pending by the grace day's boundary", "[case_timeline]")
{
    // Promised ¥1,000 on 06-10 for 06-20; three days' grace: the deadline is 06-23.
    const TimelineContact p = promise(ymd(2026, 6, 10), Money{100000}, ymd(2026, 6, 20));
    SECTION("paid in full on the deadline day: kept")
    {
        CHECK(statusOf(p, {payment("T1", ymd(2026, 6, 23), Money{100000})}, kAsOf) == PromiseStatus::Kept);
    }
    SECTION("in two parts that together reach the amount: kept")
    {
        CHECK(statusOf(p,
                       {payment("T1", ymd(2026, 6, 10), Money{40000}), payment("T2", ymd(2026, 6, 21), Money{60000})},
                       kAsOf) == PromiseStatus::Kept);
    }
    SECTION("one fen short, or paid the day after the deadline: broken")
    {
        CHECK(statusOf(p, {payment("T1", ymd(2026, 6, 20), Money{99999})}, kAsOf) == PromiseStatus::Broken);
        CHECK(statusOf(p, {payment("T1", ymd(2026, 6, 24), Money{100000})}, kAsOf) == PromiseStatus::Broken);
        CHECK(statusOf(p, {payment("T1", ymd(2026, 6, 9), Money{100000})}, kAsOf) == PromiseStatus::Broken);
    }
    SECTION("as of the deadline day itself, short: still open (in its grace days); the day after: broken")
    {
        CHECK(statusOf(p, {}, ymd(2026, 6, 20)) == PromiseStatus::DueToday);
        CHECK(statusOf(p, {}, ymd(2026, 6, 23)) == PromiseStatus::Grace);
        CHECK(statusOf(p, {}, ymd(2026, 6, 24)) == PromiseStatus::Broken);
    }
    SECTION("a promise recorded after the date of the figures is pending")
    {
        CHECK(statusOf(p, {}, ymd(2026, 6, 9)) == PromiseStatus::Pending);
    }
}

TEST_CASE("case timeline: only promises carry a promise status", "[case_timeline]")
{
    TimelineFacts facts;
    facts.contacts = {contact(ymd(2026, 6, 1), 540, ContactOutcome::NoAnswer),
                      contact(ymd(2026, 6, 2), 540, ContactOutcome::Reached, "doorstep"),
                      promise(ymd(2026, 6, 3), Money{}, ymd(2026, 6, 5))};  // no amount: not a promise
    for (const TimelineEntry& e : buildCaseTimeline(facts, kAsOf))
        CHECK_FALSE(std::get<TimelineContact>(e.fact).promise.has_value());
}

TEST_CASE("case timeline: every kind in one list, newest first", "[case_timeline]")
{
    TimelineFacts facts;
    facts.contacts = {contact(ymd(2026, 6, 1), 9 * 60, ContactOutcome::NoAnswer),
                      contact(ymd(2026, 6, 15), 14 * 60 + 30, ContactOutcome::Reached, "doorstep"),
                      promise(ymd(2026, 6, 15), Money{50000}, ymd(2026, 6, 18))};
    facts.payments = {payment("T1", ymd(2026, 6, 15), Money{50000}), payment("T0", ymd(2026, 5, 20), Money{1})};
    facts.decision = QueueDecision{QueueState::Dismissed, "sup", {ymd(2026, 6, 16), ClockTime::at(9, 5)}, "paid"};
    TimelineAppointment visit;
    visit.appointment.date = ymd(2026, 7, 2);
    visit.appointment.start = ClockTime::at(10, 0);
    visit.appointment.state = AppointmentState::Confirmed;
    TimelineAppointment earlier = visit;
    earlier.appointment.date = ymd(2026, 6, 15);
    earlier.appointment.start = ClockTime::at(14, 30);  // the same minute as a contact: the appointment first
    earlier.appointment.state = AppointmentState::NotHome;
    facts.appointments = {earlier, visit};

    const auto timeline = buildCaseTimeline(facts, kAsOf);
    REQUIRE(timeline.size() == 8);
    std::vector<std::string> kinds;
    for (const auto& e : timeline)
        kinds.push_back(kindOf(e));
    CHECK(kinds == std::vector<std::string>{"appointment", "decision", "appointment", "contact", "contact", "payment",
                                            "contact", "payment"});
    // Dates never go up as the list goes down; within a day, times never go up (a payment counts as the day's start).
    for (std::size_t i = 1; i < timeline.size(); ++i) {
        REQUIRE_FALSE(timeline[i - 1].date < timeline[i].date);
        if (timeline[i - 1].date == timeline[i].date) {
            CHECK(timeline[i - 1].time.value_or(ClockTime{-1}) >= timeline[i].time.value_or(ClockTime{-1}));
        }
    }
    CHECK(std::get<TimelineAppointment>(timeline[0].fact).appointment.date == ymd(2026, 7, 2));
    CHECK(std::get<QueueDecision>(timeline[1].fact).reason == "paid");
    // The promise of 06-15 (10:00) was kept by the payment that day.
    CHECK(std::get<TimelineContact>(timeline[4].fact).promise == PromiseStatus::Kept);
    CHECK(std::get<Payment>(timeline[5].fact).id == "T1");
    CHECK(std::get<Payment>(timeline[7].fact).id == "T0");
    CHECK_FALSE(timeline[5].time.has_value());
}

TEST_CASE("case timeline: nothing known gives an empty list", "[case_timeline]")
{
    CHECK(buildCaseTimeline({}, kAsOf).empty());
}
