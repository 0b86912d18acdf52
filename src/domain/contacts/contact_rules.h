#pragma once
// The contact-rule guard (DOMAIN.md section 5; China Banking Association guidelines on personal
// consumer-loan collection): one pure check that every path logging or booking a contact goes through.
// It is given the proposed contact, the day's earlier contacts with the same customer (Doorstep's own log and
// the call centre's alike) and the branch's settings, and answers allowed — possibly through a recorded
// exception — or refused, naming the rule and the figures.
#include "domain/contacts/contact_history.h"
#include "domain/messages/error.h"
#include "domain/shared/calendar.h"
#include "domain/shared/clock_time.h"
#include "domain/shared/code_table.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace doorstep {

// What came of a contact, as the contact log records it: the extract's outcomes (contact_history.h) and the
// ones only an attempt or a conversation of Doorstep's own can have.
enum class ContactResult {
    Reached,            // reached, talked, no promise
    NoAnswer,           // rang out, switched off, unreachable
    Busy,               // line busy or call rejected before anyone spoke
    WrongNumber,        // someone answered who is not the person dialled
    MessageSent,        // an SMS went out; nobody spoke
    CallbackRequested,  // reached; asked to be called at another time
    AppointmentAgreed,  // reached; agreed a visit
    PromiseToPay,       // reached; promised an amount by a date
    Refused,            // reached; refused to talk or to pay
    Paid,               // reached; said it was paid
};

inline constexpr CodeTable<ContactResult, 10> kContactResultCodes{{
    {ContactResult::Reached, "reached"},
    {ContactResult::NoAnswer, "no_answer"},
    {ContactResult::Busy, "busy"},
    {ContactResult::WrongNumber, "wrong_number"},
    {ContactResult::MessageSent, "message_sent"},
    {ContactResult::CallbackRequested, "callback_requested"},
    {ContactResult::AppointmentAgreed, "appointment_agreed"},
    {ContactResult::PromiseToPay, "promise_to_pay"},
    {ContactResult::Refused, "refused"},
    {ContactResult::Paid, "paid"},
}};

// A call-centre contact from the extract, in the log's words (its codes are a subset).
ContactResult contactResultOf(ContactOutcome outcome);

// One contact already made that day with the customer.
struct DayContact {
    Date date{};  // contacts of other days are ignored
    ContactChannel channel = ContactChannel::Call;
    std::string numberId;                       // the number dialled or texted; "" when not known
    ContactParty reached = ContactParty::None;  // who was reached: None when nobody spoke
    ContactResult result = ContactResult::NoAnswer;
};

// DOMAIN.md 5: an effective conversation is a call or visit in which the borrower or a guarantor was reached
// and spoke. No answer, busy, wrong number and a message sent are not one; nor is talking to a third party.
bool isEffectiveConversation(const DayContact& contact);
// A call to a number that nobody answered (no answer or busy): what the per-number daily limit counts. One
// whose number is not known (the call centre's extract records none) counts against every number of the
// customer: with one number, as most customers have, it was that number.
bool isUnansweredCall(const DayContact& contact);

// A call-centre contact from the extract as the guard reads it (no number id: see above).
DayContact dayContactOf(const ContactAttempt& attempt);

// The numbers are branch settings (DOMAIN.md 5, configurable); these are the defaults.
struct ContactRuleSettings {
    DailyWindow quietHours{ClockTime::at(22, 0), ClockTime::at(8, 0)};  // no contact from 22:00 to 08:00
    int maxUnansweredCallsPerNumber = 6;                                // per number per day
    int maxConversationsPerCustomer = 3;                                // effective conversations per day
};

// InvalidInput naming the figure when a limit is below 1 or a quiet-hours bound is not a time of day.
Result<ContactRuleSettings> checkContactRuleSettings(const ContactRuleSettings& settings);

// The contact an officer is about to make or log.
struct ProposedContact {
    ContactParty who = ContactParty::Borrower;  // borrower, guarantor or third party (None is refused)
    std::string relation;                       // a third party's relation to the borrower (required for one)
    ContactChannel channel = ContactChannel::Call;
    std::string numberId;  // the case's number to be used; required for a call or an SMS
    Date date{};           // local date and time, Asia/Shanghai
    ClockTime time;
    bool borrowerUnreachable = false;  // the borrower cannot be reached (a third party needs this)
    std::string exceptionReason;       // why a rule that permits exceptions may be set aside this time
};

// The rules the guard applies; each refusal and each exception names one. `Details` is the contact not being
// described well enough to judge (nobody chosen, no number for a call or an SMS).
enum class ContactRule { Details, QuietHours, UnansweredCallsPerNumber, ConversationsPerCustomer, ThirdParty };

inline constexpr CodeTable<ContactRule, 5> kContactRuleCodes{{
    {ContactRule::Details, "details"},
    {ContactRule::QuietHours, "quiet_hours"},
    {ContactRule::UnansweredCallsPerNumber, "unanswered_calls_per_number"},
    {ContactRule::ConversationsPerCustomer, "conversations_per_customer"},
    {ContactRule::ThirdParty, "third_party"},
}};

// The rule's name, for the list of exceptions and the settings form.
MessageId contactRuleName(ContactRule rule);

// Only the quiet hours may be set aside, and only because the customer asked for that time (DOMAIN.md 5:
// "unless the customer agreed to that time"). The daily limits and the third-party rule have no exception.
constexpr bool ruleAllowsException(ContactRule rule)
{
    return rule == ContactRule::QuietHours;
}

struct ContactRefusal {
    ContactRule rule{};
    Error error;  // the message id naming the rule, with the figures
};

// The guard's answer. An allowed contact may carry an exception, which the log stores with its reason and
// the audit trail lists for supervisors.
struct ContactDecision {
    std::vector<ContactRefusal> refusals;  // every rule the contact breaks, in the order above
    std::optional<ContactRule> exception;  // the rule set aside, when one was
    std::string exceptionReason;           // trimmed, as it will be stored
    bool mayDiscloseDebt = true;           // false for anyone but the borrower (message_template.h)
    int unansweredCallsToNumber = 0;       // the figures the guard counted, for the log form
    int conversationsToday = 0;

    bool allowed() const { return refusals.empty(); }
    bool exceptionUsed() const { return exception.has_value(); }
};

// Every rule checked. `earlier`: the day's contacts with the same customer, any order, any source.
ContactDecision evaluateContact(const ProposedContact& contact, std::span<const DayContact> earlier,
                                const ContactRuleSettings& settings = {});

// The same as a Result: the decision when allowed, else the first refusal's Error.
Result<ContactDecision> checkContact(const ProposedContact& contact, std::span<const DayContact> earlier,
                                     const ContactRuleSettings& settings = {});

}  // namespace doorstep
