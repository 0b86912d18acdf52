// How long recomputing the delinquency of every loan takes. A plain program run by hand in a Release build
// (tests/bench/bench_import.sh drives it; docs/benchmarks.md has the figures):
//
//   DOORSTEP_PASSWORD=… bench_recompute --db FILE --user NAME [--times N] [--cache-mib N] [--breakdown]
//                                       [YYYY-MM-DD …]
//
// Logs in once, then for each date (default 2026-12-31) runs app::recompute — what `doorstep-cli recompute
// --as-of` runs: one transaction, every loan read, assessed and its state written when it changed, an audit
// event, COMMIT — N times (default 2), printing a line per run:
//   recompute as_of=2026-12-31 run=1 s=0.842 loans=100000 changed=100000 bucket_changes=1234 peak_rss_mib=20.1
//   cpu_s=0.8
// (s is wall time, cpu_s user + system CPU time of the process, less disturbed by other load on the machine)
// The first run for a new date changes the state of (nearly) every loan, since as_of is part of the state;
// a second run for the same date writes nothing but still reads and assesses every loan.
//
// --breakdown also times, without writing: walking every loan with its instalments and payments from the
// tables (LoanStatusRepository::forEachLoan with an empty visitor) and from the loan ledger with the stored
// states (forEachLedgerLoan, what the recompute walks since schema 6), and each walk plus assessing each loan
// (assessLoanSummary):
//   walk …, ledger_walk …, walk_and_assess …, ledger_walk_and_assess … (s=, cpu_s=)
// in_transaction minus ledger_walk_and_assess is the cost of comparing and writing the states.
// It then times app::recomputeInTransaction alone (no screening, no audit) in a transaction that is rolled
// back, so the database is as before:
//   in_transaction as_of=2026-12-31 s=0.612 cpu_s=0.598 loans=100000 changed=100000
// --cache-mib N sets PRAGMA cache_size to N MiB on the session's connection first (default: SQLite's 2 MiB).
#include "app/portfolio/delinquency_service.h"
#include "bench_support.h"
#include "domain/portfolio/delinquency.h"
#include "storage/portfolio/loan_status_repository.h"

#include <vector>

using namespace doorstep;
using Clock = std::chrono::steady_clock;

