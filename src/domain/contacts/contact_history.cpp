#include "domain/contacts/contact_history.h"

#include "domain/shared/code_table.h"

#include <array>
#include <utility>

namespace doorstep {
namespace {

constexpr std::array<std::pair<ContactChannel, std::string_view>, 5> kChannels{{{ContactChannel::Call, "call"},
                                                                                {ContactChannel::Sms, "sms"},
                                                                                {ContactChannel::Visit, "visit"},
                                                                                {ContactChannel::Letter, "letter"},
                                                                                {ContactChannel::Other, "other"}}};
constexpr std::array<std::pair<ContactParty, std::string_view>, 4> kParties{
    {{ContactParty::None, "none"},
     {ContactParty::Borrower, "borrower"},
     {ContactParty::Guarantor, "guarantor"},
     {ContactParty::ThirdParty, "third_party"}}};
constexpr std::array<std::pair<ContactOutcome, std::string_view>, 6> kOutcomes{
    {{ContactOutcome::NoAnswer, "no_answer"},
     {ContactOutcome::WrongNumber, "wrong_number"},
     {ContactOutcome::Refused, "refused"},
     {ContactOutcome::Reached, "reached"},
     {ContactOutcome::PromiseToPay, "promise_to_pay"},
     {ContactOutcome::Paid, "paid"}}};

}  // namespace

bool isFailedContact(const ContactAttempt& a)
{
    return a.reached == ContactParty::None || a.outcome == ContactOutcome::NoAnswer ||
           a.outcome == ContactOutcome::WrongNumber;
}

std::string_view contactChannelName(ContactChannel c)
{
    return codeOf(kChannels, c);
}
std::optional<ContactChannel> parseContactChannel(std::string_view name)
{
    return codeLookup(kChannels, name);
}
std::string_view contactPartyName(ContactParty p)
{
    return codeOf(kParties, p);
}
std::optional<ContactParty> parseContactParty(std::string_view name)
{
    return codeLookup(kParties, name);
}
std::string_view contactOutcomeName(ContactOutcome o)
{
    return codeOf(kOutcomes, o);
}
std::optional<ContactOutcome> parseContactOutcome(std::string_view name)
{
    return codeLookup(kOutcomes, name);
}

}  // namespace doorstep
