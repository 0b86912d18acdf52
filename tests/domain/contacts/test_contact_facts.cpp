#include "domain/contacts/contact_facts.h"

#include <catch2/catch_test_macros.hpp>

#include <vector>

using namespace doorstep;

namespace {

Date ymd(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const Date kAsOf = ymd(2026, 6, 30);

ContactAttempt failedCall(Date date, std::string source = "call_centre")
{
    ContactAttempt a;
    a.borrowerId = "B1";
    a.date = date;
    a.channel = ContactChannel::Call;
    a.reached = ContactParty::None;
    a.outcome = ContactOutcome::NoAnswer;
    a.source = std::move(source);
    return a;
}

ContactAttempt promise(Date date, Money amount, Date promisedDate, std::string source = "call_centre")
{
    ContactAttempt a;
    a.borrowerId = "B1";
    a.date = date;
    a.reached = ContactParty::Borrower;
    a.outcome = ContactOutcome::PromiseToPay;
    a.promisedAmount = amount;
    a.promisedDate = promisedDate;
    a.source = std::move(source);
    return a;
}

Payment payment(Date date, Money amount, std::string loan = "L1")
{
    return Payment{"T", std::move(loan), date, amount};
}

}  // namespace

TEST_CASE("contact_facts: failed contacts count inside the 14-day window, both ends included")
{
    const std::vector<ContactAttempt> attempts{failedCall(addDays(kAsOf, -14)), failedCall(addDays(kAsOf, -15)),
                                               failedCall(kAsOf), failedCall(addDays(kAsOf, 1))};
    const ContactFacts facts = contactFacts(attempts, {}, kAsOf);
    CHECK(facts.failedContacts == 2);  // day 14 and today; day 15 and tomorrow are outside
    CHECK(facts.failedContactDays == 14);
    CHECK_FALSE(facts.lastContact);

    ContactFactWindows seven;
    seven.failedContactDays = 7;
    CHECK(contactFacts(attempts, {}, kAsOf, seven).failedContacts == 1);
}

TEST_CASE("contact_facts: a promise is kept by payments up to the promised date plus grace")
{
    const Date made = ymd(2026, 6, 1);
    const Date promised = ymd(2026, 6, 10);  // grace 3 → 2026-06-13
    const std::vector<ContactAttempt> attempts{promise(made, Money::fromYuan(1000), promised)};

    SECTION("two payments on different loans together reach the amount, the last on promised date + grace")
    {
        const std::vector<Payment> payments{payment(ymd(2026, 6, 5), Money::fromYuan(400), "L1"),
                                            payment(ymd(2026, 6, 13), Money::fromYuan(600), "L2")};
        const ContactFacts facts = contactFacts(attempts, payments, kAsOf);
        CHECK(facts.keptPromises == 1);
        CHECK(facts.brokenPromises == 0);
        CHECK(facts.openPromises == 0);
    }
    SECTION("a payment the day after promised date + grace comes too late: broken")
    {
        const std::vector<Payment> payments{payment(ymd(2026, 6, 14), Money::fromYuan(1000))};
        CHECK(contactFacts(attempts, payments, kAsOf).brokenPromises == 1);
        CHECK(contactFacts(attempts, payments, kAsOf).keptPromises == 0);
    }
    SECTION("a payment before the promise was made does not keep it")
    {
        const std::vector<Payment> payments{payment(ymd(2026, 5, 31), Money::fromYuan(1000))};
        CHECK(contactFacts(attempts, payments, kAsOf).brokenPromises == 1);
    }
    SECTION("open up to and including promised date + grace, broken the day after")
    {
        const std::vector<Payment> payments{payment(ymd(2026, 6, 12), Money::fromYuan(999))};
        CHECK(contactFacts(attempts, payments, ymd(2026, 6, 10)).openPromises == 1);
        CHECK(contactFacts(attempts, payments, ymd(2026, 6, 13)).openPromises == 1);
        const ContactFacts after = contactFacts(attempts, payments, ymd(2026, 6, 14));
        CHECK(after.openPromises == 0);
        CHECK(after.brokenPromises == 1);
    }
    SECTION("payments after the as-of date are ignored")
    {
        const std::vector<Payment> payments{payment(ymd(2026, 6, 12), Money::fromYuan(1000))};
        CHECK(contactFacts(attempts, payments, ymd(2026, 6, 11)).openPromises == 1);
        CHECK(contactFacts(attempts, payments, ymd(2026, 6, 12)).keptPromises == 1);
    }
}

TEST_CASE("contact_facts: promises older than the lookback are not counted")
{
    const Date made = addDays(kAsOf, -91);
    const std::vector<ContactAttempt> attempts{promise(made, Money::fromYuan(100), addDays(made, 5)),
                                               promise(addDays(kAsOf, -90), Money::fromYuan(100), addDays(kAsOf, -80))};
    const ContactFacts facts = contactFacts(attempts, {}, kAsOf);
    CHECK(facts.brokenPromises == 1);
    CHECK(facts.lastContact == addDays(kAsOf, -90));
}

TEST_CASE("contact_facts: visits that met someone set the last visit")
{
    ContactAttempt metGuarantor = failedCall(ymd(2026, 6, 20));
    metGuarantor.channel = ContactChannel::Visit;
    metGuarantor.reached = ContactParty::Guarantor;
    metGuarantor.outcome = ContactOutcome::Reached;
    ContactAttempt nobodyHome = failedCall(ymd(2026, 6, 25));
    nobodyHome.channel = ContactChannel::Visit;
    ContactAttempt call = metGuarantor;
    call.channel = ContactChannel::Call;
    call.date = ymd(2026, 6, 22);
    const std::vector<ContactAttempt> attempts{metGuarantor, nobodyHome, call};
    const ContactFacts facts = contactFacts(attempts, {}, kAsOf);
    CHECK(facts.lastVisit == ymd(2026, 6, 20));
    CHECK(facts.lastContact == ymd(2026, 6, 22));
    CHECK(facts.failedContacts == 1);  // nobody at home is a failed contact
}

TEST_CASE("contact_facts: the source of an attempt does not matter")
{
    const std::vector<Payment> payments{payment(ymd(2026, 6, 20), Money::fromYuan(300))};
    const auto build = [](const std::string& source) {
        ContactAttempt visit = failedCall(ymd(2026, 6, 18), source);
        visit.channel = ContactChannel::Visit;
        visit.reached = ContactParty::Borrower;
        visit.outcome = ContactOutcome::Reached;
        return std::vector<ContactAttempt>{failedCall(ymd(2026, 6, 28), source),
                                           promise(ymd(2026, 6, 15), Money::fromYuan(300), ymd(2026, 6, 20), source),
                                           promise(ymd(2026, 5, 1), Money::fromYuan(300), ymd(2026, 5, 5), source),
                                           visit};
    };
    const auto fromCallCentre = build("call_centre");
    const auto fromDoorstep = build("doorstep");
    const ContactFacts a = contactFacts(fromCallCentre, payments, kAsOf);
    CHECK(a == contactFacts(fromDoorstep, payments, kAsOf));
    CHECK(a.failedContacts == 1);
    CHECK(a.keptPromises == 1);
    CHECK(a.brokenPromises == 1);
    CHECK(a.lastVisit == ymd(2026, 6, 18));
}
