#pragma once
// A promise to pay (issue 11), made in a call or at a visit: the amount by a date. As of a day it is kept when
// the payments from the day it was made up to the promised date plus the grace days reach the amount; broken
// when that last day has passed and they fall short; otherwise due later, due today, or past its date but
// still within the grace days. Screening counts kept and broken promises this way whichever channel the
// promise came from (contact_facts.h). Pure: the caller passes the borrower's payments.
#include "domain/portfolio/portfolio.h"
#include "domain/shared/calendar.h"
#include "domain/shared/code_table.h"
#include "domain/shared/money.h"

#include <span>

namespace doorstep {

enum class PromiseStatus {
    Pending,   // the promised date is still ahead
    DueToday,  // the promised date is today, not yet paid in full
    Grace,     // the promised date has passed; the grace days have not
    Kept,      // paid in full, from the day it was made to the promised date + grace
    Broken,    // the promised date + grace has passed and the payments fall short
};

inline constexpr CodeTable<PromiseStatus, 5> kPromiseStatusCodes{{
    {PromiseStatus::Pending, "pending"},
    {PromiseStatus::DueToday, "due_today"},
    {PromiseStatus::Grace, "grace"},
    {PromiseStatus::Kept, "kept"},
    {PromiseStatus::Broken, "broken"},
}};

struct Promise {
    Date madeOn{};  // the day of the call or visit
    Money amount;
    Date due{};
};

struct PromiseCheck {
    PromiseStatus status = PromiseStatus::Pending;
    Money paid;           // the payments counted towards it (from madeOn to min(due + grace, asOf))
    Date lastDayToPay{};  // due + grace
    friend bool operator==(const PromiseCheck&, const PromiseCheck&) = default;
};

// `payments` in any order, the borrower's on all their loans; amounts of zero or less are ignored, and so
// are payments dated after `asOf` (they have not happened yet). One payment may count towards several
// promises: each is judged on the money that arrived in its own period.
PromiseCheck trackPromise(const Promise& promise, std::span<const Payment> payments, Date asOf, int graceDays);

MessageId promiseStatusName(PromiseStatus status);

}  // namespace doorstep
