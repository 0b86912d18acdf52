#include "domain/portfolio/amortization.h"

#include <cmath>
#include <compare>
#include <cstdint>
#include <fmt/core.h>
#include <numeric>

namespace doorstep {
namespace {

__extension__ using Int128 = __int128;

// A month's rate is annual / 12 and AnnualRate counts millionths: interest = balance × micros / 12e6.
constexpr std::int64_t kMonthlyRateDenominator = std::int64_t{12} * 1'000'000;

// numerator / denominator rounded half-up, for numerator >= 0 and denominator > 0.
std::int64_t divideHalfUp(Int128 numerator, Int128 denominator)
{
    return static_cast<std::int64_t>((numerator * 2 + denominator) / (denominator * 2));
}

// Just enough unsigned big-integer arithmetic to settle the rounding of an annuity exactly.
class BigNat {
public:
    explicit BigNat(std::uint64_t value)
    {
        for (; value != 0; value >>= 32)
            m_limbs.push_back(static_cast<std::uint32_t>(value));
    }

    BigNat& operator*=(std::uint32_t factor)
    {
        std::uint64_t carry = 0;
        for (std::uint32_t& limb : m_limbs) {
            carry += std::uint64_t{limb} * factor;
            limb = static_cast<std::uint32_t>(carry);
            carry >>= 32;
        }
        if (carry != 0) m_limbs.push_back(static_cast<std::uint32_t>(carry));
        trim();
        return *this;
    }

    friend BigNat operator*(const BigNat& a, const BigNat& b)
    {
        BigNat product(0);
        product.m_limbs.assign(a.m_limbs.size() + b.m_limbs.size(), 0);
        for (std::size_t i = 0; i < a.m_limbs.size(); ++i) {
            std::uint64_t carry = 0;
            for (std::size_t j = 0; j < b.m_limbs.size(); ++j) {
                carry += std::uint64_t{a.m_limbs[i]} * b.m_limbs[j] + product.m_limbs[i + j];
                product.m_limbs[i + j] = static_cast<std::uint32_t>(carry);
                carry >>= 32;
            }
            product.m_limbs[i + b.m_limbs.size()] = static_cast<std::uint32_t>(carry);
        }
        product.trim();
        return product;
    }

    // Requires *this >= other.
    BigNat& operator-=(const BigNat& other)
    {
        std::int64_t borrow = 0;
        for (std::size_t i = 0; i < m_limbs.size(); ++i) {
            std::int64_t diff = std::int64_t{m_limbs[i]} - borrow - (i < other.m_limbs.size() ? other.m_limbs[i] : 0);
            borrow = diff < 0 ? 1 : 0;
            m_limbs[i] = static_cast<std::uint32_t>(diff + (borrow << 32));
        }
        trim();
        return *this;
    }

