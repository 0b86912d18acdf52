// How fast the delinquency engine assesses a portfolio (DOMAIN.md section 9: design for 100k loans, test to
// 1M). A plain program, not a test: `bench_delinquency [loans]` (default 100000) prints the time to assess
// every loan with the breakdown (assessLoan) and without it (assessLoanSummary), and loans per second.
//
// Synthetic loans, 36 monthly instalments each, as of 2026-06-30: about 60 % paying on time, 20 % that
// stopped paying at some point (some after a partial payment), 15 % paying part of each instalment, 5 %
// that paid ahead or too much. Loans are generated in chunks of at most 100,000 so a million of them do not
// need several gigabytes at once; only the assessment is timed.
#include "domain/portfolio/delinquency.h"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

using namespace doorstep;

namespace {

constexpr int kInstalments = 36;
constexpr std::size_t kChunk = 100'000;

// splitmix64: deterministic, so every run assesses the same portfolio.
struct Random {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
};

struct Portfolio {
    std::vector<Loan> loans;
    std::vector<Instalment> instalments;  // kInstalments per loan, in order
    std::vector<Payment> payments;
    std::vector<std::size_t> paymentStart;  // loans.size() + 1 offsets into payments
};

Date ymd(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

void addLoan(Portfolio& p, Random& rng, Date asOf)
{
    Loan loan;
    loan.product = rng.between(0, 9) == 0 ? Product::CreditCard : Product::Consumer;
    loan.principal = Money{rng.between(10'000, 500'000) * 100};
    loan.contractRate = AnnualRate{rng.between(34'500, 60'000)};
    loan.termMonths = kInstalments;
    loan.startDate = addDays(ymd(2023, 7, 1), static_cast<int>(rng.between(0, 1'000)));
    p.loans.push_back(loan);

    // Equal principal: principal / 36 each month, interest on the balance at the monthly rate (annual / 12).
    const std::size_t first = p.instalments.size();
    std::int64_t balance = loan.principal.fen;
    for (int i = 1; i <= kInstalments; ++i) {
        const std::int64_t principal = i == kInstalments ? balance : loan.principal.fen / kInstalments;
        const std::int64_t interest = balance * loan.contractRate.micros / 12 / 1'000'000;
        p.instalments.push_back(
            Instalment{{}, i, addMonthsClamped(loan.startDate, i), Money{principal}, Money{interest}});
        balance -= principal;
    }

    const auto kind = rng.between(0, 99);
    const int stopAt = kind < 60 ? kInstalments : static_cast<int>(rng.between(0, kInstalments - 1));
    for (int i = 0; i < kInstalments; ++i) {
        const Instalment& inst = p.instalments[first + static_cast<std::size_t>(i)];
        if (inst.dueDate > asOf) break;
        const std::int64_t owed = inst.principalDue.fen + inst.interestDue.fen;
        if (kind < 60) {  // on time
            p.payments.push_back(Payment{{}, {}, inst.dueDate, Money{owed}});
        } else if (kind < 80) {  // stopped at some instalment, sometimes with a last partial payment
            if (i < stopAt) p.payments.push_back(Payment{{}, {}, inst.dueDate, Money{owed}});
            if (i == stopAt && rng.between(0, 1) == 0)
                p.payments.push_back(Payment{{}, {}, addDays(inst.dueDate, 12), Money{owed / 3}});
        } else if (kind < 95) {  // partial, a few days late
            p.payments.push_back(Payment{{}, {}, addDays(inst.dueDate, 5), Money{owed * rng.between(50, 95) / 100}});
        } else {  // ahead and a little too much
            p.payments.push_back(Payment{{}, {}, addDays(inst.dueDate, -10), Money{owed + 1'000}});
        }
    }
    p.paymentStart.push_back(p.payments.size());
}

struct Totals {
    double fullSeconds = 0;
    double summarySeconds = 0;
    std::int64_t overdueLoans = 0;
    std::size_t rows = 0;
    std::int64_t fullCheck = 0;  // sums that keep the work from being optimised away and must agree
    std::int64_t summaryCheck = 0;
};

void assessChunk(const Portfolio& p, Date asOf, Totals& t)
{
    const DelinquencySettings settings;
    const auto instalmentsOf = [&](std::size_t i) {
        return std::span<const Instalment>(p.instalments).subspan(i * kInstalments, kInstalments);
    };
    const auto paymentsOf = [&](std::size_t i) {
        return std::span<const Payment>(p.payments)
            .subspan(p.paymentStart[i], p.paymentStart[i + 1] - p.paymentStart[i]);
    };

    auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < p.loans.size(); ++i) {
        const LoanDelinquency d = assessLoan(p.loans[i], instalmentsOf(i), paymentsOf(i), asOf, settings);
        t.overdueLoans += d.dpd > 0 ? 1 : 0;
        t.rows += d.instalments.size();
        t.fullCheck += d.dpd + d.totalOverdue.fen;
    }
    t.fullSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < p.loans.size(); ++i) {
        const DelinquencySummary d = assessLoanSummary(p.loans[i], instalmentsOf(i), paymentsOf(i), asOf, settings);
        t.summaryCheck += d.dpd + d.totalOverdue.fen;
    }
    t.summarySeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv)
{
    std::size_t n = 100'000;
    if (argc > 1) {
        const std::string_view arg = argv[1];
        const auto [ptr, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), n);
        if (ec != std::errc() || ptr != arg.data() + arg.size() || n == 0) {
            fmt::print(stderr, "usage: bench_delinquency [number of loans, default 100000]\n");
            return 2;
        }
    }
    const Date asOf = ymd(2026, 6, 30);
    Random rng{20260630};
    Totals totals;
    std::int64_t paymentCount = 0;
    for (std::size_t done = 0; done < n;) {
        const std::size_t count = std::min(kChunk, n - done);
        Portfolio p;
        p.loans.reserve(count);
        p.instalments.reserve(count * kInstalments);
        p.payments.reserve(count * kInstalments);
        p.paymentStart.reserve(count + 1);
        p.paymentStart.push_back(0);
        for (std::size_t i = 0; i < count; ++i)
            addLoan(p, rng, asOf);
        paymentCount += static_cast<std::int64_t>(p.payments.size());
        assessChunk(p, asOf, totals);
        done += count;
    }
    if (totals.summaryCheck != totals.fullCheck || totals.rows != n * kInstalments) {
        fmt::print(stderr, "assessLoan and assessLoanSummary disagree\n");
        return 1;
    }
    const auto nd = static_cast<double>(n);
    fmt::print("{} loans, {} instalments, {} payments; {} overdue as of 2026-06-30\n", n, n * kInstalments,
               paymentCount, totals.overdueLoans);
    fmt::print("assessLoan (with breakdown): {:.3f} s, {:.0f} loans/s, {:.2f} us/loan\n", totals.fullSeconds,
               nd / totals.fullSeconds, totals.fullSeconds * 1e6 / nd);
    fmt::print("assessLoanSummary:           {:.3f} s, {:.0f} loans/s, {:.2f} us/loan\n", totals.summarySeconds,
               nd / totals.summarySeconds, totals.summarySeconds * 1e6 / nd);
    return 0;
}
