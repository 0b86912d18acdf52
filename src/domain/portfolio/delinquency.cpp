#include "domain/portfolio/delinquency.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

namespace doorstep {
namespace {

// Exact accruals need more than 64 bits in the worst case (fen × rate numerator × days).
__extension__ typedef __int128 Int128;

// Accruals are kept as numerators over this denominator: the daily rate is annual / 360 (DOMAIN.md 2),
// the annual rate is in millionths, and the penalty markup is in percent.
constexpr std::int64_t kAccrualDenominator = 360LL * 1'000'000LL * 100LL;

// Half-up to a fen, once, from the exact accrual (DOMAIN.md 2: round at the last step).
std::int64_t roundAccrual(Int128 exact)
{
    if (exact == 0) return 0;
    // The common case fits 64 bits, where dividing by a constant is a multiplication, not a library call.
    if (exact <= std::numeric_limits<std::int64_t>::max() - kAccrualDenominator)
        return (static_cast<std::int64_t>(exact) + kAccrualDenominator / 2) / kAccrualDenominator;
    return static_cast<std::int64_t>((exact + kAccrualDenominator / 2) / kAccrualDenominator);
}

int dayNumber(Date d)
{
    return static_cast<int>(std::chrono::sys_days{d}.time_since_epoch().count());
}

// The instalment payments are being allocated to. Because allocation is oldest first, at most one
// instalment is ever partly paid: every earlier one is settled and every later one untouched, so the
// whole assessment is one pass with this as its only state.
struct Open {
    const Instalment* instalment = nullptr;
    int dueDay = 0;
    int accruedThrough = 0;  // penalty and compound are counted up to and including this day
    std::int64_t principalPaid = 0;
    std::int64_t interestPaid = 0;
    std::int64_t penaltyPaid = 0;
    std::int64_t compoundPaid = 0;
    Int128 penaltyExact = 0;   // over kAccrualDenominator
    Int128 compoundExact = 0;  // over kAccrualDenominator

    std::int64_t principalOwed() const { return instalment->principalDue.fen - principalPaid; }
    std::int64_t interestOwed() const { return instalment->interestDue.fen - interestPaid; }
};

class Engine {
public:
    Engine(const Loan& loan, Date asOf, const DelinquencySettings& settings, std::vector<InstalmentDelinquency>* rows)
        : m_asOf(dayNumber(asOf)), m_rateNumerator(loan.contractRate.micros * (100 + settings.penaltyMarkupPercent)),
          m_order(settings.allocationOrder), m_rows(rows)
    {}

    template <typename InstalmentAt, typename PaymentAt>
    void run(std::size_t instalmentCount, InstalmentAt instalmentAt, std::size_t paymentCount, PaymentAt paymentAt)
    {
        std::size_t next = 0;
        bool isOpen = false;
        Open open;
        for (std::size_t p = 0; p < paymentCount; ++p) {
            const Payment& payment = paymentAt(p);
            const int day = dayNumber(payment.paidOn);
            if (day > m_asOf) break;  // sorted: every later one is after asOf as well
            std::int64_t money = payment.amount.fen;
            if (money <= 0) continue;  // a reversal is netted out by the import, not here
            while (money > 0 && next < instalmentCount) {
                if (!isOpen) {
                    start(open, instalmentAt(next));
                    isOpen = true;
                }
                // Penalty and compound accrue up to the payment date before the payment is allocated.
                accrue(open, day);
                allocate(open, money);
                if (!settled(open)) break;
                finish(open, &payment, day);
                isOpen = false;
                ++next;
            }
            // Only money left over once every instalment is settled (or a setting is invalid).
            m_summary.unallocatedCredit.fen += money;
        }
        for (; next < instalmentCount; ++next) {
            if (!isOpen) start(open, instalmentAt(next));
            isOpen = false;
            accrue(open, m_asOf);
            finish(open, nullptr, 0);
        }
    }

    DelinquencySummary result(const DelinquencySettings& settings, const Loan& loan)
    {
        DelinquencySummary& s = m_summary;
        if (m_firstUnsettledDay && *m_firstUnsettledDay < m_asOf) s.dpd = m_asOf - *m_firstUnsettledDay;
        s.bucket = bucketForDpd(s.dpd, settings.buckets);
        s.riskClass = riskClassForDpd(s.dpd, classProfileFor(loan.product), settings.classes);
        s.totalOverdue = s.overduePrincipal + s.overdueInterest + s.penaltyUnpaid() + s.compoundUnpaid();
        return s;
    }

private:
    // Reset in place: assigning a fresh Open measured slower in the hot loop.
    static void start(Open& open, const Instalment& instalment)
    {
        open = {};
        open.instalment = &instalment;
        open.dueDay = dayNumber(instalment.dueDate);
        // Due on day d, overdue from d + 1 (DOMAIN.md 3), so the first penalty day is d + 1.
        open.accruedThrough = open.dueDay;
    }

