#include "io/demo/synthetic_loans.h"

#include "domain/portfolio/amortization.h"

#include <algorithm>
#include <array>

namespace doorstep::io::synthetic {
namespace {

// Per million: 82 % current (74 + 8 caught up), then the arrears tail bucket by bucket.
constexpr std::array<int, kStandingCount> kStandingWeights{740'000, 80'000, 32'000, 48'000,
                                                           40'000,  25'000, 15'000, 20'000};
// The chance that a loan in arrears has received part of its oldest unpaid instalment, per million.
constexpr std::array<int, kStandingCount> kPartPaidChance{0, 0, 0, 300'000, 400'000, 350'000, 250'000, 100'000};

// Roughly the product mix of a city branch's personal book: mortgage, consumer, business, credit card.
constexpr std::array<int, 4> kProductWeights{15, 45, 15, 25};

constexpr std::array<int, 5> kMortgageTerms{120, 180, 240, 300, 360};
constexpr std::array<int, 5> kMortgageTermWeights{10, 15, 25, 15, 35};
constexpr std::array<int, 5> kShortTerms{12, 24, 36, 48, 60};
constexpr std::array<int, 5> kConsumerTermWeights{25, 25, 25, 10, 15};
constexpr std::array<int, 5> kBusinessTermWeights{30, 25, 25, 10, 10};

std::int64_t roundTo(std::int64_t value, std::int64_t step)
{
    return (value + step / 2) / step * step;
}

// Middle-heavy in [lo, hi]: the mean of two uniform draws, so most loans are mid-life.
int triangular(Random& random, int lo, int hi)
{
    if (hi <= lo) return lo;
    const int a = random.between(lo, hi);
    const int b = random.between(lo, hi);
    return (a + b + random.between(0, 1)) / 2;
}

void drawContract(Random& random, Loan& loan)
{
    loan.product = static_cast<Product>(random.weighted(kProductWeights));
    switch (loan.product) {
    case Product::Mortgage:
        loan.principal = Money::fromYuan(roundTo(random.skewedBetween(300'000, 3'000'000), 1000));
        loan.termMonths = kMortgageTerms[random.weighted(kMortgageTermWeights)];
        loan.contractRate =
            AnnualRate{random.between(std::int64_t{320}, std::int64_t{490}) * 100};  // LPR-linked, 3.20–4.90 %
        loan.method = random.chance(300'000) ? RepaymentMethod::EqualPrincipal : RepaymentMethod::EqualInstalment;
        break;
    case Product::Consumer:
        loan.principal = Money::fromYuan(roundTo(random.skewedBetween(5'000, 300'000), 100));
        loan.termMonths = kShortTerms[random.weighted(kConsumerTermWeights)];
        loan.contractRate = AnnualRate{roundTo(36'000 + random.skewedBetween(0, 144'000), 100)};  // 3.6–18 %
        loan.method = RepaymentMethod::EqualInstalment;
        if (random.chance(100'000) && loan.termMonths <= 24)
            loan.method = RepaymentMethod::InterestOnlyBullet;
        else if (random.chance(60'000))
            loan.method = RepaymentMethod::EqualPrincipal;
        break;
    case Product::Business:
        loan.principal = Money::fromYuan(roundTo(random.skewedBetween(50'000, 2'000'000), 1000));
        loan.termMonths = kShortTerms[random.weighted(kBusinessTermWeights)];
        loan.contractRate = AnnualRate{random.between(std::int64_t{345}, std::int64_t{800}) * 100};  // 3.45–8 %
        loan.method = RepaymentMethod::EqualInstalment;
        if (random.chance(350'000) && loan.termMonths <= 36)
            loan.method = RepaymentMethod::InterestOnlyBullet;
        else if (random.chance(250'000))
            loan.method = RepaymentMethod::EqualPrincipal;
        break;
    case Product::CreditCard:
        // A card balance converted into twelve monthly instalments (账单分期), to the fen.
        loan.principal = Money{random.skewedBetween(200'000, 8'000'000)};
        loan.termMonths = 12;
        loan.contractRate = AnnualRate{random.between(std::int64_t{1200}, std::int64_t{1800}) * 100};  // 12–18 %
        loan.method = RepaymentMethod::EqualInstalment;
        break;
    }
}

// The target days past due for a standing in arrears; `lateness` is a chronic late payer's habit.
int targetDpd(Random& random, Standing standing, int lateness)
{
    switch (standing) {
    case Standing::ChronicallyLate: return random.between(1, lateness - 1);
    case Standing::MissedLatest: return random.between(1, 30);
    case Standing::Overdue31to60: return random.between(31, 60);
    case Standing::Overdue61to90: return random.between(61, 90);
    case Standing::Overdue91to180: return random.between(91, 180);
    case Standing::Over180: return static_cast<int>(random.skewedBetween(181, 1100));
    case Standing::Current:
    case Standing::CaughtUp: break;
    }
    return 0;
}

Money total(const Instalment& inst)
{
    return inst.principalDue + inst.interestDue;
}

// Enough to settle the penalty and compound interest (DOMAIN.md section 3: contract rate + 50 %, daily at
// annual / 360) that `daysLate` days ran up on a whole instalment, with two days to spare: the
// delinquency engine takes them before interest and principal, so a payment of the bare instalment would
// leave it unsettled. Rounded up to the fen.
Money lateCharge(const Instalment& inst, AnnualRate rate, int daysLate)
{
    if (daysLate <= 0) return kZeroMoney;
    const std::int64_t numerator = total(inst).fen * rate.micros * 3 * (daysLate + 2);
    constexpr std::int64_t denominator = std::int64_t{2} * 360 * 1'000'000;
    return Money{(numerator + denominator - 1) / denominator};
}

class PaymentPlan {
public:
    PaymentPlan(GeneratedLoan& out, Date extractDate) : m_out(out), m_extract(extractDate) {}

    const Instalment& inst(int sequence) const { return m_out.schedule[static_cast<std::size_t>(sequence - 1)]; }
    int count() const { return static_cast<int>(m_out.schedule.size()); }
    Date due(int sequence) const { return inst(sequence).dueDate; }

    void pay(Date on, Money amount)
    {
        if (on > m_extract || !amount.isPositive()) return;  // never after the extract date
        m_out.payments.push_back(Payment{{}, m_out.loan.id, on, amount});
    }

    // Instalments [from, to] each on its due date or up to `earliest` days before; stops at the extract date.
    void punctual(Random& random, int from, int to, int earliest)
    {
        for (int k = from; k <= to; ++k) {
            const Date on = addDays(due(k), -random.between(0, earliest));
            if (on > m_extract) return;
            pay(on, total(inst(k)));
        }
    }

    // Instalments [from, to] each `days` late, with the penalty that ran up.
    void late(int from, int to, int days)
    {
        for (int k = from; k <= to; ++k) {
            if (days > m_out.worstPastLateDays) {
                m_out.worstPastLateDays = days;
                m_out.worstPastLateOn = addDays(due(k), days);
            }
            pay(addDays(due(k), days), total(inst(k)) + lateCharge(inst(k), m_out.loan.contractRate, days));
        }
    }

    // Instalments [1, before) paid on time, except that a run of one to three of them was missed once
    // and paid up in one go before the next fell due. Returns false (paying nothing) when there is no room.
    bool withCatchUp(Random& random, int before, int earliest)
    {
        const int missed = 1 + static_cast<int>(random.weighted(std::array<int, 3>{60, 30, 10}));
        const int last = std::min(before - 1, count());  // the last instalment to pay
        // The run and the first instalment paid on time after it both fall due by the extract date.
        int dueByExtract = 0;
        while (dueByExtract < last && due(dueByExtract + 1) <= m_extract)
            ++dueByExtract;
        if (dueByExtract - missed < 1) return false;
        const int first = random.between(1, dueByExtract - missed);  // the first one missed
        const int resumed = first + missed;                          // the first one paid on time again
        const int daysAfter = random.between(3, 22);
        const Date caughtUp = std::min(addDays(due(resumed - 1), daysAfter), addDays(due(resumed), -6));
        punctual(random, 1, first - 1, earliest);
        Money lump;
        for (int k = first; k < resumed; ++k)
            lump += total(inst(k)) + lateCharge(inst(k), m_out.loan.contractRate, daysBetween(due(k), caughtUp));
        pay(caughtUp, lump);
        m_out.worstPastLateDays = daysBetween(due(first), caughtUp);
        m_out.worstPastLateOn = caughtUp;
        punctual(random, resumed, last, earliest);
        return true;
    }

    // One to three payments that together settle at most half of the instalment, after it fell due.
    void partPay(Random& random, int sequence, int withinDays)
    {
        const Date from = addDays(due(sequence), 1);
        const Date to = std::min(m_extract, addDays(due(sequence), std::max(1, withinDays)));
        const int parts = random.between(1, 3);
        int previousOffset = -1;
        const int span = daysBetween(from, to);
        for (int p = 0; p < parts && previousOffset < span; ++p) {
            const int offset = random.between(previousOffset + 1, span);
            const int percent = random.between(10, 50 / parts);
            const Money amount =
                Money{std::max<std::int64_t>(100, total(inst(sequence)).fen * percent / 100 / 100 * 100)};
            pay(addDays(from, offset), amount);
            previousOffset = offset;
        }
    }

private:
    GeneratedLoan& m_out;
    Date m_extract;
};

}  // namespace

GeneratedLoan generateLoan(Random& random, const LoanRequest& request)
{
    GeneratedLoan out;
    Loan& loan = out.loan;
    loan.id = request.loanId;
    loan.borrowerId = request.borrowerId;
    loan.officer = request.officer;
    drawContract(random, loan);
    const int n = loan.termMonths;

    out.standing = static_cast<Standing>(random.weighted(kStandingWeights));
    if (request.previous && random.chance(400'000)) out.standing = *request.previous;

    // Dates: a current loan is `elapsed` instalments into its term; a loan in arrears has its oldest
    // unpaid instalment `firstUnpaid` fall due `dpd` days before the extract date.
    const Date extract = request.extractDate;
    const int lateness = random.between(5, 25);
    const int earliest = random.chance(500'000) ? 0 : random.between(1, 5);
    const int dpd = targetDpd(random, out.standing, lateness);
    int firstUnpaid = 0;
    if (dpd == 0) {
        const int elapsed = triangular(random, out.standing == Standing::CaughtUp ? std::min(4, n - 1) : 1, n - 1);
        loan.startDate = addDays(addMonthsClamped(extract, -elapsed), -random.between(0, 27));
    } else {
        const int monthsInArrears = dpd / 30;
        firstUnpaid = out.standing == Standing::Over180 ? random.between(1, n)
                                                        : triangular(random, 1, std::max(1, n - 1 - monthsInArrears));
        loan.startDate = addMonthsClamped(addDays(extract, -dpd), -firstUnpaid);
    }
    out.schedule = std::move(*buildSchedule(loan));  // the terms drawn above are always valid

    PaymentPlan plan(out, extract);
    switch (out.standing) {
    case Standing::Current: plan.punctual(random, 1, n, earliest); break;
    case Standing::CaughtUp:
        if (!plan.withCatchUp(random, n + 1, earliest)) {
            out.standing = Standing::Current;
            plan.punctual(random, 1, n, earliest);
        }
        break;
    case Standing::ChronicallyLate: {
        // On time until money got tight, three to twenty-four instalments ago.
        const int lateFrom = std::max(1, firstUnpaid - random.between(3, 24));
        plan.punctual(random, 1, lateFrom - 1, earliest);
        plan.late(lateFrom, firstUnpaid - 1, lateness);
        break;
    }
    default:
        // People now in arrears were late before more often than others.
        if (!random.chance(250'000) || !plan.withCatchUp(random, firstUnpaid, earliest))
            plan.punctual(random, 1, firstUnpaid - 1, earliest);
        if (random.chance(kPartPaidChance[static_cast<std::size_t>(out.standing)]))
            plan.partPay(random, firstUnpaid, out.standing == Standing::Over180 ? 90 : dpd);
        break;
    }
    if (firstUnpaid > 0) {
        out.firstUnpaidSequence = firstUnpaid;
        out.dpd = daysBetween(plan.due(firstUnpaid), extract);
    }
    std::stable_sort(out.payments.begin(), out.payments.end(),
                     [](const Payment& a, const Payment& b) { return a.paidOn < b.paidOn; });
    return out;
}

Money principalRepaidBy(const GeneratedLoan& loan, Date date)
{
    Money repaid;
    for (const Instalment& inst : loan.schedule) {
        if (inst.dueDate > date || (loan.firstUnpaidSequence > 0 && inst.sequence >= loan.firstUnpaidSequence)) break;
        repaid += inst.principalDue;
    }
    return repaid;
}

}  // namespace doorstep::io::synthetic
