#include "domain/contacts/promise_tracking.h"

#include "domain/contacts/contact_facts.h"

#include <catch2/catch_test_macros.hpp>
#include <chrono>

using namespace doorstep;

namespace {
const Date kMade{std::chrono::year{2026}, std::chrono::November, std::chrono::day{10}};
const Date kDue{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};
constexpr int kGrace = 3;
const Promise kPromise{kMade, Money::fromYuan(500), kDue};

Payment paid(Date on, std::int64_t yuan)
{
    return Payment{"T" + formatIsoDate(on), "L1", on, Money::fromYuan(yuan)};
}

PromiseStatus statusOn(Date asOf, const std::vector<Payment>& payments)
{
    return trackPromise(kPromise, payments, asOf, kGrace).status;
}
}  // namespace

TEST_CASE("promise: pending before its date, due today on it, in grace after, broken the day grace ends", "[promise]")
{
    CHECK(statusOn(kMade, {}) == PromiseStatus::Pending);
    CHECK(statusOn(addDays(kDue, -1), {}) == PromiseStatus::Pending);
    CHECK(statusOn(kDue, {}) == PromiseStatus::DueToday);
    CHECK(statusOn(addDays(kDue, 1), {}) == PromiseStatus::Grace);
    CHECK(statusOn(addDays(kDue, kGrace), {}) == PromiseStatus::Grace);
    CHECK(statusOn(addDays(kDue, kGrace + 1), {}) == PromiseStatus::Broken);
    CHECK(trackPromise(kPromise, {}, kDue, kGrace).lastDayToPay == addDays(kDue, kGrace));
    // Without grace days, the day after the date already breaks it.
    CHECK(trackPromise(kPromise, {}, addDays(kDue, 1), 0).status == PromiseStatus::Broken);
}

TEST_CASE("promise: kept when the payments from the day it was made to the last grace day reach the amount",
          "[promise]")
{
    // Exactly the amount, in two payments, the last on the last grace day.
    const std::vector<Payment> inTime{paid(kMade, 200), paid(addDays(kDue, kGrace), 300)};
    CHECK(statusOn(addDays(kDue, kGrace), inTime) == PromiseStatus::Kept);
    CHECK(statusOn(addDays(kDue, 30), inTime) == PromiseStatus::Kept);
    const auto check = trackPromise(kPromise, inTime, addDays(kDue, 30), kGrace);
    CHECK(check.paid == Money::fromYuan(500));
    // A fen short is not kept.
    const std::vector<Payment> short1{paid(kMade, 200), Payment{"T2", "L1", kDue, Money{29999}}};
    CHECK(statusOn(addDays(kDue, kGrace + 1), short1) == PromiseStatus::Broken);
    // A payment the day after the grace ends comes too late; one the day before the promise was made does not count.
    const std::vector<Payment> late{paid(addDays(kDue, kGrace + 1), 500)};
    CHECK(statusOn(addDays(kDue, 10), late) == PromiseStatus::Broken);
    const std::vector<Payment> before{paid(addDays(kMade, -1), 500)};
    CHECK(statusOn(addDays(kDue, 10), before) == PromiseStatus::Broken);
    // Kept early: paid before the date, judged before the date.
    CHECK(statusOn(addDays(kMade, 1), std::vector<Payment>{paid(addDays(kMade, 1), 600)}) == PromiseStatus::Kept);
}

TEST_CASE("promise: payments not yet made (after the day judged) and reversals do not count", "[promise]")
{
    const std::vector<Payment> later{paid(addDays(kDue, 2), 500)};
    CHECK(statusOn(addDays(kDue, 1), later) == PromiseStatus::Grace);
    CHECK(statusOn(addDays(kDue, 2), later) == PromiseStatus::Kept);
    const std::vector<Payment> reversal{paid(kDue, 800), paid(kDue, -300)};
    CHECK(trackPromise(kPromise, reversal, kDue, kGrace).paid == Money::fromYuan(800));
}

TEST_CASE("promise: two imports — the first leaves it due, the second brings the payment that keeps it", "[promise]")
{
    // The morning of the promised date: the import holds nothing yet.
    std::vector<Payment> book;
    CHECK(statusOn(kDue, book) == PromiseStatus::DueToday);
    // The next morning's import carries a payment dated the promised day.
    book.push_back(paid(kDue, 500));
    CHECK(statusOn(addDays(kDue, 1), book) == PromiseStatus::Kept);
    // Another promise, of the same customer, whose date passes with nothing in either import: broken.
    const Promise other{kMade, Money::fromYuan(900), addDays(kMade, 2)};
    CHECK(trackPromise(other, book, addDays(kMade, 2 + kGrace + 1), kGrace).status == PromiseStatus::Broken);
}

TEST_CASE("promise: screening's contact facts count promises exactly as tracked", "[promise]")
{
    ContactAttempt call;
    call.borrowerId = "B1";
    call.date = kMade;
    call.channel = ContactChannel::Call;
    call.reached = ContactParty::Borrower;
    call.outcome = ContactOutcome::PromiseToPay;
    call.promisedAmount = kPromise.amount;
    call.promisedDate = kDue;
    ContactAttempt visit = call;
    visit.channel = ContactChannel::Visit;
    const std::vector<ContactAttempt> attempts{call, visit};
    const ContactFactWindows windows{14, 90, kGrace};
    for (int offset : {0, kGrace, kGrace + 1}) {
        const Date asOf = addDays(kDue, offset);
        const auto facts = contactFacts(attempts, {}, asOf, windows);
        const bool broken = trackPromise(kPromise, {}, asOf, kGrace).status == PromiseStatus::Broken;
        CHECK(facts.brokenPromises == (broken ? 2 : 0));
        CHECK(facts.openPromises == (broken ? 0 : 2));
    }
    const std::vector<Payment> payments{paid(kDue, 500)};
    CHECK(contactFacts(attempts, payments, addDays(kDue, 10), windows).keptPromises == 2);
}
