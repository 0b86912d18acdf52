#include "domain/contact_facts.h"

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

// Payments dated from..to (both included), never after asOf.
Money paidBetween(std::span<const Payment> payments, Date from, Date to)
{
    Money total;
    for (const Payment& p : payments) {
        if (p.amount.isPositive() && !(p.paidOn < from) && !(to < p.paidOn)) total += p.amount;
    }
    return total;
}

}  // namespace

std::optional<PromiseStatus> promiseStatus(const ContactAttempt& a, std::span<const Payment> payments, Date asOf,
                                           const ContactFactWindows& windows)
{
    if (a.outcome != ContactOutcome::PromiseToPay || !a.promisedDate || !a.promisedAmount.isPositive() || asOf < a.date)
        return std::nullopt;
    const Date deadline = addDays(*a.promisedDate, windows.promiseGraceDays);
    const Date countUntil = std::min(deadline, asOf);
    if (paidBetween(payments, a.date, countUntil) >= a.promisedAmount) return PromiseStatus::Kept;
    if (deadline < asOf) return PromiseStatus::Broken;
    return PromiseStatus::Pending;
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
        switch (*promise) {
        case PromiseStatus::Kept: ++facts.keptPromises; break;
        case PromiseStatus::Broken: ++facts.brokenPromises; break;
        case PromiseStatus::Pending: ++facts.openPromises; break;
        }
    }
    return facts;
}

}  // namespace doorstep
