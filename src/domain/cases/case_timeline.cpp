#include "domain/cases/case_timeline.h"

#include <algorithm>
#include <tuple>

namespace doorstep {
namespace {

// Among entries at the same moment, the order the list shows them in (lower first).
int kindRank(const TimelineFact& fact)
{
    return std::visit(
        [](const auto& f) {
            using T = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<T, TimelineAppointment>) return 0;
            if constexpr (std::is_same_v<T, QueueDecision>) return 1;
            if constexpr (std::is_same_v<T, TimelineContact>) return 2;
            return 3;
        },
        fact);
}

}  // namespace

std::vector<TimelineEntry> buildCaseTimeline(TimelineFacts facts, Date asOf, const ContactFactWindows& windows)
{
    std::vector<TimelineEntry> entries;
    entries.reserve(facts.contacts.size() + facts.payments.size() + facts.appointments.size() + 1);
    for (TimelineContact& c : facts.contacts) {
        const bool promised = c.attempt.outcome == ContactOutcome::PromiseToPay && c.attempt.promisedDate &&
                              c.attempt.promisedAmount.isPositive();
        c.promise = promised ? promiseStatus(c.attempt, facts.payments, asOf, windows).value_or(PromiseStatus::Pending)
                             : std::optional<PromiseStatus>{};
        const Date date = c.attempt.date;
        const ClockTime time{c.attempt.minuteOfDay};
        entries.push_back({date, time, std::move(c)});
    }
    for (const Payment& p : facts.payments)
        entries.push_back({p.paidOn, std::nullopt, p});
    if (facts.decision) entries.push_back({facts.decision->at.date, facts.decision->at.time, *facts.decision});
    for (TimelineAppointment& a : facts.appointments) {
        const Date date = a.appointment.date;
        const ClockTime time = a.appointment.start;
        entries.push_back({date, time, std::move(a)});
    }
    const auto key = [](const TimelineEntry& e) {
        return std::tuple(e.date, e.time ? e.time->minutes : -1, -kindRank(e.fact));
    };
    std::ranges::stable_sort(entries, [&](const TimelineEntry& a, const TimelineEntry& b) { return key(b) < key(a); });
    return entries;
}

}  // namespace doorstep