    // Piecewise: balances change only at payments, so each stretch between events is one product.
    // 罚息 on unpaid principal and 复利 on unpaid contract interest, both at the penalty rate
    // (DOMAIN.md 3). Compound interest is not charged on unpaid penalty interest.
    void accrue(Open& open, int toDay) const
    {
        if (toDay <= open.accruedThrough) return;
        const Int128 days = toDay - open.accruedThrough;
        open.accruedThrough = toDay;
        open.penaltyExact += Int128{open.principalOwed()} * m_rateNumerator * days;
        open.compoundExact += Int128{open.interestOwed()} * m_rateNumerator * days;
    }

    // Penalty and compound owed at a payment are the exact accrual so far, rounded half-up, less what was
    // paid; the rounded accrual never falls, so what is owed is never negative.
    void allocate(Open& open, std::int64_t& money) const
    {
        for (const Component c : m_order) {
            if (money == 0) return;
            // An invalid component (settings not validated) owes nothing and is skipped.
            std::int64_t owed = 0;
            std::int64_t unused = 0;
            std::int64_t* paid = &unused;
            switch (c) {
            case Component::Penalty:
                owed = roundAccrual(open.penaltyExact) - open.penaltyPaid;
                paid = &open.penaltyPaid;
                break;
            case Component::Compound:
                owed = roundAccrual(open.compoundExact) - open.compoundPaid;
                paid = &open.compoundPaid;
                break;
            case Component::Interest:
                owed = open.interestOwed();
                paid = &open.interestPaid;
                break;
            case Component::Principal:
                owed = open.principalOwed();
                paid = &open.principalPaid;
                break;
            }
            const std::int64_t amount = std::min(owed, money);
            if (amount <= 0) continue;
            *paid += amount;
            money -= amount;
        }
    }

    static bool settled(const Open& open)
    {
        return open.principalOwed() <= 0 && open.interestOwed() <= 0 &&
               roundAccrual(open.penaltyExact) <= open.penaltyPaid &&
               roundAccrual(open.compoundExact) <= open.compoundPaid;
    }

    // settledBy: the payment that settled the instalment (on settledDay), or none.
    void finish(const Open& open, const Payment* settledBy, int settledDay)
    {
        const Instalment& inst = *open.instalment;
        const std::int64_t penalty = roundAccrual(open.penaltyExact);
        const std::int64_t compound = roundAccrual(open.compoundExact);
        const bool isSettled = settled(open);
        const bool nothingDue = inst.principalDue.fen <= 0 && inst.interestDue.fen <= 0;

        DelinquencySummary& s = m_summary;
        s.penaltyAccrued.fen += penalty;
        s.penaltyPaid.fen += open.penaltyPaid;
        s.compoundAccrued.fen += compound;
        s.compoundPaid.fen += open.compoundPaid;
        s.principalPaid.fen += open.principalPaid;
        s.interestPaid.fen += open.interestPaid;
        s.outstandingPrincipal.fen += open.principalOwed();
        const bool overdue = !isSettled && open.dueDay < m_asOf;
        if (!isSettled && !m_firstUnsettledDay) {
            m_firstUnsettledDay = open.dueDay;
            s.oldestUnpaidDueDate = inst.dueDate;
        }
        if (overdue) {
            ++s.overdueInstalments;
            s.overduePrincipal.fen += open.principalOwed();
            s.overdueInterest.fen += open.interestOwed();
        }
        if (m_rows == nullptr) return;

        // Filled in place: building a temporary and copying it measured markedly slower.
        InstalmentDelinquency& row = m_rows->emplace_back();
        row.sequence = inst.sequence;
        row.dueDate = inst.dueDate;
        row.principalDue = inst.principalDue;
        row.principalPaid = Money{open.principalPaid};
        row.interestDue = inst.interestDue;
        row.interestPaid = Money{open.interestPaid};
        row.penaltyAccrued = Money{penalty};
        row.penaltyPaid = Money{open.penaltyPaid};
        row.compoundAccrued = Money{compound};
        row.compoundPaid = Money{open.compoundPaid};
        if (!isSettled) {
            row.daysOverdue = std::max(0, m_asOf - open.dueDay);
        } else if (settledBy != nullptr && !nothingDue) {
            row.daysOverdue = std::max(0, settledDay - open.dueDay);
            row.paidInFullOn = settledBy->paidOn;
        }
    }