    friend std::strong_ordering operator<=>(const BigNat& a, const BigNat& b)
    {
        if (a.m_limbs.size() != b.m_limbs.size()) return a.m_limbs.size() <=> b.m_limbs.size();
        for (std::size_t i = a.m_limbs.size(); i-- > 0;) {
            if (a.m_limbs[i] != b.m_limbs[i]) return a.m_limbs[i] <=> b.m_limbs[i];
        }
        return std::strong_ordering::equal;
    }

private:
    void trim()
    {
        while (!m_limbs.empty() && m_limbs.back() == 0)
            m_limbs.pop_back();
    }
    std::vector<std::uint32_t> m_limbs;  // least significant first, no leading zero limbs
};

// The annuity in fen rounded half-up, decided exactly: with r = a / b the payment is
// P·a·(a+b)^n / (b·((a+b)^n − b^n)), and c is right when (2c − 1)·D <= 2N < (2c + 1)·D for that N / D.
// Starts from the floating-point candidate, which is off by a fen at most.
std::int64_t exactAnnuity(std::int64_t principal, std::int64_t micros, int months, std::int64_t candidate)
{
    const std::int64_t common = std::gcd(micros, kMonthlyRateDenominator);
    const auto a = static_cast<std::uint32_t>(micros / common);
    const auto b = static_cast<std::uint32_t>(kMonthlyRateDenominator / common);
    BigNat grown(1);
    BigNat base(1);
    for (int k = 0; k < months; ++k) {
        grown *= a + b;
        base *= b;
    }
    BigNat twiceN = BigNat(static_cast<std::uint64_t>(principal)) * grown;
    twiceN *= a;
    twiceN *= 2;
    BigNat d = grown;
    d -= base;
    d *= b;
    std::int64_t c = candidate;
    for (;;) {
        if (c > 0 && BigNat(static_cast<std::uint64_t>(2 * c - 1)) * d > twiceN)
            --c;
        else if (BigNat(static_cast<std::uint64_t>(2 * c + 1)) * d <= twiceN)
            ++c;
        else
            return c;
    }
}

std::vector<Instalment> emptySchedule(const ScheduleTerms& terms)
{
    std::vector<Instalment> out(static_cast<std::size_t>(terms.termMonths));
    for (int k = 1; k <= terms.termMonths; ++k) {
        Instalment& inst = out[static_cast<std::size_t>(k - 1)];
        inst.sequence = k;
        // Always from the start date, never from the previous due date: 31 Jan → 28 Feb → 31 Mar.
        inst.dueDate = addMonthsClamped(terms.startDate, k);
    }
    return out;
}

// Each instalment repays `regular` (never more than is left); the last repays the rest.
void repayLevelPrincipal(std::vector<Instalment>& schedule, Money principal, AnnualRate rate, Money regular)
{
    Money balance = principal;
    for (std::size_t i = 0; i < schedule.size(); ++i) {
        Instalment& inst = schedule[i];
        inst.interestDue = monthlyInterest(balance, rate);
        inst.principalDue = i + 1 == schedule.size() ? balance : min(regular, balance);
        balance -= inst.principalDue;
    }
}

void repayAnnuity(std::vector<Instalment>& schedule, Money principal, AnnualRate rate, Money payment)
{
    Money balance = principal;
    for (std::size_t i = 0; i < schedule.size(); ++i) {
        Instalment& inst = schedule[i];
        inst.interestDue = monthlyInterest(balance, rate);
        // The payment always exceeds the first month's interest, so the principal part is positive;
        // the clamp only guards the last fen of rounding.
        const Money part = max(kZeroMoney, min(payment - inst.interestDue, balance));
        inst.principalDue = i + 1 == schedule.size() ? balance : part;
        balance -= inst.principalDue;
    }
}

void repayBullet(std::vector<Instalment>& schedule, Money principal, AnnualRate rate)
{
    const Money interest = monthlyInterest(principal, rate);
    for (Instalment& inst : schedule) {
        inst.interestDue = interest;
        inst.principalDue = kZeroMoney;
    }
    schedule.back().principalDue = principal;
}

}  // namespace

Result<void> validateScheduleTerms(const ScheduleTerms& terms)
{
    if (!terms.principal.isPositive())
        return fail(ErrorCode::InvalidInput, MessageId{"schedule.principal_not_positive"});
    if (terms.rate.micros < 0) return fail(ErrorCode::InvalidInput, MessageId{"schedule.rate_negative"});
    // 1000 % a year: far above any lawful rate, and keeps every product below in range.
    if (terms.rate.micros > 10'000'000) return fail(ErrorCode::InvalidInput, MessageId{"schedule.rate_too_high"});
    if (terms.termMonths < 1 || terms.termMonths > kMaxTermMonths)
        return fail(ErrorCode::InvalidInput, MessageId{"schedule.term_range"},
                    {MessageArg::number("max", kMaxTermMonths), MessageArg::number("term", terms.termMonths)});
    if (!terms.startDate.ok()) return fail(ErrorCode::InvalidInput, MessageId{"schedule.start_date"});
    return {};
}

Money monthlyInterest(Money balance, AnnualRate rate)
{
    if (balance.fen <= 0 || rate.micros <= 0) return kZeroMoney;
    return Money{divideHalfUp(Int128{balance.fen} * rate.micros, kMonthlyRateDenominator)};
}

Money annuityPayment(Money principal, AnnualRate rate, int termMonths)
{
    if (termMonths <= 0 || principal.fen <= 0) return kZeroMoney;
    if (rate.micros <= 0) return Money{divideHalfUp(principal.fen, termMonths)};
    // P·r·(1+r)^n / ((1+r)^n − 1) = P·r·(1 + 1/g) with g = (1+r)^n − 1 = expm1(n·log1p(r)); log1p and expm1
    // keep the full precision of a small r where pow(1 + r, n) would lose its low digits.
    const long double r = static_cast<long double>(rate.micros) / kMonthlyRateDenominator;
    const long double g = std::expm1(static_cast<long double>(termMonths) * std::log1p(r));
    const long double payment = static_cast<long double>(principal.fen) * r * (1.0L + 1.0L / g);
    const auto rounded = static_cast<std::int64_t>(std::floor(payment + 0.5L));
    // The error of the floating-point value is far below a millionth of a fen, so only a value that
    // close to a half fen can round either way, and for those exact arithmetic decides. The fen is then
    // the same on every platform, whatever the width of its long double.
    if (std::fabs(payment - std::floor(payment) - 0.5L) > 1e-6L + payment * 1e-12L) return Money{rounded};
    return Money{exactAnnuity(principal.fen, rate.micros, termMonths, rounded)};
}

Result<std::vector<Instalment>> buildSchedule(const ScheduleTerms& terms)
{
    if (auto valid = validateScheduleTerms(terms); !valid) return std::unexpected(std::move(valid.error()));
    std::vector<Instalment> schedule = emptySchedule(terms);
    switch (terms.method) {
    case RepaymentMethod::EqualInstalment:
        repayAnnuity(schedule, terms.principal, terms.rate,
                     annuityPayment(terms.principal, terms.rate, terms.termMonths));
        break;
    case RepaymentMethod::EqualPrincipal:
        repayLevelPrincipal(schedule, terms.principal, terms.rate,
                            Money{divideHalfUp(terms.principal.fen, terms.termMonths)});
        break;
    case RepaymentMethod::InterestOnlyBullet: repayBullet(schedule, terms.principal, terms.rate); break;
    }
    return schedule;
}

Result<std::vector<Instalment>> buildSchedule(const Loan& loan)
{
    auto schedule = buildSchedule(ScheduleTerms{.principal = loan.principal,
                                                .rate = loan.contractRate,
                                                .startDate = loan.startDate,
                                                .termMonths = loan.termMonths,
                                                .method = loan.method});
    if (!schedule) return schedule;
    for (Instalment& inst : *schedule)
        inst.loanId = loan.id;
    return schedule;
}

}  // namespace doorstep
