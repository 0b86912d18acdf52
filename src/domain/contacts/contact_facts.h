#pragma once
// What the contact history says about one borrower as of a date, as counts the screening rules read
// (DOMAIN.md section 4: failed calls, broken promises to pay, visits already made). The facts depend only
// on what happened, never on where it was recorded: an attempt from the call centre's extract and the
// same attempt from Doorstep's own log give the same facts (issue 4).
#include "domain/contacts/contact_history.h"
#include "domain/contacts/promise_tracking.h"
#include "domain/portfolio/portfolio.h"
#include "domain/shared/calendar.h"

#include <optional>
#include <span>

namespace doorstep {

// Every window is in days and counts both ends: an event d days before asOf is inside a window of w days
// when 0 <= d <= w. Events dated after asOf are ignored, so the facts as of a past date can be rebuilt.
struct ContactFactWindows {
    int failedContactDays = 14;    // issue 4: "several failed contacts in the last 14 days"
    int promiseLookbackDays = 90;  // promises made this long ago or less are counted
    int promiseGraceDays = 3;      // a payment up to this many days after the promised date still keeps it
};

struct ContactFacts {
    int failedContacts = 0;           // isFailedContact() attempts inside the failed-contact window
    int brokenPromises = 0;           // promise day + grace has passed and the payments fall short
    int keptPromises = 0;             // payments from the contact day to promise day + grace reach the amount
    int openPromises = 0;             // not yet kept, promise day + grace not yet passed
    std::optional<Date> lastContact;  // latest attempt that reached someone (any channel)
    std::optional<Date> lastVisit;    // latest Visit that reached someone
    int failedContactDays = 14;       // the window failedContacts was counted in, for explanations

    friend bool operator==(const ContactFacts&, const ContactFacts&) = default;
};

// Where one promise to pay stands as of a date, by domain/contacts/promise_tracking.h (the rule contactFacts counts by:
// kept, broken, else open).
// None for an attempt that is not a promise (outcome PromiseToPay with a positive amount and a date) or is
// dated after asOf. `payments` as for contactFacts.
std::optional<PromiseStatus> promiseStatus(const ContactAttempt& attempt, std::span<const Payment> payments, Date asOf,
                                           const ContactFactWindows& windows = {});

// attempts: the borrower's contacts, any order, any source. payments: the borrower's payments on all
// their loans (the caller gathers them), any order; non-positive payments are ignored. A promise is an
// attempt with outcome PromiseToPay, a positive promisedAmount and a promisedDate; one payment may count
// towards several promises (each promise is judged on the money that arrived in its own period).
ContactFacts contactFacts(std::span<const ContactAttempt> attempts, std::span<const Payment> payments, Date asOf,
                          const ContactFactWindows& windows = {});

}  // namespace doorstep