    int m_asOf;
    std::int64_t m_rateNumerator;  // annual penalty rate × 1e6 × 100
    AllocationOrder m_order;
    std::vector<InstalmentDelinquency>* m_rows;
    DelinquencySummary m_summary;
    std::optional<int> m_firstUnsettledDay;
};

// Sorting is needed only when the caller's order is not already by date; then it works on pointers, so the
// usual, sorted case allocates nothing.
DelinquencySummary assess(const Loan& loan, std::span<const Instalment> instalments, std::span<const Payment> payments,
                          Date asOf, const DelinquencySettings& settings, std::vector<InstalmentDelinquency>* rows)
{
    const auto byDue = [](const Instalment& a, const Instalment& b) { return a.dueDate < b.dueDate; };
    const auto byDate = [](const Payment& a, const Payment& b) { return a.paidOn < b.paidOn; };
    const bool instalmentsSorted = std::ranges::is_sorted(instalments, byDue);
    const bool paymentsSorted = std::ranges::is_sorted(payments, byDate);

    Engine engine(loan, asOf, settings, rows);
    if (instalmentsSorted && paymentsSorted) {
        engine.run(
            instalments.size(), [&](std::size_t i) -> const Instalment& { return instalments[i]; }, payments.size(),
            [&](std::size_t i) -> const Payment& { return payments[i]; });
    } else {
        std::vector<const Instalment*> sortedInstalments;
        sortedInstalments.reserve(instalments.size());
        for (const Instalment& i : instalments)
            sortedInstalments.push_back(&i);
        std::ranges::stable_sort(sortedInstalments, [&](const Instalment* a, const Instalment* b) {
            return a->dueDate != b->dueDate ? a->dueDate < b->dueDate : a->sequence < b->sequence;
        });
        std::vector<const Payment*> sortedPayments;
        sortedPayments.reserve(payments.size());
        for (const Payment& p : payments)
            sortedPayments.push_back(&p);
        std::ranges::stable_sort(sortedPayments, [&](const Payment* a, const Payment* b) { return byDate(*a, *b); });
        engine.run(
            sortedInstalments.size(), [&](std::size_t i) -> const Instalment& { return *sortedInstalments[i]; },
            sortedPayments.size(), [&](std::size_t i) -> const Payment& { return *sortedPayments[i]; });
    }
    return engine.result(settings, loan);
}

constexpr std::array<std::pair<Component, std::string_view>, 4> kComponents{{{Component::Penalty, "penalty"},
                                                                             {Component::Compound, "compound"},
                                                                             {Component::Interest, "interest"},
                                                                             {Component::Principal, "principal"}}};

constexpr MessageId kOrderMessage{"delinquency.allocation_order"};

}  // namespace

Money InstalmentDelinquency::unpaid() const
{
    return (principalDue - principalPaid) + (interestDue - interestPaid) + (penaltyAccrued - penaltyPaid) +
           (compoundAccrued - compoundPaid);
}

LoanDelinquency assessLoan(const Loan& loan, std::span<const Instalment> instalments, std::span<const Payment> payments,
                           Date asOf, const DelinquencySettings& settings)
{
    LoanDelinquency out;
    out.instalments.reserve(instalments.size());
    static_cast<DelinquencySummary&>(out) = assess(loan, instalments, payments, asOf, settings, &out.instalments);
    return out;
}

DelinquencySummary assessLoanSummary(const Loan& loan, std::span<const Instalment> instalments,
                                     std::span<const Payment> payments, Date asOf, const DelinquencySettings& settings)
{
    return assess(loan, instalments, payments, asOf, settings, nullptr);
}

std::string_view componentName(Component c)
{
    for (const auto& [value, text] : kComponents) {
        if (value == c) return text;
    }
    return {};
}

std::optional<Component> parseComponent(std::string_view name)
{
    for (const auto& [value, text] : kComponents) {
        if (text == name) return value;
    }
    return std::nullopt;
}

std::string formatAllocationOrder(const AllocationOrder& order)
{
    std::string out;
    for (const Component c : order) {
        if (!out.empty()) out += ',';
        out += componentName(c);
    }
    return out;
}

Result<AllocationOrder> parseAllocationOrder(std::string_view text)
{
    AllocationOrder order{};
    std::size_t count = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view name = text.substr(start, comma - start);
        const auto component = parseComponent(name);
        if (!component)
            return fail(ErrorCode::InvalidInput, MessageId{"delinquency.allocation_unknown"},
                        {MessageArg::text("name", std::string(name))});
        if (count == order.size()) return fail(ErrorCode::InvalidInput, kOrderMessage);
        order[count++] = *component;
        start = comma + 1;
    }
    if (count != order.size()) return fail(ErrorCode::InvalidInput, kOrderMessage);
    for (std::size_t i = 0; i < order.size(); ++i) {
        for (std::size_t j = i + 1; j < order.size(); ++j) {
            if (order[i] == order[j]) return fail(ErrorCode::InvalidInput, kOrderMessage);
        }
    }
    return order;
}

Result<void> validateDelinquencySettings(const DelinquencySettings& settings)
{
    if (settings.penaltyMarkupPercent < 0 || settings.penaltyMarkupPercent > 100)
        return fail(ErrorCode::InvalidInput, MessageId{"delinquency.markup_range"});
    // Round trip through the stored form so both share one definition of a valid order.
    if (auto order = parseAllocationOrder(formatAllocationOrder(settings.allocationOrder)); !order)
        return std::unexpected(std::move(order.error()));
    if (auto ok = validateBucketBoundaries(settings.buckets); !ok) return ok;
    if (auto ok = validateClassThresholds(settings.classes.loan); !ok)
        return fail(ErrorCode::InvalidInput, MessageId{"delinquency.loan_classes"}, {errorArg("reason", ok.error())});
    if (auto ok = validateClassThresholds(settings.classes.creditCard); !ok)
        return fail(ErrorCode::InvalidInput, MessageId{"delinquency.card_classes"}, {errorArg("reason", ok.error())});
    return {};
}

}  // namespace doorstep
