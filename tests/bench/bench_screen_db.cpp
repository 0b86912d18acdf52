// How long screening every borrower through the database takes. A plain program run by hand in a Release
// build:
//
//   DOORSTEP_PASSWORD=… bench_screen_db --db FILE --user NAME [--times N] [--commit] [--decide N]
//                                       [--recompute] [--dump PREFIX] [--cache-mib N] [YYYY-MM-DD …]
//
// Logs in once, begins one transaction, then for each date (default 2026-12-31) runs
// app::screenInTransaction — what the import, `doorstep-cli recompute` and `doorstep-cli screen` run: every
// borrower's facts read, screened, and the visit queue written — N times (default 2), printing a line per run:
//   screen as_of=2026-12-31 run=1 s=0.842 cpu_s=0.80 borrowers=83380 queued=82600 excluded=120 reopened=0
//   written=82600 peak_rss_mib=60.1
// (s is wall time, cpu_s user + system CPU time of the process, less disturbed by other load on the machine;
// written is the number of rows SQLite reports inserted, updated or deleted by the run, sqlite3_total_changes;
// the peak is reset before each run.) The transaction is rolled back at the end, so the database stays as
// it was, unless --commit is given.
//
// --recompute first recomputes the delinquency of every loan as of each date (app::recomputeInTransaction,
// timed apart: `recompute as_of=… s=… cpu_s=…`), so that the first run screens a new date on fresh loan
// states as `doorstep-cli recompute --as-of` does; without it the stored states are screened as they are.
// --decide N (before the runs) accepts N and dismisses N queue entries, chosen by borrower row id (every
// 97th entry, alternately), with a fixed user, time and reason, so that two databases with the same queue
// get the same decisions.
// --dump PREFIX writes every column of visit_queue, ordered by borrower, to PREFIX-0.tsv before the runs
// and to PREFIX-<date>-<run>.tsv after each run, to compare the queue two builds produce:
//   cmp before/q-2026-12-31-1.tsv after/q-2026-12-31-1.tsv
// --cache-mib N sets PRAGMA cache_size to N MiB on the session's connection first (default: SQLite's 2 MiB).
#include "app/portfolio/delinquency_service.h"
#include "app/screening/screening_service.h"
#include "bench_support.h"
#include "storage/screening/screening_repository.h"

#include <sqlcipher/sqlite3.h>
#include <vector>

using namespace doorstep;
using Clock = std::chrono::steady_clock;

namespace {

int usage()
{
    fmt::print(stderr, "usage: bench_screen_db --db FILE --user NAME [--times N] [--commit] [--decide N] "
                       "[--recompute] [--dump PREFIX] [--cache-mib N] [YYYY-MM-DD …]\n");
    return 2;
}

constexpr int kQueueColumnCount = 16;

bool dumpQueue(const storage::Connection& db, const std::string& path)
{
    std::FILE* out = std::fopen(path.c_str(), "w");
    if (out == nullptr) {
        fmt::print(stderr, "cannot write {}\n", path);
        return false;
    }
    auto s = db.prepare("SELECT borrower_id, as_of, rule_set_version, score, hits, facts_fingerprint, max_dpd, "
                        "total_overdue_fen, district, state, officer, decided_by, decided_at, dismiss_reason, "
                        "dismiss_note, dismissed_fingerprint FROM visit_queue ORDER BY borrower_id");
    while (s.step()) {
        for (int c = 0; c < kQueueColumnCount; ++c)
            fmt::print(out, "{}{}", c == 0 ? "" : "\t", s.columnIsNull(c) ? std::string("NULL") : s.columnText(c));
        fmt::print(out, "\n");
    }
    std::fclose(out);
    return true;
}

void decide(const storage::Connection& db, int count)
{
    std::vector<std::int64_t> ids;
    auto s = db.prepare("SELECT borrower_id FROM visit_queue WHERE state = 'open' ORDER BY borrower_id");
    for (int i = 0; s.step(); ++i) {
        if (i % 97 == 0) ids.push_back(s.columnInt(0));
    }
    storage::ScreeningRepository repo(db);
    int accepted = 0;
    int dismissed = 0;
    for (std::size_t i = 0; i < ids.size() && (accepted < count || dismissed < count); ++i) {
        if (i % 2 == 0 && accepted < count) {
            repo.decide(ids[i], QueueState::Accepted, "bench", "2026-12-31T09:00:00+08:00", "", "");
            ++accepted;
        } else if (i % 2 == 1 && dismissed < count) {
            repo.decide(ids[i], QueueState::Dismissed, "bench", "2026-12-31T09:00:00+08:00", "reached_by_phone",
                        "bench");
            ++dismissed;
        }
    }
    fmt::print("decide accepted={} dismissed={}\n", accepted, dismissed);
}

}  // namespace

