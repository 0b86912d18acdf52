// How long importing a core-banking extract takes, stage by stage. A plain program run by hand in a
// Release build (tests/bench/bench_import.sh drives it; docs/benchmarks.md has the figures):
//
//   DOORSTEP_PASSWORD=… bench_import --db FILE --user NAME [--cache-mib N] import DIR
//   DOORSTEP_PASSWORD=… bench_import --db FILE --user NAME schema
//   DOORSTEP_PASSWORD=… bench_import --db FILE --user NAME query SQL
//
// `import` logs in, then calls app::importExtract exactly as `doorstep-cli import` does, recording when the
// progress callback last reported each stage. It prints one `name value` pair a line:
//   login_s        opening the database (Argon2id on the user's slot, SQLCipher key, schema check)
//   checking_s     pass 1: every file read and checked, nothing written
//   writing_s      pass 2: the files read again and written (BEGIN IMMEDIATE to the last row written)
//   recompute_s    from the end of pass 2 to the last recompute report: PortfolioWriter::finish() (flushing
//                  the last loan; on a re-import, deleting contact persons the bank no longer lists) and the
//                  delinquency of every loan as of the extract date, written to loan_status
//   finish_s       the rest of importExtract: screening (since schema 5), the imports row, the audit event and
//                  COMMIT, which includes SQLite's automatic WAL checkpoint (the whole transaction copied into
//                  the database file)
//   close_s        closing the database (a last checkpoint, if any)
//   import_s       checking + writing + recompute + finish (importExtract from call to return)
//   *_cpu_s        the same spans in user + system CPU seconds of the process (less disturbed by other load)
//   login_peak_rss_mib / import_peak_rss_mib   peak resident memory of the login and of the import alone
//                  (the peak is reset after the login through /proc/self/clear_refs)
// --cache-mib N sets PRAGMA cache_size to N MiB on the session's connection before importing, to measure
// how the page cache size matters; without it the connection keeps SQLite's default (2 MiB).
//
// `schema` prints the CREATE statements of the portfolio tables (and contact_events, where the schema has it)
// and their indexes as the database holds
// them, for the sqlcipher shell baseline in bench_import.sh. `query` prints the rows of one SELECT with `|`
// between columns, as the sqlcipher shell does, so bench_import.sh can compare what both wrote.
#include "app/portfolio/portfolio_import.h"
#include "bench_support.h"

#include <array>
#include <sqlcipher/sqlite3.h>
#include <vector>

using namespace doorstep;
using Clock = std::chrono::steady_clock;

namespace {

int usage()
{
    fmt::print(stderr, "usage: bench_import --db FILE --user NAME [--cache-mib N] import DIR\n"
                       "       bench_import --db FILE --user NAME schema\n"
                       "       bench_import --db FILE --user NAME query SQL\n");
    return 2;
}

int printSchema(app::Session& session)
{
    auto stmt = session.database().connection().prepare(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ('borrowers', 'contact_persons', "
        "'credit_records', 'loans', 'instalments', 'payments', 'contact_events') ORDER BY rowid");
    while (stmt.step())
        fmt::print("{};\n", stmt.columnText(0));
    return 0;
}

int printQuery(app::Session& session, const std::string& sql)
{
    sqlite3_stmt* stmt = nullptr;
    sqlite3* db = session.database().connection().handle();
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        fmt::print(stderr, "query: {}\n", sqlite3_errmsg(db));
        return 1;
    }
    const int columns = sqlite3_column_count(stmt);
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int i = 0; i < columns; ++i) {
            const auto* text = sqlite3_column_text(stmt, i);
            fmt::print("{}{}", i == 0 ? "" : "|", text == nullptr ? "" : reinterpret_cast<const char*>(text));
        }
        fmt::print("\n");
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        fmt::print(stderr, "query: {}\n", sqlite3_errmsg(db));
        return 1;
    }
    return 0;
}

