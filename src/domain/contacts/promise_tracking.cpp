#include "domain/contacts/promise_tracking.h"

#include <algorithm>

namespace doorstep {

PromiseCheck trackPromise(const Promise& promise, std::span<const Payment> payments, Date asOf, int graceDays)
{
    PromiseCheck check;
    check.lastDayToPay = addDays(promise.due, graceDays);
    const Date countUntil = std::min(check.lastDayToPay, asOf);
    for (const Payment& p : payments) {
        if (p.amount.isPositive() && !(p.paidOn < promise.madeOn) && !(countUntil < p.paidOn)) check.paid += p.amount;
    }
    if (check.paid >= promise.amount) {
        check.status = PromiseStatus::Kept;
    } else if (check.lastDayToPay < asOf) {
        check.status = PromiseStatus::Broken;
    } else if (asOf == promise.due) {
        check.status = PromiseStatus::DueToday;
    } else if (promise.due < asOf) {
        check.status = PromiseStatus::Grace;
    } else {
        check.status = PromiseStatus::Pending;
    }
    return check;
}

MessageId promiseStatusName(PromiseStatus status)
{
    switch (status) {
    case PromiseStatus::Pending: return MessageId{"promise.status.pending"};
    case PromiseStatus::DueToday: return MessageId{"promise.status.due_today"};
    case PromiseStatus::Grace: return MessageId{"promise.status.grace"};
    case PromiseStatus::Kept: return MessageId{"promise.status.kept"};
    case PromiseStatus::Broken: return MessageId{"promise.status.broken"};
    }
    return MessageId{"promise.status.pending"};
}

}  // namespace doorstep
