#include "domain/plans/plan_adherence.h"

#include <algorithm>

namespace doorstep {

Result<void> validateAdherenceSettings(const AdherenceSettings& settings)
{
    if (settings.brokenAfterDays < 1 || settings.brokenAfterDays > 365)
        return fail(ErrorCode::InvalidInput, MessageId{"plan.broken_after_range"},
                    {MessageArg::number("days", settings.brokenAfterDays)});
    return {};
}

Adherence assessAdherence(std::span<const PlanInstalment> instalments, std::span<const Payment> payments, Date asOf,
                          const AdherenceSettings& settings)
{
    Adherence out;
    out.instalments.reserve(instalments.size());
    for (const PlanInstalment& i : instalments) {
        InstalmentPayment row;
        row.sequence = i.sequence;
        row.dueDate = i.dueDate;
        row.due = i.payment();
        out.instalments.push_back(row);
    }

    std::vector<const Payment*> ordered;
    for (const Payment& p : payments) {
        if (p.paidOn <= asOf) ordered.push_back(&p);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Payment* a, const Payment* b) { return a->paidOn < b->paidOn; });

    // Oldest first: each payment fills the oldest instalment not yet fully paid, then the next.
    std::size_t next = 0;
    const auto skipSettled = [&] {
        while (next < out.instalments.size() && out.instalments[next].settled())
            ++next;
    };
    skipSettled();
    for (const Payment* p : ordered) {
        Money left = max(p->amount, kZeroMoney);
        while (left.isPositive() && next < out.instalments.size()) {
            InstalmentPayment& inst = out.instalments[next];
            const Money part = min(left, inst.due - inst.paid);
            inst.paid += part;
            left -= part;
            if (inst.settled()) {
                inst.paidInFullOn = p->paidOn;
                ++next;
                skipSettled();
            }
        }
        out.surplus += left;
    }

    for (const InstalmentPayment& inst : out.instalments) {
        if (inst.settled()) ++out.paidInstalments;
    }
    if (next == out.instalments.size()) {
        out.status = AdherenceStatus::Kept;
        return out;
    }
    const InstalmentPayment& oldest = out.instalments[next];
    out.oldestUnpaid = oldest.sequence;
    out.daysLate = std::max(0, daysBetween(oldest.dueDate, asOf));
    if (out.daysLate > settings.brokenAfterDays)
        out.status = AdherenceStatus::Broken;
    else if (out.daysLate > 0)
        out.status = AdherenceStatus::Late;
    return out;
}

bool scheduleCarriesPlan(std::span<const Instalment> schedule, std::span<const PlanInstalment> plan)
{
    bool asksForPayment = false;
    for (const PlanInstalment& p : plan) {
        if (p.payment() <= Money{}) continue;
        asksForPayment = true;
        const bool carried = std::ranges::any_of(schedule, [&](const Instalment& i) {
            return i.dueDate == p.dueDate && i.principalDue == p.principal && i.interestDue == p.interest;
        });
        if (!carried) return false;
    }
    return asksForPayment;
}

std::optional<ProposalMove> adherenceMove(AdherenceStatus status)
{
    switch (status) {
    case AdherenceStatus::Kept: return ProposalMove::MarkKept;
    case AdherenceStatus::Broken: return ProposalMove::MarkBroken;
    case AdherenceStatus::OnTrack:
    case AdherenceStatus::Late: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace doorstep
