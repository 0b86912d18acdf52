#include "domain/contacts/contact_rules.h"

#include <algorithm>

namespace doorstep {
namespace {

std::string trimmed(std::string_view text)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

bool isConversationChannel(ContactChannel channel)
{
    return channel == ContactChannel::Call || channel == ContactChannel::Visit;
}

void refuse(ContactDecision& decision, ContactRule rule, std::unexpected<Error> error)
{
    decision.refusals.push_back(ContactRefusal{rule, std::move(error).error()});
}

}  // namespace

ContactResult contactResultOf(ContactOutcome outcome)
{
    switch (outcome) {
    case ContactOutcome::NoAnswer: return ContactResult::NoAnswer;
    case ContactOutcome::WrongNumber: return ContactResult::WrongNumber;
    case ContactOutcome::Refused: return ContactResult::Refused;
    case ContactOutcome::Reached: return ContactResult::Reached;
    case ContactOutcome::PromiseToPay: return ContactResult::PromiseToPay;
    case ContactOutcome::Paid: return ContactResult::Paid;
    }
    return ContactResult::NoAnswer;
}

MessageId contactRuleName(ContactRule rule)
{
    switch (rule) {
    case ContactRule::Details: return MessageId{"contact_rule.name.details"};
    case ContactRule::QuietHours: return MessageId{"contact_rule.name.quiet_hours"};
    case ContactRule::UnansweredCallsPerNumber: return MessageId{"contact_rule.name.unanswered_calls_per_number"};
    case ContactRule::ConversationsPerCustomer: return MessageId{"contact_rule.name.conversations_per_customer"};
    case ContactRule::ThirdParty: return MessageId{"contact_rule.name.third_party"};
    }
    return MessageId{"contact_rule.name.details"};
}

bool isEffectiveConversation(const DayContact& c)
{
    if (!isConversationChannel(c.channel)) return false;
    if (c.reached != ContactParty::Borrower && c.reached != ContactParty::Guarantor) return false;
    switch (c.result) {
    case ContactResult::NoAnswer:
    case ContactResult::Busy:
    case ContactResult::WrongNumber:
    case ContactResult::MessageSent: return false;
    case ContactResult::Reached:
    case ContactResult::CallbackRequested:
    case ContactResult::AppointmentAgreed:
    case ContactResult::PromiseToPay:
    case ContactResult::Refused:
    case ContactResult::Paid: return true;
    }
    return false;
}

bool isUnansweredCall(const DayContact& c)
{
    return c.channel == ContactChannel::Call &&
           (c.result == ContactResult::NoAnswer || c.result == ContactResult::Busy);
}

DayContact dayContactOf(const ContactAttempt& a)
{
    return DayContact{a.date, a.channel, {}, a.reached, contactResultOf(a.outcome)};
}

Result<ContactRuleSettings> checkContactRuleSettings(const ContactRuleSettings& s)
{
    if (!s.quietHours.from.valid() || !s.quietHours.to.valid()) {
        return fail(ErrorCode::InvalidInput, MessageId{"contact_rule.setting_quiet_hours"});
    }
    if (s.maxUnansweredCallsPerNumber < 1) {
        return fail(ErrorCode::InvalidInput, MessageId{"contact_rule.setting_below_one"},
                    {MessageArg::ref("setting", MessageId{"contact_rule.name.unanswered_calls_per_number"})});
    }
    if (s.maxConversationsPerCustomer < 1) {
        return fail(ErrorCode::InvalidInput, MessageId{"contact_rule.setting_below_one"},
                    {MessageArg::ref("setting", MessageId{"contact_rule.name.conversations_per_customer"})});
    }
    return s;
}

ContactDecision evaluateContact(const ProposedContact& c, std::span<const DayContact> earlier,
                                const ContactRuleSettings& settings)
{
    ContactDecision d;
    const std::string reason = trimmed(c.exceptionReason);
    d.mayDiscloseDebt = c.who == ContactParty::Borrower;

    for (const DayContact& e : earlier) {
        if (e.date != c.date) continue;
        if (isUnansweredCall(e) && !c.numberId.empty() && (e.numberId.empty() || e.numberId == c.numberId))
            ++d.unansweredCallsToNumber;
        if (isEffectiveConversation(e)) ++d.conversationsToday;
    }

    if (c.who == ContactParty::None) {
        refuse(d, ContactRule::Details, fail(ErrorCode::InvalidInput, MessageId{"contact_rule.who_missing"}));
    }
    const bool byNumber = c.channel == ContactChannel::Call || c.channel == ContactChannel::Sms;
    if (byNumber && c.numberId.empty()) {
        refuse(d, ContactRule::Details, fail(ErrorCode::InvalidInput, MessageId{"contact_rule.number_missing"}));
    }

    if (!c.time.valid()) {
        refuse(d, ContactRule::Details, fail(ErrorCode::InvalidInput, MessageId{"clock.invalid"}));
    }

    // DOMAIN.md 5: no calls, messages or visits between 22:00 and 08:00 unless the customer agreed to that time.
    if (settings.quietHours.contains(c.time)) {
        if (reason.empty()) {
            refuse(d, ContactRule::QuietHours,
                   fail(ErrorCode::InvalidInput, MessageId{"contact_rule.quiet_hours"},
                        {MessageArg::text("time", formatClockTime(c.time)),
                         MessageArg::text("from", formatClockTime(settings.quietHours.from)),
                         MessageArg::text("to", formatClockTime(settings.quietHours.to))}));
        } else {
            d.exception = ContactRule::QuietHours;
            d.exceptionReason = reason;
        }
    }

    // At most 6 unanswered call attempts to one number a day: the 7th call is refused.
    if (c.channel == ContactChannel::Call && d.unansweredCallsToNumber >= settings.maxUnansweredCallsPerNumber) {
        refuse(d, ContactRule::UnansweredCallsPerNumber,
               fail(ErrorCode::InvalidInput, MessageId{"contact_rule.unanswered_calls"},
                    {MessageArg::number("count", d.unansweredCallsToNumber),
                     MessageArg::number("limit", settings.maxUnansweredCallsPerNumber)}));
    }

    // At most 3 effective conversations with one customer a day: a call or visit that could be the 4th is
    // refused. A message cannot be a conversation, so it is not counted against this limit.
    const bool toCustomer = c.who == ContactParty::Borrower || c.who == ContactParty::Guarantor;
    if (toCustomer && isConversationChannel(c.channel) &&
        d.conversationsToday >= settings.maxConversationsPerCustomer) {
        refuse(d, ContactRule::ConversationsPerCustomer,
               fail(ErrorCode::InvalidInput, MessageId{"contact_rule.conversations"},
                    {MessageArg::number("count", d.conversationsToday),
                     MessageArg::number("limit", settings.maxConversationsPerCustomer)}));
    }

    // A third party only when the borrower is unreachable, with the relation recorded.
    if (c.who == ContactParty::ThirdParty) {
        if (!c.borrowerUnreachable) {
            refuse(d, ContactRule::ThirdParty,
                   fail(ErrorCode::InvalidInput, MessageId{"contact_rule.third_party_borrower_reachable"}));
        }
        if (trimmed(c.relation).empty()) {
            refuse(d, ContactRule::ThirdParty,
                   fail(ErrorCode::InvalidInput, MessageId{"contact_rule.third_party_relation_missing"}));
        }
    }

    // An exception is only worth recording for a contact that happens.
    if (!d.allowed()) {
        d.exception.reset();
        d.exceptionReason.clear();
    }
    return d;
}

Result<ContactDecision> checkContact(const ProposedContact& contact, std::span<const DayContact> earlier,
                                     const ContactRuleSettings& settings)
{
    ContactDecision d = evaluateContact(contact, earlier, settings);
    if (!d.allowed()) return std::unexpected(d.refusals.front().error);
    return d;
}

}  // namespace doorstep
