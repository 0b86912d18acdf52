#include "domain/plans/plan_schedule.h"

#include "domain/portfolio/amortization.h"

namespace doorstep {
namespace {

constexpr std::int64_t kMaxRateMicros = 10'000'000;  // 1000 % a year, as amortization.h allows

// amount / parts rounded half-up, for amount >= 0 and parts > 0.
Money shareHalfUp(Money amount, int parts)
{
    return Money{(amount.fen * 2 + parts) / (2 * std::int64_t{parts})};
}

std::unexpected<Error> invalid(MessageId id, MessageArgs args = {})
{
    return fail(ErrorCode::InvalidInput, id, std::move(args));
}

Result<void> validateDebt(const OutstandingDebt& debt, const Waiver& waiver)
{
    for (Money m : {debt.principal, debt.interest, debt.penalty, debt.compound, waiver.penalty, waiver.compound}) {
        if (m < kZeroMoney) return invalid(MessageId{"plan.amount_negative"});
        if (m > kMaxPlanAmount)
            return invalid(MessageId{"plan.amount_too_large"}, {MessageArg::money("max", kMaxPlanAmount)});
    }
    if (debt.total() > kMaxPlanAmount)
        return invalid(MessageId{"plan.amount_too_large"}, {MessageArg::money("max", kMaxPlanAmount)});
    if (waiver.penalty > debt.penalty) {
        return invalid(MessageId{"plan.waiver_above_owed"},
                       {MessageArg::ref("what", MessageId{"plan.word.penalty"}),
                        MessageArg::money("amount", waiver.penalty), MessageArg::money("owed", debt.penalty)});
    }
    if (waiver.compound > debt.compound) {
        return invalid(MessageId{"plan.waiver_above_owed"},
                       {MessageArg::ref("what", MessageId{"plan.word.compound"}),
                        MessageArg::money("amount", waiver.compound), MessageArg::money("owed", debt.compound)});
    }
    if (!(debt.total() - waiver.total()).isPositive()) return invalid(MessageId{"plan.nothing_to_repay"});
    return {};
}

Result<void> validateSchedule(RepaymentMethod method, AnnualRate rate, int months)
{
    if (method == RepaymentMethod::InterestOnlyBullet) return invalid(MessageId{"plan.method"});
    if (rate.micros < 0 || rate.micros > kMaxRateMicros) return invalid(MessageId{"plan.rate_range"});
    if (months < 1 || months > kMaxTermMonths) {
        return invalid(MessageId{"plan.term_range"},
                       {MessageArg::number("max", kMaxTermMonths), MessageArg::number("months", months)});
    }
    return {};
}

// Every instalment but the last pays the level amount (annuity: the level payment; equal principal: the
// level principal part), and the last one's is above zero and below twice the level: what rounding each
// instalment to the fen leaves over is less than one instalment. A small amount over a long term (or a
// long term at a high rate, where the rounding compounds) breaks this: the balance would run out before
// the last instalment, or the last would carry a second one. Such a plan is refused; a shorter term works.
bool reconcilesWithinOneInstalment(const std::vector<Instalment>& schedule, Money principal, const Reamortisation& r)
{
    const bool annuity = r.method == RepaymentMethod::EqualInstalment;
    const Money level =
        annuity ? annuityPayment(principal, r.rate, r.termMonths) : shareHalfUp(principal, r.termMonths);
    const auto amount = [annuity](const Instalment& i) {
        return annuity ? i.principalDue + i.interestDue : i.principalDue;
    };
    for (std::size_t k = 0; k + 1 < schedule.size(); ++k) {
        if (amount(schedule[k]) != level) return false;
    }
    const Money last = amount(schedule.back());
    return last.isPositive() && last < level + level;
}

// The instalments of a (grace period then) re-amortisation of `financed`.
Result<std::vector<PlanInstalment>> amortise(Money financed, const Reamortisation& r, Date start)
{
    if (r.graceMonths < 0 || r.termMonths < 1 || r.graceMonths > kMaxTermMonths || r.termMonths > kMaxTermMonths) {
        return invalid(MessageId{"plan.term_range"},
                       {MessageArg::number("max", kMaxTermMonths),
                        MessageArg::number("months", std::int64_t{r.graceMonths} + r.termMonths)});
    }
    if (auto ok = validateSchedule(r.method, r.rate, r.graceMonths + r.termMonths); !ok)
        return std::unexpected(std::move(ok.error()));

    std::vector<PlanInstalment> out;
    out.reserve(static_cast<std::size_t>(r.graceMonths) + static_cast<std::size_t>(r.termMonths));
    Money balance = financed;
    Money deferred;
    for (int g = 1; g <= r.graceMonths; ++g) {
        PlanInstalment row;
        row.sequence = g;
        row.dueDate = addMonthsClamped(start, g);
        const Money interest = monthlyInterest(balance, r.rate);
        if (r.graceMode == GraceMode::InterestOnly) {
            row.interest = interest;
        } else if (r.graceInterest == GraceInterest::Capitalise) {
            row.capitalised = interest;
            balance += interest;
            if (balance > kMaxPlanAmount)
                return invalid(MessageId{"plan.amount_too_large"}, {MessageArg::money("max", kMaxPlanAmount)});
        } else {
            deferred += interest;
        }
        row.balance = balance;
        out.push_back(row);
    }

    auto schedule = buildSchedule(ScheduleTerms{
        .principal = balance, .rate = r.rate, .startDate = start, .termMonths = r.termMonths, .method = r.method});
    if (!schedule) return std::unexpected(std::move(schedule.error()));
    if (!reconcilesWithinOneInstalment(*schedule, balance, r))
        return invalid(MessageId{"plan.term_too_long"}, {MessageArg::number("months", r.termMonths)});
    // Deferred interest: an equal share with each instalment, never more than is left; the last takes the rest.
    const Money share = shareHalfUp(deferred, r.termMonths);
    Money deferredLeft = deferred;
    for (const Instalment& inst : *schedule) {
        const int sequence = r.graceMonths + inst.sequence;
        const Money extra = inst.sequence == r.termMonths ? deferredLeft : min(share, deferredLeft);
        deferredLeft -= extra;
        balance -= inst.principalDue;
        out.push_back(PlanInstalment{.sequence = sequence,
                                     // Counted from the plan's start, not from the end of the grace:
                                     // a start on 31 January keeps the 31st in every month that has one.
                                     .dueDate = addMonthsClamped(start, sequence),
                                     .principal = inst.principalDue,
                                     .interest = inst.interestDue + extra,
                                     .capitalised = kZeroMoney,
                                     .balance = balance});
    }
    return out;
}

Result<std::vector<PlanInstalment>> settle(Money financed, const Settlement& s, Date start)
{
    if (s.instalments < 1 || s.instalments > kMaxSettlementInstalments) {
        return invalid(MessageId{"plan.settlement_instalments"}, {MessageArg::number("max", kMaxSettlementInstalments),
                                                                  MessageArg::number("count", s.instalments)});
    }
    if (s.discount < kZeroMoney || s.discount >= financed)
        return invalid(MessageId{"plan.discount_range"}, {MessageArg::money("amount", financed)});
    const Money amount = financed - s.discount;
    const Money share = shareHalfUp(amount, s.instalments);
    std::vector<PlanInstalment> out;
    Money left = amount;
    for (int k = 1; k <= s.instalments; ++k) {
        const Money part = k == s.instalments ? left : min(share, left);
        left -= part;
        PlanInstalment row;
        row.sequence = k;
        row.dueDate = addMonthsClamped(start, k - 1);
        row.principal = part;
        row.balance = left;
        out.push_back(row);
    }
    return out;
}

}  // namespace

PlanKind planKind(const PlanTerms& terms)
{
    if (const auto* r = std::get_if<Reamortisation>(&terms.shape))
        return r->graceMonths > 0 ? PlanKind::GracePeriod : PlanKind::Reamortisation;
    if (std::holds_alternative<TermExtension>(terms.shape)) return PlanKind::TermExtension;
    return PlanKind::Settlement;
}

MessageId planKindName(PlanKind kind)
{
    switch (kind) {
    case PlanKind::Reamortisation: return MessageId{"plan.kind.reamortisation"};
    case PlanKind::GracePeriod: return MessageId{"plan.kind.grace_period"};
    case PlanKind::TermExtension: return MessageId{"plan.kind.term_extension"};
    case PlanKind::Settlement: return MessageId{"plan.kind.settlement"};
    }
    return MessageId{"plan.kind.reamortisation"};
}

Result<Plan> buildPlan(const OutstandingDebt& debt, const PlanTerms& terms)
{
    if (auto ok = validateDebt(debt, terms.waiver); !ok) return std::unexpected(std::move(ok.error()));
    if (!terms.start.ok()) return invalid(MessageId{"plan.start_date"});

    Plan plan;
    plan.kind = planKind(terms);
    plan.contractual = debt.total();
    plan.waivedInterest = terms.waiver.total();
    const Money financed = plan.contractual - plan.waivedInterest;

    Result<std::vector<PlanInstalment>> rows;
    if (const auto* r = std::get_if<Reamortisation>(&terms.shape)) {
        rows = amortise(financed, *r, terms.start);
    } else if (const auto* e = std::get_if<TermExtension>(&terms.shape)) {
        if (e->remainingMonths < 0 || e->extensionMonths < 1 || e->remainingMonths > kMaxTermMonths ||
            e->extensionMonths > kMaxTermMonths)
            return invalid(MessageId{"plan.extension_range"}, {MessageArg::number("max", kMaxTermMonths)});
        rows = amortise(
            financed,
            Reamortisation{.method = e->method, .rate = e->rate, .termMonths = e->remainingMonths + e->extensionMonths},
            terms.start);
    } else {
        const auto& s = std::get<Settlement>(terms.shape);
        rows = settle(financed, s, terms.start);
        if (rows) plan.discount = s.discount;
    }
    if (!rows) return std::unexpected(std::move(rows.error()));
    plan.instalments = std::move(*rows);
    plan.financed = plan.contractual - plan.waived();
    return plan;
}

}  // namespace doorstep