int main(int argc, char** argv)
{
    bench::LoginArgs login;
    int times = 2;
    int decisions = 0;
    long cacheMib = 0;
    bool commit = false;
    bool recompute = false;
    std::string dumpPrefix;
    std::vector<Date> dates;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if ((a == "--db" || a == "--user" || a == "--times" || a == "--cache-mib" || a == "--decide" ||
             a == "--dump") &&
            i + 1 < argc) {
            const std::string value = argv[++i];
            if (a == "--db") login.db = value;
            if (a == "--user") login.user = value;
            if (a == "--times") times = static_cast<int>(std::strtol(value.c_str(), nullptr, 10));
            if (a == "--cache-mib") cacheMib = std::strtol(value.c_str(), nullptr, 10);
            if (a == "--decide") decisions = static_cast<int>(std::strtol(value.c_str(), nullptr, 10));
            if (a == "--dump") dumpPrefix = value;
        } else if (a == "--commit") {
            commit = true;
        } else if (a == "--recompute") {
            recompute = true;
        } else if (auto date = parseIsoDate(a)) {
            dates.push_back(*date);
        } else {
            return usage();
        }
    }
    if (login.db.empty() || login.user.empty() || times < 0 || decisions < 0) return usage();
    if (dates.empty()) dates.push_back(*parseIsoDate("2026-12-31"));

    const auto loginStart = Clock::now();
    auto session = bench::login(login);
    if (!session) return 1;
    fmt::print("login s={:.3f} peak_rss_mib={:.1f}\n", bench::secondsSince(loginStart),
               bench::mib(bench::statusKiB("VmHWM")));
    const auto& db = session->database().connection();
    if (cacheMib > 0) db.execute(fmt::format("PRAGMA cache_size = -{}", cacheMib * 1024));

    storage::Transaction tx(db);
    if (decisions > 0) decide(db, decisions);
    if (!dumpPrefix.empty() && !dumpQueue(db, dumpPrefix + "-0.tsv")) return 1;
    for (const Date asOf : dates) {
        if (recompute) {
            const auto start = Clock::now();
            const double cpu = bench::cpuSeconds();
            const auto summary = app::recomputeInTransaction(db, asOf, app::loadDelinquencySettings(db), {});
            fmt::print("recompute as_of={} s={:.3f} cpu_s={:.3f} loans={} changed={}\n", formatIsoDate(asOf),
                       bench::secondsSince(start), bench::cpuSeconds() - cpu, summary.loans, summary.changed);
        }
        for (int run = 1; run <= times; ++run) {
            bench::resetPeakRss();
            const int changesBefore = sqlite3_total_changes(db.handle());
            const auto start = Clock::now();
            const double cpu = bench::cpuSeconds();
            const app::ScreeningSummary summary = app::screenInTransaction(db, asOf);
            const double seconds = bench::secondsSince(start);
            const double cpuSeconds = bench::cpuSeconds() - cpu;
            fmt::print("screen as_of={} run={} s={:.3f} cpu_s={:.3f} borrowers={} queued={} excluded={} reopened={} "
                       "written={} peak_rss_mib={:.1f}\n",
                       formatIsoDate(asOf), run, seconds, cpuSeconds, summary.borrowers, summary.queued,
                       summary.excluded, summary.reopened, sqlite3_total_changes(db.handle()) - changesBefore,
                       bench::mib(bench::statusKiB("VmHWM")));
            std::fflush(stdout);
            if (!dumpPrefix.empty() &&
                !dumpQueue(db, fmt::format("{}-{}-{}.tsv", dumpPrefix, formatIsoDate(asOf), run)))
                return 1;
        }
    }
    if (commit) {
        const auto start = Clock::now();
        tx.commit();
        fmt::print("commit s={:.3f}\n", bench::secondsSince(start));
    }
    return 0;
}
