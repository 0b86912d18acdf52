#include "domain/contacts/contact_facts.h"

#include "domain/contacts/promise_tracking.h"

#include <algorithm>

namespace doorstep {
namespace {

bool inWindow(Date event, Date asOf, int days)
{
    const int age = daysBetween(event, asOf);
    return age >= 0 && age <= days;
}

void keepLatest(std::optional<Date>& slot, Date date)
{
    if (!slot || *slot < date) slot = date;
}

}  // namespace

std::optional<PromiseStatus> promiseStatus(const ContactAttempt& a, std::span<const Payment> payments, Date asOf,
                                           const ContactFactWindows& windows)
{
    if (a.outcome != ContactOutcome::PromiseToPay || !a.promisedDate || !a.promisedAmount.isPositive() || asOf < a.date)
        return std::nullopt;
    return trackPromise(Promise{a.date, a.promisedAmount, *a.promisedDate}, payments, asOf, windows.promiseGraceDays)
        .status;
}

ContactFacts contactFacts(std::span<const ContactAttempt> attempts, std::span<const Payment> payments, Date asOf,
                          const ContactFactWindows& windows)
{
    ContactFacts facts;
    facts.failedContactDays = windows.failedContactDays;
    for (const ContactAttempt& a : attempts) {
        if (asOf < a.date) continue;
        if (isFailedContact(a)) {
            if (inWindow(a.date, asOf, windows.failedContactDays)) ++facts.failedContacts;
        } else {
            keepLatest(facts.lastContact, a.date);
        }
        // A visit counts when someone was met, whatever the outcome of the talk.
        if (a.channel == ContactChannel::Visit && a.reached != ContactParty::None) keepLatest(facts.lastVisit, a.date);
        if (!inWindow(a.date, asOf, windows.promiseLookbackDays)) continue;
        const auto promise = promiseStatus(a, payments, asOf, windows);
        if (!promise) continue;
        if (*promise == PromiseStatus::Kept) {
            ++facts.keptPromises;
        } else if (*promise == PromiseStatus::Broken) {
            ++facts.brokenPromises;
        } else {
            ++facts.openPromises;
        }
    }
    return facts;
}

}  // namespace doorstep
