#include "domain/contacts/contact_rules.h"

#include <catch2/catch_test_macros.hpp>

#include <vector>

using namespace doorstep;

namespace {

const Date kDay = *parseIsoDate("2026-11-30");

ProposedContact call(int hour, int minute, std::string number = "N1")
{
    ProposedContact c;
    c.who = ContactParty::Borrower;
    c.channel = ContactChannel::Call;
    c.numberId = std::move(number);
    c.date = kDay;
    c.time = ClockTime::at(hour, minute);
    return c;
}

DayContact unanswered(std::string number = "N1", ContactResult result = ContactResult::NoAnswer)
{
    return DayContact{kDay, ContactChannel::Call, std::move(number), ContactParty::None, result};
}

DayContact conversation(ContactParty who = ContactParty::Borrower, ContactResult result = ContactResult::Reached)
{
    return DayContact{kDay, ContactChannel::Call, "N1", who, result};
}

std::vector<DayContact> repeat(const DayContact& c, int times)
{
    return std::vector<DayContact>(static_cast<std::size_t>(times), c);
}

}  // namespace

TEST_CASE("quiet hours: 21:59 and 08:00 are allowed, 22:00 and 07:59 refused", "[contact_rules]")
{
    for (auto [h, m] : {std::pair{21, 59}, {8, 0}, {12, 0}}) {
        INFO(h << ":" << m);
        const ContactDecision d = evaluateContact(call(h, m), {});
        CHECK(d.allowed());
        CHECK_FALSE(d.exceptionUsed());
    }
    for (auto [h, m] : {std::pair{22, 0}, {7, 59}, {0, 0}, {23, 59}}) {
        INFO(h << ":" << m);
        const ContactDecision d = evaluateContact(call(h, m), {});
        REQUIRE(d.refusals.size() == 1);
        CHECK(d.refusals[0].rule == ContactRule::QuietHours);
        CHECK(d.refusals[0].error.id == "contact_rule.quiet_hours");
    }
    // The figures are in the words, in both languages.
    const auto r = checkContact(call(22, 0), {});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message ==
          "No calls, messages or visits from 22:00 to 08:00: 22:00 is in the quiet hours. Only if the customer "
          "asked for this time, record it as an exception with the reason.");
    CHECK(errorMessage(r.error(), Language::Chinese) ==
          "22:00 至次日 08:00 不得致电、发送短信或上门，22:00 在此时段内。仅当客户本人要求在此时间联系时，"
          "方可登记为例外并填写原因。");
}

TEST_CASE("quiet hours cover messages and visits too, and follow the settings", "[contact_rules]")
{
    ProposedContact sms = call(22, 30);
    sms.channel = ContactChannel::Sms;
    CHECK(evaluateContact(sms, {}).refusals.at(0).rule == ContactRule::QuietHours);
    ProposedContact visit = call(7, 30, "");
    visit.channel = ContactChannel::Visit;
    CHECK(evaluateContact(visit, {}).refusals.at(0).rule == ContactRule::QuietHours);

    ContactRuleSettings s;
    s.quietHours = {ClockTime::at(21, 0), ClockTime::at(9, 0)};
    CHECK_FALSE(evaluateContact(call(21, 0), {}, s).allowed());
    CHECK_FALSE(evaluateContact(call(8, 30), {}, s).allowed());
    CHECK(evaluateContact(call(9, 0), {}, s).allowed());
}

TEST_CASE("an exception to the quiet hours needs a reason, and the decision says it was used", "[contact_rules]")
{
    ProposedContact c = call(21, 30);
    ContactRuleSettings s;
    s.quietHours = {ClockTime::at(21, 0), ClockTime::at(8, 0)};

    // Without a reason (or with only blanks): refused, the quiet-hours rule named.
    for (const char* reason : {"", "   "}) {
        c.exceptionReason = reason;
        const ContactDecision d = evaluateContact(c, {}, s);
        REQUIRE_FALSE(d.allowed());
        CHECK(d.refusals.at(0).rule == ContactRule::QuietHours);
        CHECK_FALSE(d.exceptionUsed());
    }
    // With one: allowed, the exception and its trimmed reason recorded for the audit trail.
    c.exceptionReason = "  客户要求 21:30 来电  ";
    const ContactDecision d = evaluateContact(c, {}, s);
    CHECK(d.allowed());
    REQUIRE(d.exceptionUsed());
    CHECK(*d.exception == ContactRule::QuietHours);
    CHECK(d.exceptionReason == "客户要求 21:30 来电");
    CHECK(checkContact(c, {}, s).has_value());

    // Outside the quiet hours a reason sets nothing aside: no exception is recorded.
    ProposedContact day = call(10, 0);
    day.exceptionReason = "客户要求";
    CHECK_FALSE(evaluateContact(day, {}).exceptionUsed());

    CHECK(ruleAllowsException(ContactRule::QuietHours));
    CHECK_FALSE(ruleAllowsException(ContactRule::UnansweredCallsPerNumber));
    CHECK_FALSE(ruleAllowsException(ContactRule::ConversationsPerCustomer));
    CHECK_FALSE(ruleAllowsException(ContactRule::ThirdParty));
}