int runImport(app::Session& session, const std::string& folder, long cacheMib)
{
    const auto& db = session.database().connection();
    if (cacheMib > 0) db.execute(fmt::format("PRAGMA cache_size = -{}", cacheMib * 1024));

    constexpr std::size_t kStages = 3;
    std::array<Clock::time_point, kStages> last{};
    std::array<double, kStages> lastCpu{};
    std::array<bool, kStages> seen{};
    app::ImportOptions options;
    options.progress = [&](app::ImportStage stage, int) {
        const auto i = static_cast<std::size_t>(stage);
        last[i] = Clock::now();
        lastCpu[i] = bench::cpuSeconds();
        seen[i] = true;
        return true;
    };
    const bool peakReset = bench::resetPeakRss();
    const double startCpu = bench::cpuSeconds();
    const auto start = Clock::now();
    auto report = app::importExtract(session, folder, options);
    const auto end = Clock::now();
    const double endCpu = bench::cpuSeconds();
    if (!report) {
        fmt::print(stderr, "import failed: {}\n", report.error().message);
        return 1;
    }
    if (!report->imported) {
        for (const auto& p : report->problems)
            fmt::print(stderr, "{}\n", p.text());
        fmt::print(stderr, "import refused ({} problems{})\n", report->problems.size(),
                   report->cancelled ? ", cancelled" : "");
        return 1;
    }
    const auto span = [](Clock::time_point from, Clock::time_point to) {
        return std::chrono::duration<double>(to - from).count();
    };
    const auto checking = seen[0] ? last[0] : start;
    const auto writing = seen[1] ? last[1] : checking;
    const auto recomputing = seen[2] ? last[2] : writing;
    const double checkingCpu = seen[0] ? lastCpu[0] : startCpu;
    const double writingCpu = seen[1] ? lastCpu[1] : checkingCpu;
    const double recomputingCpu = seen[2] ? lastCpu[2] : writingCpu;
    fmt::print("checking_s {:.3f}\n", span(start, checking));
    fmt::print("writing_s {:.3f}\n", span(checking, writing));
    fmt::print("recompute_s {:.3f}\n", span(writing, recomputing));
    fmt::print("finish_s {:.3f}\n", span(recomputing, end));
    fmt::print("import_s {:.3f}\n", span(start, end));
    fmt::print("checking_cpu_s {:.3f}\n", checkingCpu - startCpu);
    fmt::print("writing_cpu_s {:.3f}\n", writingCpu - checkingCpu);
    fmt::print("recompute_cpu_s {:.3f}\n", recomputingCpu - writingCpu);
    fmt::print("finish_cpu_s {:.3f}\n", endCpu - recomputingCpu);
    fmt::print("import_cpu_s {:.3f}\n", endCpu - startCpu);
    fmt::print("import_peak_rss_mib {:.1f}{}\n", bench::mib(bench::statusKiB("VmHWM")),
               peakReset ? "" : " (peak not reset: includes the login)");
    const auto& c = report->counts;
    fmt::print("borrowers {}\ncontacts {}\ncredit_records {}\nloans {}\ninstalments {}\npayments {}\n", c.borrowers,
               c.contacts, c.creditRecords, c.loans, c.instalments, c.payments);
    fmt::print("rows_changed {}\n", report->rowsChanged);
    fmt::print("loans_changed_state {}\nloans_overdue {}\n", report->recompute.changed, report->recompute.overdue);
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    bench::LoginArgs login;
    long cacheMib = 0;
    std::vector<std::string> words;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if ((a == "--db" || a == "--user" || a == "--cache-mib") && i + 1 < argc) {
            const std::string value = argv[++i];
            if (a == "--db") login.db = value;
            if (a == "--user") login.user = value;
            if (a == "--cache-mib") cacheMib = std::strtol(value.c_str(), nullptr, 10);
        } else if (a.starts_with("--")) {
            return usage();
        } else {
            words.emplace_back(a);
        }
    }
    if (login.db.empty() || login.user.empty() || words.empty()) return usage();
    if ((words[0] == "import" || words[0] == "query") && words.size() != 2) return usage();
    if (words[0] != "import" && words[0] != "query" && words[0] != "schema") return usage();

    const auto loginStart = Clock::now();
    auto session = bench::login(login);
    if (!session) return 1;
    const double loginSeconds = bench::secondsSince(loginStart);
    if (words[0] == "schema") return printSchema(*session);
    if (words[0] == "query") return printQuery(*session, words[1]);

    fmt::print("login_s {:.3f}\n", loginSeconds);
    fmt::print("login_peak_rss_mib {:.1f}\n", bench::mib(bench::statusKiB("VmHWM")));
    fmt::print("rss_after_login_mib {:.1f}\n", bench::mib(bench::statusKiB("VmRSS")));
    const int rc = runImport(*session, words[1], cacheMib);
    std::fflush(stdout);
    const auto closeStart = Clock::now();
    session.reset();
    fmt::print("close_s {:.3f}\n", bench::secondsSince(closeStart));
    return rc;
}
