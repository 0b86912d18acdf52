#include "domain/plans/plan_comparison.h"

namespace doorstep {
namespace {

__extension__ using Int128 = __int128;

constexpr std::int64_t kWhole = 10'000;  // basis points in one

// numerator / denominator rounded half-up, for numerator >= 0 and denominator > 0.
std::int64_t ratioHalfUp(Int128 numerator, Int128 denominator)
{
    return static_cast<std::int64_t>((numerator * 2 + denominator) / (denominator * 2));
}

}  // namespace

PlanFigures planFigures(const Plan& plan)
{
    PlanFigures f;
    f.months = static_cast<int>(plan.instalments.size());
    if (!plan.instalments.empty()) f.firstInstalment = plan.instalments.front().payment();
    for (const PlanInstalment& i : plan.instalments) {
        f.largestInstalment = max(f.largestInstalment, i.payment());
        f.totalPaid += i.payment();
    }
    f.totalInterest = f.totalPaid - plan.financed;
    f.waived = plan.waived();
    f.recovered = plan.contractual - f.waived;
    if (plan.contractual.isPositive())
        f.recoveryBasisPoints = ratioHalfUp(Int128{f.recovered.fen} * kWhole, plan.contractual.fen);
    return f;
}

Result<void> validateAffordabilitySettings(const AffordabilitySettings& settings)
{
    if (settings.limitPercent < 1 || settings.limitPercent > 100)
        return fail(ErrorCode::InvalidInput, MessageId{"plan.affordability_limit"},
                    {MessageArg::number("limit", settings.limitPercent)});
    return {};
}

Affordability assessAffordability(const Plan& plan, const Household& household, const AffordabilitySettings& settings)
{
    Affordability a;
    a.disposable = household.monthlyIncome - household.monthlyExpenses;
    Money lumpLeft = max(household.lumpSum, kZeroMoney);
    for (const PlanInstalment& i : plan.instalments) {
        const Money fromLump = min(lumpLeft, i.payment());
        lumpLeft -= fromLump;
        a.heaviest = max(a.heaviest, i.payment() - fromLump);
    }
    if (a.disposable.isPositive()) {
        a.shareBasisPoints = ratioHalfUp(Int128{a.heaviest.fen} * kWhole, a.disposable.fen);
        a.affordable = Int128{a.heaviest.fen} * 100 <= Int128{settings.limitPercent} * a.disposable.fen;
    } else {
        a.affordable = a.heaviest.isZero();
    }
    return a;
}

PlanSuggestion suggestPlan(std::span<const PlanOptionSummary> options, const AffordabilitySettings& settings)
{
    const MessageArg limit = MessageArg::text("limit", formatBasisPoints(std::int64_t{settings.limitPercent} * 100));
    if (options.empty()) return {std::nullopt, {MessageId{"plan.suggest.no_options"}, {}}};
    std::optional<std::size_t> best;
    const auto better = [](const PlanFigures& a, const PlanFigures& b) {
        if (a.recovered != b.recovered) return a.recovered > b.recovered;
        if (a.months != b.months) return a.months < b.months;
        return a.largestInstalment < b.largestInstalment;
    };
    bool anyIncome = false;
    for (std::size_t k = 0; k < options.size(); ++k) {
        const Affordability& a = options[k].affordability;
        anyIncome = anyIncome || a.disposable.isPositive();
        if (!a.affordable) continue;
        if (!best || better(options[k].figures, options[*best].figures)) best = k;
    }
    if (!best) {
        if (!anyIncome) return {std::nullopt, {MessageId{"plan.suggest.no_income"}, {}}};
        return {std::nullopt, {MessageId{"plan.suggest.none_affordable"}, {limit}}};
    }
    const PlanOptionSummary& chosen = options[*best];
    MessageArgs args{MessageArg::number("option", static_cast<std::int64_t>(*best) + 1),
                     MessageArg::money("recovered", chosen.figures.recovered),
                     MessageArg::text("recovery", formatBasisPoints(chosen.figures.recoveryBasisPoints))};
    if (!chosen.affordability.shareBasisPoints)
        return {best, {MessageId{"plan.suggest.best_lump_sum"}, std::move(args)}};
    args.push_back(MessageArg::money("instalment", chosen.affordability.heaviest));
    args.push_back(MessageArg::text("share", formatBasisPoints(*chosen.affordability.shareBasisPoints)));
    args.push_back(limit);
    return {best, {MessageId{"plan.suggest.best"}, std::move(args)}};
}

std::string formatBasisPoints(std::int64_t basisPoints)
{
    const bool negative = basisPoints < 0;
    const std::int64_t v = negative ? -basisPoints : basisPoints;
    std::string out = (negative ? "-" : "") + groupThousands(v / 100);
    if (const std::int64_t cents = v % 100; cents != 0) {
        out += '.';
        out += static_cast<char>('0' + cents / 10);
        if (cents % 10 != 0) out += static_cast<char>('0' + cents % 10);
    }
    return out + "%";
}

}  // namespace doorstep