TEST_CASE("an exception does not lift a daily limit, and is not recorded for a refused contact", "[contact_rules]")
{
    ProposedContact c = call(22, 30);
    c.exceptionReason = "客户要求晚上来电";
    const ContactDecision d = evaluateContact(c, repeat(unanswered(), 6));
    REQUIRE(d.refusals.size() == 1);
    CHECK(d.refusals[0].rule == ContactRule::UnansweredCallsPerNumber);
    CHECK_FALSE(d.exceptionUsed());
}

TEST_CASE("unanswered calls: the 6th attempt to a number is allowed, the 7th refused", "[contact_rules]")
{
    // Five unanswered before: this is the 6th attempt.
    CHECK(evaluateContact(call(15, 0), repeat(unanswered(), 5)).allowed());
    // Six before (busy counts as unanswered): the 7th is refused with the figures.
    std::vector<DayContact> six = repeat(unanswered(), 4);
    six.push_back(unanswered("N1", ContactResult::Busy));
    six.push_back(unanswered("N1", ContactResult::Busy));
    const ContactDecision d = evaluateContact(call(15, 0), six);
    CHECK(d.unansweredCallsToNumber == 6);
    REQUIRE(d.refusals.size() == 1);
    CHECK(d.refusals[0].rule == ContactRule::UnansweredCallsPerNumber);
    CHECK(formatMessage(d.refusals[0].error.id, d.refusals[0].error.args, Language::Chinese) ==
          "今天已对该号码拨打 6 次未接通，每天最多 6 次。");
    CHECK(d.refusals[0].error.message == "6 unanswered calls to this number today already; at most 6 a day.");
}

TEST_CASE("unanswered calls are counted per number, per day, and only calls", "[contact_rules]")
{
    const std::vector<DayContact> six = repeat(unanswered("N1"), 6);
    // Another number of the same customer is still open.
    CHECK(evaluateContact(call(15, 0, "N2"), six).allowed());
    // An SMS to the same number is not a call attempt.
    ProposedContact sms = call(15, 0);
    sms.channel = ContactChannel::Sms;
    CHECK(evaluateContact(sms, six).allowed());
    // Yesterday's attempts do not count.
    std::vector<DayContact> yesterday = six;
    for (DayContact& c : yesterday)
        c.date = addDays(kDay, -1);
    CHECK(evaluateContact(call(15, 0), yesterday).allowed());
    // Wrong number, a message sent and answered calls are not unanswered attempts.
    std::vector<DayContact> others = repeat(unanswered("N1", ContactResult::WrongNumber), 6);
    others.push_back(DayContact{kDay, ContactChannel::Sms, "N1", ContactParty::None, ContactResult::MessageSent});
    CHECK(evaluateContact(call(15, 0), others).allowed());
    // The limit is a setting.
    ContactRuleSettings s;
    s.maxUnansweredCallsPerNumber = 2;
    CHECK(evaluateContact(call(15, 0), repeat(unanswered(), 1), s).allowed());
    CHECK_FALSE(evaluateContact(call(15, 0), repeat(unanswered(), 2), s).allowed());
}

TEST_CASE("effective conversations: the 3rd is allowed, a 4th refused", "[contact_rules]")
{
    CHECK(evaluateContact(call(16, 0), repeat(conversation(), 2)).allowed());
    // Borrower and guarantor conversations both count towards the customer's three.
    std::vector<DayContact> three = {conversation(ContactParty::Borrower, ContactResult::CallbackRequested),
                                     conversation(ContactParty::Guarantor, ContactResult::Reached),
                                     conversation(ContactParty::Borrower, ContactResult::PromiseToPay)};
    const ContactDecision d = evaluateContact(call(16, 0), three);
    CHECK(d.conversationsToday == 3);
    REQUIRE(d.refusals.size() == 1);
    CHECK(d.refusals[0].rule == ContactRule::ConversationsPerCustomer);
    CHECK(formatMessage(d.refusals[0].error.id, d.refusals[0].error.args, Language::Chinese) ==
          "今天已与该客户有效沟通 3 次，每天最多 3 次。");
    // A visit would be a 4th conversation as well; a message cannot be one.
    ProposedContact visit = call(16, 0, "");
    visit.channel = ContactChannel::Visit;
    CHECK_FALSE(evaluateContact(visit, three).allowed());
    ProposedContact sms = call(16, 0);
    sms.channel = ContactChannel::Sms;
    CHECK(evaluateContact(sms, three).allowed());
    // Calling the guarantor is refused too: the limit is per customer.
    ProposedContact guarantor = call(16, 0, "N3");
    guarantor.who = ContactParty::Guarantor;
    CHECK_FALSE(evaluateContact(guarantor, three).allowed());
}

