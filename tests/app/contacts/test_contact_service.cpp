#include "app/contacts/contact_service.h"

#include "app/screening/screening_service.h"
#include "domain/messages/message.h"
#include "support/appointment_branch.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using app::ContactEntry;
using app::ContactService;
using test::kDay;

namespace {

ContactEntry failedCall(std::int64_t borrowerRowId, int hour, int minute, std::string numberId = "phone")
{
    ContactEntry e;
    e.borrowerRowId = borrowerRowId;
    e.who = ContactParty::Borrower;
    e.channel = ContactChannel::Call;
    e.numberId = std::move(numberId);
    e.date = kDay;
    e.time = ClockTime::at(hour, minute);
    e.result = ContactResult::NoAnswer;
    return e;
}

std::string chinese(const Error& e)
{
    return formatMessage(e.id, e.args, Language::Chinese);
}

}  // namespace

TEST_CASE("contact_service: a failed call is stored with source doorstep and counted by screening",
          "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    const auto item = b.openCaseOf("ofc1");
    ContactService contacts(*ofc1);
    auto logged = contacts.logContact(failedCall(item.borrowerRowId, 9, 5));
    REQUIRE(logged);
    CHECK(logged->decision.allowed());
    CHECK(logged->decision.unansweredCallsToNumber == 0);

    const auto rows = storage::ContactLogRepository(b.db()).onDay(item.borrowerRowId, kDay);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].source == "doorstep");
    CHECK(rows[0].channel == ContactChannel::Call);
    CHECK(rows[0].reached == ContactParty::None);
    CHECK(rows[0].outcome == ContactOutcome::NoAnswer);
    CHECK(rows[0].logged);
    CHECK(rows[0].numberId == "phone");
    CHECK(rows[0].loggedBy == "ofc1");
    CHECK(b.audit("contact.log").size() == 1);

    // Screening reads it like a call-centre row: three failed calls reach the default rule's threshold.
    REQUIRE(contacts.logContact(failedCall(item.borrowerRowId, 9, 30)));
    REQUIRE(contacts.logContact(failedCall(item.borrowerRowId, 10, 0)));
    REQUIRE(app::ScreeningService(*b.sup).run(kDay));
    auto queue = app::ScreeningService(*b.sup).queue({});
    REQUIRE(queue);
    const auto it = std::ranges::find(*queue, item.borrowerRowId, &app::QueueItem::borrowerRowId);
    REQUIRE(it != queue->end());
    const auto hit = std::ranges::find(it->hits, RuleKind::FailedContactsAtLeast, &RuleHit::kind);
    REQUIRE(hit != it->hits.end());
    CHECK(hit->observed >= 3);
}

TEST_CASE("contact_service: the 6th unanswered call to a number is logged, the 7th refused in the rule's words",
          "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    const auto item = b.openCaseOf("ofc1");
    ContactService contacts(*ofc1);
    for (int k = 0; k < 6; ++k) {
        INFO("attempt " << k + 1);
        auto logged = contacts.logContact(failedCall(item.borrowerRowId, 9 + k, 0));
        REQUIRE(logged);
        CHECK(logged->decision.unansweredCallsToNumber == k);
    }
    auto seventh = contacts.logContact(failedCall(item.borrowerRowId, 16, 0));
    REQUIRE_FALSE(seventh);
    CHECK(seventh.error().id == "contact_rule.unanswered_calls");
    CHECK(chinese(seventh.error()).starts_with("今天已对该号码拨打 6 次未接通"));
    CHECK(storage::ContactLogRepository(b.db()).onDay(item.borrowerRowId, kDay).size() == 6);
    // The check for the form says the same without storing anything.
    auto checked = contacts.check(failedCall(item.borrowerRowId, 16, 0));
    REQUIRE(checked);
    CHECK_FALSE(checked->allowed());
}

TEST_CASE("contact_service: quiet hours only with a reason, and the exception is audited and listed for supervisors",
          "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    const auto item = b.openCaseOf("ofc1");
    ContactService contacts(*ofc1);

    auto late = failedCall(item.borrowerRowId, 22, 0);
    auto refused = contacts.logContact(late);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().id == "contact_rule.quiet_hours");

    auto lastMinute = failedCall(item.borrowerRowId, 21, 59);
    lastMinute.result = ContactResult::Reached;
    auto allowed = contacts.logContact(lastMinute);
    REQUIRE(allowed);
    CHECK_FALSE(allowed->decision.exceptionUsed());

    late.exceptionReason = "  The customer asked to be called after ten.  ";
    auto excepted = contacts.logContact(late);
    REQUIRE(excepted);
    CHECK(excepted->decision.exception == ContactRule::QuietHours);
    CHECK(b.audit("contact.exception").size() == 1);
    CHECK(b.audit("contact.log").size() == 2);

    auto list = ContactService(*b.sup).exceptions();
    REQUIRE(list);
    REQUIRE(list->size() == 1);
    CHECK(list->front().eventId == excepted->eventId);
    CHECK(list->front().exceptionRule == ContactRule::QuietHours);
    CHECK(list->front().exceptionReason == "The customer asked to be called after ten.");
    CHECK(list->front().loggedBy == "ofc1");
    auto notForOfficers = contacts.exceptions();
    REQUIRE_FALSE(notForOfficers);
    CHECK(notForOfficers.error().code == ErrorCode::PermissionDenied);
}