namespace {

int usage()
{
    fmt::print(stderr, "usage: bench_recompute --db FILE --user NAME [--times N] [--cache-mib N] [--breakdown] "
                       "[YYYY-MM-DD …]\n");
    return 2;
}

void breakdown(app::Session& session, Date asOf)
{
    const auto& db = session.database().connection();
    const storage::LoanStatusRepository repo(db);
    std::int64_t loans = 0;
    std::int64_t rows = 0;
    auto start = Clock::now();
    double cpu = bench::cpuSeconds();
    repo.forEachLoan([&](std::int64_t, const Loan&, std::span<const Instalment> s, std::span<const Payment> p) {
        ++loans;
        rows += static_cast<std::int64_t>(s.size() + p.size());
    });
    fmt::print("walk s={:.3f} cpu_s={:.3f} loans={} instalments_and_payments={}\n", bench::secondsSince(start),
               bench::cpuSeconds() - cpu, loans, rows);

    // The walk the recompute makes since schema 6: loans, their ledger rows and stored states in loan order.
    loans = 0;
    rows = 0;
    start = Clock::now();
    cpu = bench::cpuSeconds();
    repo.forEachLedgerLoan({.borrowerIds = false, .status = true},
                           [&](const storage::LoanStatusRepository::LedgerLoan& l) {
                               ++loans;
                               rows += static_cast<std::int64_t>(l.instalments.size() + l.payments.size());
                           });
    fmt::print("ledger_walk s={:.3f} cpu_s={:.3f} loans={} instalments_and_payments={}\n", bench::secondsSince(start),
               bench::cpuSeconds() - cpu, loans, rows);

    const DelinquencySettings settings = app::loadDelinquencySettings(db);
    std::int64_t overdue = 0;
    start = Clock::now();
    cpu = bench::cpuSeconds();
    repo.forEachLoan([&](std::int64_t, const Loan& loan, std::span<const Instalment> s, std::span<const Payment> p) {
        if (assessLoanSummary(loan, s, p, asOf, settings).dpd > 0) ++overdue;
    });
    fmt::print("walk_and_assess s={:.3f} cpu_s={:.3f} overdue={}\n", bench::secondsSince(start),
               bench::cpuSeconds() - cpu, overdue);
    overdue = 0;
    start = Clock::now();
    cpu = bench::cpuSeconds();
    repo.forEachLedgerLoan({.borrowerIds = false, .status = true},
                           [&](const storage::LoanStatusRepository::LedgerLoan& l) {
                               if (assessLoanSummary(l.loan, l.instalments, l.payments, asOf, settings).dpd > 0)
                                   ++overdue;
                           });
    fmt::print("ledger_walk_and_assess s={:.3f} cpu_s={:.3f} overdue={}\n", bench::secondsSince(start),
               bench::cpuSeconds() - cpu, overdue);

    {
        storage::Transaction tx(db);  // rolled back: the database stays as it was
        start = Clock::now();
        cpu = bench::cpuSeconds();
        const app::RecomputeSummary summary = app::recomputeInTransaction(db, asOf, settings, {});
        fmt::print("in_transaction as_of={} s={:.3f} cpu_s={:.3f} loans={} changed={}\n", formatIsoDate(asOf),
                   bench::secondsSince(start), bench::cpuSeconds() - cpu, summary.loans, summary.changed);
    }
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv)
{
    bench::LoginArgs login;
    int times = 2;
    long cacheMib = 0;
    bool withBreakdown = false;
    std::vector<Date> dates;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if ((a == "--db" || a == "--user" || a == "--times" || a == "--cache-mib") && i + 1 < argc) {
            const std::string value = argv[++i];
            if (a == "--db") login.db = value;
            if (a == "--user") login.user = value;
            if (a == "--times") times = static_cast<int>(std::strtol(value.c_str(), nullptr, 10));
            if (a == "--cache-mib") cacheMib = std::strtol(value.c_str(), nullptr, 10);
        } else if (a == "--breakdown") {
            withBreakdown = true;
        } else if (auto date = parseIsoDate(a)) {
            dates.push_back(*date);
        } else {
            return usage();
        }
    }
    if (login.db.empty() || login.user.empty() || times < 1) return usage();
    if (dates.empty()) dates.push_back(*parseIsoDate("2026-12-31"));

    const auto loginStart = Clock::now();
    auto session = bench::login(login);
    if (!session) return 1;
    fmt::print("login s={:.3f} peak_rss_mib={:.1f}\n", bench::secondsSince(loginStart),
               bench::mib(bench::statusKiB("VmHWM")));
    if (cacheMib > 0) session->database().connection().execute(fmt::format("PRAGMA cache_size = -{}", cacheMib * 1024));

    for (const Date asOf : dates) {
        if (withBreakdown) breakdown(*session, asOf);
        for (int run = 1; run <= times; ++run) {
            bench::resetPeakRss();
            const auto start = Clock::now();
            const double cpu = bench::cpuSeconds();
            auto summary = app::recompute(*session, asOf);
            const double seconds = bench::secondsSince(start);
            const double cpuSeconds = bench::cpuSeconds() - cpu;
            if (!summary) {
                fmt::print(stderr, "recompute failed: {}\n", summary.error().message);
                return 1;
            }
            fmt::print("recompute as_of={} run={} s={:.3f} loans={} changed={} bucket_changes={} peak_rss_mib={:.1f} "
                       "cpu_s={:.3f}\n",
                       formatIsoDate(asOf), run, seconds, summary->loans, summary->changed, summary->bucketChanges,
                       bench::mib(bench::statusKiB("VmHWM")), cpuSeconds);
            std::fflush(stdout);
        }
    }
    return 0;
}
