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
        if (a.outcome != ContactOutcome::PromiseToPay || !a.promisedDate || !a.promisedAmount.isPositive() ||
            !inWindow(a.date, asOf, windows.promiseLookbackDays))
            continue;
        const Date deadline = addDays(*a.promisedDate, windows.promiseGraceDays);
        const Date countUntil = std::min(deadline, asOf);
        if (paidBetween(payments, a.date, countUntil) >= a.promisedAmount) {
            ++facts.keptPromises;
        } else if (deadline < asOf) {
            ++facts.brokenPromises;
        } else {
            ++facts.openPromises;
        }
    }
    return facts;
}

}  // namespace doorstep