TEST_CASE("what counts as an effective conversation (DOMAIN.md 5)", "[contact_rules]")
{
    for (ContactResult r : {ContactResult::Reached, ContactResult::CallbackRequested, ContactResult::AppointmentAgreed,
                            ContactResult::PromiseToPay, ContactResult::Refused, ContactResult::Paid}) {
        CHECK(isEffectiveConversation({kDay, ContactChannel::Call, "N1", ContactParty::Borrower, r}));
        CHECK(isEffectiveConversation({kDay, ContactChannel::Visit, "", ContactParty::Guarantor, r}));
        // Talking to a third party is not a conversation with the customer; an SMS is never one.
        CHECK_FALSE(isEffectiveConversation({kDay, ContactChannel::Call, "N1", ContactParty::ThirdParty, r}));
        CHECK_FALSE(isEffectiveConversation({kDay, ContactChannel::Sms, "N1", ContactParty::Borrower, r}));
    }
    for (ContactResult r :
         {ContactResult::NoAnswer, ContactResult::Busy, ContactResult::WrongNumber, ContactResult::MessageSent}) {
        CHECK_FALSE(isEffectiveConversation({kDay, ContactChannel::Call, "N1", ContactParty::Borrower, r}));
    }
    CHECK_FALSE(
        isEffectiveConversation({kDay, ContactChannel::Call, "N1", ContactParty::None, ContactResult::Reached}));
    // Four conversations with a third party leave the borrower's three untouched.
    CHECK(evaluateContact(call(16, 0), repeat(conversation(ContactParty::ThirdParty), 4)).allowed());
    // The call centre's outcomes read the same way.
    CHECK(contactResultOf(ContactOutcome::NoAnswer) == ContactResult::NoAnswer);
    CHECK(contactResultOf(ContactOutcome::WrongNumber) == ContactResult::WrongNumber);
    CHECK(contactResultOf(ContactOutcome::PromiseToPay) == ContactResult::PromiseToPay);
    CHECK(contactResultOf(ContactOutcome::Paid) == ContactResult::Paid);
    CHECK(codeOf(kContactResultCodes, ContactResult::CallbackRequested) == "callback_requested");
    CHECK(codeLookup(kContactResultCodes, "appointment_agreed") == ContactResult::AppointmentAgreed);
    // Each shared outcome keeps the extract's code.
    for (ContactOutcome o : {ContactOutcome::NoAnswer, ContactOutcome::WrongNumber, ContactOutcome::Refused,
                             ContactOutcome::Reached, ContactOutcome::PromiseToPay, ContactOutcome::Paid})
        CHECK(codeOf(kContactResultCodes, contactResultOf(o)) == contactOutcomeName(o));
}

TEST_CASE("a third party only when the borrower is unreachable, with the relation, never told the debt",
          "[contact_rules]")
{
    ProposedContact c = call(10, 0, "N9");
    c.who = ContactParty::ThirdParty;
    c.relation = "同事";

    c.borrowerUnreachable = false;
    ContactDecision d = evaluateContact(c, {});
    REQUIRE(d.refusals.size() == 1);
    CHECK(d.refusals[0].rule == ContactRule::ThirdParty);
    CHECK(d.refusals[0].error.id == "contact_rule.third_party_borrower_reachable");

    c.borrowerUnreachable = true;
    d = evaluateContact(c, {});
    CHECK(d.allowed());
    CHECK_FALSE(d.mayDiscloseDebt);

    c.relation = " ";
    d = evaluateContact(c, {});
    REQUIRE(d.refusals.size() == 1);
    CHECK(d.refusals[0].error.id == "contact_rule.third_party_relation_missing");

    // An exception reason does not open the third-party rule.
    c.relation = "同事";
    c.borrowerUnreachable = false;
    c.exceptionReason = "急事";
    CHECK_FALSE(evaluateContact(c, {}).allowed());

    // The borrower may be told; a guarantor is contacted without the third-party condition but, like every
    // non-borrower, not through a message with debt details.
    CHECK(evaluateContact(call(10, 0), {}).mayDiscloseDebt);
    ProposedContact g = call(10, 0, "N3");
    g.who = ContactParty::Guarantor;
    d = evaluateContact(g, {});
    CHECK(d.allowed());
    CHECK_FALSE(d.mayDiscloseDebt);
}