TEST_CASE("contact_service: who may log, which numbers and which outcomes", "[appointments_app]")
{
    test::AppointmentBranch b;
    const auto mine = b.openCaseOf("ofc1");

    SECTION("another officer's case is refused, a supervisor logs on any case, an administrator on none")
    {
        auto ofc2 = b.login("ofc2");
        auto other = ContactService(*ofc2).logContact(failedCall(mine.borrowerRowId, 9, 0));
        REQUIRE_FALSE(other);
        CHECK(other.error().code == ErrorCode::PermissionDenied);
        CHECK(ContactService(*b.sup).logContact(failedCall(mine.borrowerRowId, 9, 0)));
        auto admin = b.branch.loginAdmin();
        auto byAdmin = ContactService(*admin).logContact(failedCall(mine.borrowerRowId, 9, 1));
        REQUIRE_FALSE(byAdmin);
        CHECK(byAdmin.error().code == ErrorCode::PermissionDenied);
    }
    SECTION("numbers come from the case, masked; another number is refused")
    {
        auto ofc1 = b.login("ofc1");
        ContactService contacts(*ofc1);
        auto numbers = contacts.caseNumbers(mine.borrowerRowId);
        REQUIRE(numbers);
        REQUIRE_FALSE(numbers->empty());
        CHECK(numbers->front().id == "phone");
        CHECK(numbers->front().masked.find("****") != std::string::npos);
        auto unknown = contacts.logContact(failedCall(mine.borrowerRowId, 9, 0, "contact:999999"));
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().id == "contact.number_unknown");
    }
    SECTION("an SMS is logged only as a sent message, which is not a failed contact")
    {
        auto ofc1 = b.login("ofc1");
        ContactService contacts(*ofc1);
        auto sms = failedCall(mine.borrowerRowId, 9, 0);
        sms.channel = ContactChannel::Sms;
        auto wrong = contacts.logContact(sms);
        REQUIRE_FALSE(wrong);
        CHECK(wrong.error().id == "contact.result_channel");
        sms.result = ContactResult::MessageSent;
        REQUIRE(contacts.logContact(sms));
        const auto rows = storage::ContactLogRepository(b.db()).onDay(mine.borrowerRowId, kDay);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].reached == ContactParty::Borrower);
        CHECK(rows[0].result == ContactResult::MessageSent);
    }
    SECTION("a promise to pay needs its amount and a date not before the contact")
    {
        auto ofc1 = b.login("ofc1");
        ContactService contacts(*ofc1);
        auto promise = failedCall(mine.borrowerRowId, 9, 0);
        promise.result = ContactResult::PromiseToPay;
        promise.promisedAmount = Money::fromYuan(500);
        promise.promisedDate = addDays(kDay, -1);
        auto early = contacts.logContact(promise);
        REQUIRE_FALSE(early);
        CHECK(early.error().id == "contact.promise_details");
        promise.promisedDate = addDays(kDay, 7);
        REQUIRE(contacts.logContact(promise));
        const auto rows = storage::ContactLogRepository(b.db()).onDay(mine.borrowerRowId, kDay);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].outcome == ContactOutcome::PromiseToPay);
        CHECK(rows[0].promisedAmount == Money::fromYuan(500));
    }
    SECTION("the same outcome twice in one minute is refused")
    {
        auto ofc1 = b.login("ofc1");
        ContactService contacts(*ofc1);
        REQUIRE(contacts.logContact(failedCall(mine.borrowerRowId, 9, 0)));
        auto again = contacts.logContact(failedCall(mine.borrowerRowId, 9, 0));
        REQUIRE_FALSE(again);
        CHECK(again.error().id == "contact.same_minute");
    }
}

TEST_CASE("contact_service: officers list the contacts they logged, supervisors all", "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    auto ofc2 = b.login("ofc2");
    REQUIRE(ContactService(*ofc1).logContact(failedCall(b.openCaseOf("ofc1").borrowerRowId, 9, 0)));
    REQUIRE(ContactService(*ofc2).logContact(failedCall(b.openCaseOf("ofc2").borrowerRowId, 9, 0)));
    auto own = ContactService(*ofc1).contacts(kDay, kDay);
    REQUIRE(own);
    REQUIRE(own->size() == 1);
    CHECK(own->front().loggedBy == "ofc1");
    auto all = ContactService(*b.sup).contacts(kDay, kDay);
    REQUIRE(all);
    CHECK(all->size() == 2);
    auto none = ContactService(*b.sup).contacts(addDays(kDay, 1), addDays(kDay, 2));
    REQUIRE(none);
    CHECK(none->empty());
}
