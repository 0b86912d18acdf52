#include "domain/contact_history.h"

#include <array>
#include <utility>

namespace doorstep {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name)
{
    for (const auto& [value, text] : table) {
        if (text == name) return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [v, text] : table) {
        if (v == value) return text;
    }
    return {};
}

constexpr std::array<std::pair<ContactChannel, std::string_view>, 5> kChannels{{{ContactChannel::Call, "call"},
                                                                                {ContactChannel::Sms, "sms"},
                                                                                {ContactChannel::Visit, "visit"},
                                                                                {ContactChannel::Letter, "letter"},
                                                                                {ContactChannel::Other, "other"}}};
constexpr std::array<std::pair<ContactParty, std::string_view>, 4> kParties{{{ContactParty::None, "none"},
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

std::string_view contactChannelName(ContactChannel c) { return nameOf(kChannels, c); }
std::optional<ContactChannel> parseContactChannel(std::string_view name) { return lookup(kChannels, name); }
std::string_view contactPartyName(ContactParty p) { return nameOf(kParties, p); }
std::optional<ContactParty> parseContactParty(std::string_view name) { return lookup(kParties, name); }
std::string_view contactOutcomeName(ContactOutcome o) { return nameOf(kOutcomes, o); }
std::optional<ContactOutcome> parseContactOutcome(std::string_view name) { return lookup(kOutcomes, name); }

}  // namespace doorstep