TEST_CASE("a contact must say who and, for a call or SMS, which number", "[contact_rules]")
{
    ProposedContact c = call(10, 0, "");
    ContactDecision d = evaluateContact(c, {});
    REQUIRE(d.refusals.size() == 1);
    CHECK(d.refusals[0].rule == ContactRule::Details);
    CHECK(d.refusals[0].error.id == "contact_rule.number_missing");
    c.numberId = "N1";
    c.who = ContactParty::None;
    CHECK(evaluateContact(c, {}).refusals.at(0).error.id == "contact_rule.who_missing");
    ProposedContact visit = call(10, 0, "");
    visit.channel = ContactChannel::Visit;
    CHECK(evaluateContact(visit, {}).allowed());
}

TEST_CASE("every broken rule is listed; checkContact gives the first", "[contact_rules]")
{
    std::vector<DayContact> earlier = repeat(unanswered(), 6);
    for (int i = 0; i < 3; ++i)
        earlier.push_back(conversation());
    const ContactDecision d = evaluateContact(call(23, 0), earlier);
    REQUIRE(d.refusals.size() == 3);
    CHECK(d.refusals[0].rule == ContactRule::QuietHours);
    CHECK(d.refusals[1].rule == ContactRule::UnansweredCallsPerNumber);
    CHECK(d.refusals[2].rule == ContactRule::ConversationsPerCustomer);
    CHECK(checkContact(call(23, 0), earlier).error().id == "contact_rule.quiet_hours");
    CHECK(codeOf(kContactRuleCodes, ContactRule::UnansweredCallsPerNumber) == "unanswered_calls_per_number");
    CHECK(formatMessage(contactRuleName(ContactRule::QuietHours).value, {}, Language::Chinese) == "禁止联系时段");
}

TEST_CASE("contact rule settings are checked", "[contact_rules]")
{
    CHECK(checkContactRuleSettings({}).has_value());
    ContactRuleSettings s;
    s.maxUnansweredCallsPerNumber = 0;
    const auto r = checkContactRuleSettings(s);
    REQUIRE_FALSE(r.has_value());
    CHECK(errorMessage(r.error(), Language::Chinese) == "每个号码每天未接通拨打次数上限至少为 1。");
    s = {};
    s.maxConversationsPerCustomer = 0;
    CHECK_FALSE(checkContactRuleSettings(s).has_value());
    s = {};
    s.quietHours.to = ClockTime{24 * 60};
    CHECK(checkContactRuleSettings(s).error().id == "contact_rule.setting_quiet_hours");
}

TEST_CASE("call-centre contacts count like Doorstep's own; one without a number counts against every number",
          "[contact_rules]")
{
    ContactAttempt centre;
    centre.date = kDay;
    centre.channel = ContactChannel::Call;
    centre.reached = ContactParty::None;
    centre.outcome = ContactOutcome::NoAnswer;
    centre.source = "call_centre";
    const DayContact d = dayContactOf(centre);
    CHECK(d.numberId.empty());
    CHECK(isUnansweredCall(d));
    std::vector<DayContact> earlier(6, d);
    CHECK(evaluateContact(call(15, 0, "N1"), earlier).refusals.at(0).rule == ContactRule::UnansweredCallsPerNumber);
    CHECK_FALSE(evaluateContact(call(15, 0, "N2"), earlier).allowed());
    // Five from the call centre and one of ours to N1: N1 is at its limit, N2 has had the five.
    earlier.pop_back();
    earlier.push_back(unanswered("N1"));
    CHECK_FALSE(evaluateContact(call(15, 0, "N1"), earlier).allowed());
    CHECK(evaluateContact(call(15, 0, "N2"), earlier).allowed());

    centre.reached = ContactParty::Borrower;
    centre.outcome = ContactOutcome::PromiseToPay;
    CHECK(isEffectiveConversation(dayContactOf(centre)));
}

TEST_CASE("a contact time that is not a time of day is refused", "[contact_rules]")
{
    ProposedContact c = call(10, 0);
    c.time = ClockTime{24 * 60};
    const ContactDecision d = evaluateContact(c, {});
    REQUIRE_FALSE(d.allowed());
    CHECK(d.refusals.at(0).rule == ContactRule::Details);
    CHECK(d.refusals.at(0).error.id == "clock.invalid");
}
