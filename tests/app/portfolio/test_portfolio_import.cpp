#include "app/portfolio/portfolio_import.h"

#include "io/demo/synthetic_extract.h"
#include "storage/portfolio/portfolio_query.h"
#include "support/db_query.h"
#include "support/file_bytes.h"
#include "support/ledger_check.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace doorstep;
using app::ImportOptions;
using app::ImportReport;
using app::ImportStage;
using test::TempDir;
using Files = std::map<std::string, std::string>;
using Texts = std::vector<std::string>;

namespace {

// A tiny extract where every value is known: two borrowers, three contact persons, one credit record,
// two loans, four instalments, three payments. L001-1 is paid up; L002-1's second instalment (due
// 2026-10-10) is unpaid, 51 days past due on the extract date. The ID numbers are synthetic.
const Files kTiny{
    {"manifest.csv", "extract_date,branch_code\n2026-11-30,310115\n"},
    {"borrowers.csv",
     "borrower_id,name,id_number,phone,phone2,address,district,latitude,longitude,employer,monthly_income,"
     "monthly_expenses\n"
     "C001,王秀英,110101199003071233,13812345678,,\"浦东新区张杨路1500号3室, 近地铁\",浦东新区,31.230416,121.473701,"
     "某某物流有限公司,12000.00,7000.00\n"
     "C002,李强,44030419780101031X,13900001111,02161234567,徐汇区漕溪北路1号,徐汇区,,,,,\n"},
    {"contacts.csv", "borrower_id,name,relation,phone\n"
                     "C001,张伟,spouse,13700002222\n"
                     "C001,王芳,relative,13700003333\n"
                     "C002,李娜,guarantor,13600004444\n"},
    {"credit_records.csv", "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m\n"
                           "C001,2026-10-15,1,45,230000.00,3\n"},
    {"loans.csv",
     "loan_id,borrower_id,product,principal,interest_rate,start_date,term_months,repayment_method,officer\n"
     "L001-1,C001,consumer,150000.00,4.35,2025-03-15,36,equal_instalment,officer1\n"
     "L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,\n"},
    {"instalments.csv", "loan_id,seq,due_date,principal_due,interest_due\n"
                        "L001-1,1,2025-04-15,3900.00,543.75\n"
                        "L001-1,2,2025-05-15,3914.14,529.61\n"
                        "L002-1,1,2024-02-10,2222.22,2066.67\n"
                        "L002-1,2,2026-10-10,2222.22,2060.94\n"},
    {"payments.csv", "payment_id,loan_id,paid_date,amount\n"
                     "P1,L001-1,2025-04-15,4443.75\n"
                     "P2,L001-1,2025-05-15,4443.75\n"
                     "P3,L002-1,2024-02-10,4288.89\n"},
};
constexpr std::int64_t kTinyRecords = 15;

// The tiny extract with some lines of some files replaced: {file, {old line, new line}}; an empty new
// line removes the old one, an empty old line appends the new one.
Files edited(const std::vector<std::pair<std::string, std::pair<std::string, std::string>>>& edits)
{
    Files files = kTiny;
    for (const auto& [file, change] : edits) {
        std::string& text = files.at(file);
        const auto& [from, to] = change;
        if (from.empty()) {
            text += to + "\n";
            continue;
        }
        const auto at = text.find(from + "\n");
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size() + 1, to.empty() ? std::string() : to + "\n");
    }
    return files;
}

void writeFiles(const std::filesystem::path& folder, const Files& files)
{
    std::filesystem::create_directories(folder);
    for (const auto& [name, content] : files)
        test::writeBytes(folder / name, content);
}

const Texts kPortfolioTables{"borrowers", "contact_persons", "credit_records", "loans",         "instalments",
                             "payments",  "loan_status",     "status_history", "contact_events"};

// Every row of the given tables (all tables when none are given) as text, in a fixed order.
std::string contentOf(const storage::Connection& db, const Texts& only = {})
{
    Texts tables = only;
    if (tables.empty())
        tables =
            test::queryTexts(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                 "ORDER BY name");
    std::string out;
    for (const auto& table : tables) {
        std::string row = "''";
        for (const auto& column :
             test::queryTexts(db, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid"))
            row += " || '|' || quote(\"" + column + "\")";
        out += table + "\n";
        for (const auto& line : test::queryTexts(db, "SELECT " + row + " FROM \"" + table + "\" ORDER BY 1"))
            out += line + "\n";
    }
    return out;
}

// What a test compares before and after: row counts (readable when they differ) and a digest of all rows.
struct Content {
    std::map<std::string, std::int64_t> counts;
    std::size_t digest = 0;
    friend bool operator==(const Content&, const Content&) = default;
    friend std::ostream& operator<<(std::ostream& out, const Content& c)
    {
        for (const auto& [table, n] : c.counts)
            out << table << '=' << n << ' ';
        return out << "digest " << c.digest;
    }
};

Content portfolio(const storage::Connection& db)
{
    Content c;
    for (const auto& t : kPortfolioTables)
        c.counts[t] = test::queryInt(db, "SELECT count(*) FROM " + t);
    c.digest = std::hash<std::string>{}(contentOf(db, kPortfolioTables));
    return c;
}

// Every table, the audit trail and the import log included.
Content everything(const storage::Connection& db)
{
    Content c;
    for (const auto& t : test::queryTexts(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                              "'sqlite_%'"))
        c.counts[t] = test::queryInt(db, "SELECT count(*) FROM \"" + t + "\"");
    c.digest = std::hash<std::string>{}(contentOf(db));
    return c;
}

std::int64_t auditCount(const storage::Connection& db, const std::string& action)
{
    auto s = db.prepare("SELECT count(*) FROM audit_event WHERE action = ?");
    s.bind(1, action);
    REQUIRE(s.step());
    return s.columnInt(0);
}

// Counts the calls of one stage and answers false (cancel) at the nth; remembers how far it was.
struct StopAt {
    StopAt(ImportStage s, int n) : stage(s), nth(n) {}
    ImportStage stage;
    int nth;
    int calls = 0;
    int perMille = -1;
    std::vector<ImportStage> stages;
    bool operator()(ImportStage s, int pm)
    {
        if (stages.empty() || stages.back() != s) stages.push_back(s);
        if (s != stage || ++calls != nth) return true;
        perMille = pm;
        return false;
    }
};

ImportOptions stoppingAt(StopAt& stop)
{
    ImportOptions options;
    options.progress = [&stop](ImportStage s, int pm) { return stop(s, pm); };
    return options;
}

struct Fixture {
    test::TestBranch branch;
    std::unique_ptr<app::Session> session = branch.loginAdmin();
    TempDir files;
    const storage::Connection& db() { return session->database().connection(); }

    std::filesystem::path write(const Files& extract, const std::string& name = "extract")
    {
        writeFiles(files / name, extract);
        return files / name;
    }
    std::filesystem::path synthetic(std::int64_t loans, std::uint64_t seed, const std::string& name = "synthetic")
    {
        io::SyntheticOptions options;
        options.loans = loans;
        options.seed = seed;
        options.officers = {"officer1", "officer2", "officer3"};
        REQUIRE(io::writeSyntheticExtract(files / name, options));
        return files / name;
    }
    ImportReport import(const std::filesystem::path& folder, const ImportOptions& options = {})
    {
        auto report = app::importExtract(*session, folder, options);
        REQUIRE(report);
        return std::move(*report);
    }
    ImportReport importOk(const std::filesystem::path& folder)
    {
        ImportReport report = import(folder);
        for (const auto& p : report.problems)
            UNSCOPED_INFO(p.text());
        REQUIRE(report.imported);
        return report;
    }
};

}  // namespace

TEST_CASE("a good extract is written record by record with its values", "[portfolio_import]")
{
    Fixture f;
    const ImportReport report = f.importOk(f.write(kTiny));
    CHECK_FALSE(report.cancelled);
    CHECK(report.problems.empty());
    CHECK(formatIsoDate(report.extractDate) == "2026-11-30");
    CHECK(report.counts.borrowers == 2);
    CHECK(report.counts.contacts == 3);
    CHECK(report.counts.creditRecords == 1);
    CHECK(report.counts.loans == 2);
    CHECK(report.counts.instalments == 4);
    CHECK(report.counts.payments == 3);
    CHECK(report.rowsChanged == kTinyRecords);

    const auto& db = f.db();
    CHECK(
        test::queryTexts(db,
                         "SELECT bank_id || '|' || name || '|' || id_number || '|' || phone || '|' || phone2 || '|' || "
                         "address || '|' || district || '|' || coalesce(latitude_e6, '-') || '|' || "
                         "coalesce(longitude_e6, '-') || '|' || employer || '|' || monthly_income_fen || '|' || "
                         "monthly_expenses_fen FROM borrowers ORDER BY bank_id") ==
        Texts{"C001|王秀英|110101199003071233|13812345678||浦东新区张杨路1500号3室, 近地铁|浦东新区|31230416|121473701|"
              "某某物流有限公司|1200000|700000",
              "C002|李强|44030419780101031X|13900001111|02161234567|徐汇区漕溪北路1号|徐汇区|-|-||0|0"});
    CHECK(test::queryTexts(
              db, "SELECT b.bank_id || '|' || c.relation || '|' || c.name || '|' || c.phone FROM contact_persons c "
                  "JOIN borrowers b ON b.id = c.borrower_id ORDER BY c.id") ==
          Texts{"C001|spouse|张伟|13700002222", "C001|relative|王芳|13700003333", "C002|guarantor|李娜|13600004444"});
    CHECK(test::queryTexts(
              db, "SELECT report_date || '|' || overdue_accounts_elsewhere || '|' || worst_dpd_24m || '|' || "
                  "total_debt_fen || '|' || enquiries_6m FROM credit_records") == Texts{"2026-10-15|1|45|23000000|3"});
    CHECK(test::queryTexts(db,
                           "SELECT l.bank_id || '|' || b.bank_id || '|' || product || '|' || principal_fen || '|' || "
                           "rate_micros || '|' || start_date || '|' || term_months || '|' || method || '|' || officer "
                           "FROM loans l JOIN borrowers b ON b.id = l.borrower_id ORDER BY l.bank_id") ==
          Texts{"L001-1|C001|consumer|15000000|43500|2025-03-15|36|equal_instalment|officer1",
                "L002-1|C002|mortgage|80000000|31000|2024-01-10|360|equal_principal|"});
    CHECK(test::queryTexts(
              db, "SELECT l.bank_id || '#' || seq || '|' || due_date || '|' || i.principal_fen || '|' || interest_fen "
                  "FROM instalments i JOIN loans l ON l.id = i.loan_id ORDER BY l.bank_id, seq") ==
          Texts{"L001-1#1|2025-04-15|390000|54375", "L001-1#2|2025-05-15|391414|52961",
                "L002-1#1|2024-02-10|222222|206667", "L002-1#2|2026-10-10|222222|206094"});
    CHECK(test::queryTexts(
              db, "SELECT p.bank_id || '|' || l.bank_id || '|' || paid_date || '|' || amount_fen FROM payments p "
                  "JOIN loans l ON l.id = p.loan_id ORDER BY p.bank_id") ==
          Texts{"P1|L001-1|2025-04-15|444375", "P2|L001-1|2025-05-15|444375", "P3|L002-1|2024-02-10|428889"});

    // The delinquency as of the extract date was computed in the same step.
    CHECK(report.recompute.loans == 2);
    CHECK(report.recompute.overdue == 1);
    CHECK(test::queryTexts(
              db, "SELECT l.bank_id || '|' || as_of || '|' || dpd || '|' || bucket || '|' || risk_class || '|' || "
                  "overdue_principal_fen || '|' || overdue_interest_fen FROM loan_status s "
                  "JOIN loans l ON l.id = s.loan_id ORDER BY l.bank_id") ==
          Texts{"L001-1|2026-11-30|0|M0|normal|0|0", "L002-1|2026-11-30|51|M2|special_mention|222222|206094"});
    CHECK(test::queryInt(db, "SELECT penalty_fen FROM loan_status s JOIN loans l ON l.id = s.loan_id "
                             "WHERE l.bank_id = 'L002-1'") > 0);
    CHECK(test::queryInt(db, "SELECT count(*) FROM status_history") == 0);  // a first state is no roll

    // The import is logged and audited, the audit event naming the log row.
    CHECK(test::queryTexts(db, "SELECT extract_date || '|' || branch_code || '|' || rows_read || '|' || rows_changed "
                               "FROM imports") == Texts{"2026-11-30|310115|15|15"});
    CHECK(test::queryTexts(db, "SELECT actor || '|' || record_type || '|' || record_id FROM audit_event "
                               "WHERE action = 'portfolio.import'") ==
          Texts{"admin|import|" + std::to_string(test::queryInt(db, "SELECT id FROM imports"))});
}

TEST_CASE("a synthetic extract is imported whole", "[portfolio_import]")
{
    Fixture f;
    io::SyntheticOptions options;
    options.loans = 150;
    options.seed = 11;
    options.officers = {"officer1", "officer2", "officer3"};
    const auto summary = io::writeSyntheticExtract(f.files / "s", options);
    REQUIRE(summary);
    const ImportReport report = f.importOk(f.files / "s");
    CHECK(report.counts.borrowers == summary->borrowers);
    CHECK(report.counts.loans == 150);
    CHECK(report.counts.instalments == summary->instalments);
    CHECK(report.counts.payments == summary->payments);
    const auto& db = f.db();
    CHECK(test::queryInt(db, "SELECT count(*) FROM borrowers") == summary->borrowers);
    CHECK(test::queryInt(db, "SELECT count(*) FROM contact_persons") == summary->contacts);
    CHECK(test::queryInt(db, "SELECT count(*) FROM credit_records") == summary->creditRecords);
    CHECK(test::queryInt(db, "SELECT count(*) FROM loans") == 150);
    CHECK(test::queryInt(db, "SELECT count(*) FROM instalments") == summary->instalments);
    CHECK(test::queryInt(db, "SELECT count(*) FROM payments") == summary->payments);
    CHECK(test::queryInt(db, "SELECT count(*) FROM loan_status WHERE as_of = '2026-11-30'") == 150);
    CHECK(report.recompute.loans == 150);
    CHECK(report.recompute.overdue == test::queryInt(db, "SELECT count(*) FROM loan_status WHERE dpd > 0"));
    CHECK(report.recompute.overdue > 0);  // the book has a tail in arrears
    CHECK(test::queryInt(db, "SELECT count(*) FROM loans WHERE officer NOT IN ('officer1', 'officer2', 'officer3')") ==
          0);
    CHECK(test::queryInt(db, "SELECT count(*) FROM imports") == 1);
    // Foreign keys were off for the import's transaction only.
    CHECK(test::queryInt(db, "PRAGMA foreign_keys") == 1);
    CHECK(test::queryInt(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("after an import every loan's ledger holds exactly its rows; a re-import rewrites only what changed",
          "[portfolio_import]")
{
    Fixture f;
    const auto folder = f.synthetic(300, 29);
    f.importOk(folder);
    const auto& db = f.db();
    CHECK(test::ledgerMismatch(db).empty());
    CHECK(test::queryInt(db, "SELECT count(*) FROM loan_ledger") > 250);  // loans with rows (nearly all)
    const auto first = test::ledgerRows(db);

    // The same extract again: no ledger row changes.
    CHECK(f.importOk(folder).rowsChanged == 0);
    CHECK(test::ledgerRows(db) == first);

    // One payment's amount changes: that loan's ledger row alone is rewritten, and it matches.
    std::string payments = test::readBytes(folder / "payments.csv");
    const auto lineStart = payments.find('\n') + 1;
    const auto lineEnd = payments.find('\n', lineStart);
    const std::string line = payments.substr(lineStart, lineEnd - lineStart);
    const auto lastComma = line.rfind(',');
    const std::string newLine =
        line.substr(0, lastComma + 1) + (line.substr(lastComma + 1) == "1.23" ? "1.24" : "1.23");
    payments.replace(lineStart, line.size(), newLine);
    test::writeBytes(folder / "payments.csv", payments);
    const std::string loanId = line.substr(line.find(',') + 1, line.find(',', line.find(',') + 1) - line.find(',') - 1);
    const std::int64_t loanRow = test::queryInt(db, "SELECT id FROM loans WHERE bank_id = '" + loanId + "'");
    CHECK(f.importOk(folder).rowsChanged == 1);
    CHECK(test::ledgerMismatch(db).empty());
    auto after = test::ledgerRows(db);
    CHECK(after.at(loanRow) != first.at(loanRow));
    after.at(loanRow) = first.at(loanRow);
    CHECK(after == first);
}

TEST_CASE("a bad extract lists its problems and writes nothing", "[portfolio_import]")
{
    Fixture f;
    const std::int64_t auditBefore = test::queryInt(f.db(), "SELECT count(*) FROM audit_event");
    const Content before = everything(f.db());
    const auto folder = f.write(edited({
        {"loans.csv",
         {"L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,",
          "L002-1,C002,mortgage,800000,3.1x,2024-01-10,360,equal_principal,"}},
        {"contacts.csv", {"", "C009,赵六,other,13500005555"}},
        {"borrowers.csv",
         {"C002,李强,44030419780101031X,13900001111,02161234567,徐汇区漕溪北路1号,徐汇区,,,,,",
          "C002,李强,440304197801010319,13900001111,02161234567,徐汇区漕溪北路1号,徐汇区,,,,,"}},
        {"payments.csv", {"P3,L002-1,2024-02-10,4288.89", "P3,L002-1,2024-02-10,4288.891"}},
    }));
    const ImportReport report = f.import(folder);
    CHECK_FALSE(report.imported);
    CHECK_FALSE(report.cancelled);
    CHECK_FALSE(report.moreProblems);
    Texts where;
    for (const auto& p : report.problems)
        where.push_back(p.file + ":" + std::to_string(p.line) + ":" + p.column);
    CHECK(where == Texts{"borrowers.csv:3:id_number", "contacts.csv:5:borrower_id", "loans.csv:3:interest_rate",
                         "payments.csv:4:amount"});
    for (const auto& p : report.problems)
        CHECK_THAT(p.text(), !Catch::Matchers::ContainsSubstring("440304197801010319"));

    for (const auto& table : kPortfolioTables)
        CHECK(test::queryInt(f.db(), "SELECT count(*) FROM " + table) == 0);
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM imports") == 0);
    CHECK(auditCount(f.db(), "portfolio.import") == 0);
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM audit_event") == auditBefore);
    CHECK(everything(f.db()) == before);
}

TEST_CASE("a bad extract after a good one leaves the good one untouched", "[portfolio_import]")
{
    Fixture f;
    f.importOk(f.write(kTiny));
    const Content before = everything(f.db());
    const ImportReport report =
        f.import(f.write(edited({{"payments.csv", {"P3,L002-1,2024-02-10,4288.89", "P3,L002-1,2024-02-10,-1"}},
                                 {"contacts.csv", {"C001,张伟,spouse,13700002222", "C001,张伟,spouse,"}}}),
                         "bad"));
    CHECK_FALSE(report.imported);
    CHECK(report.problems.size() == 2);
    CHECK(everything(f.db()) == before);
}

TEST_CASE("more than 200 problems are cut short and say so", "[portfolio_import]")
{
    Fixture f;
    Files files = kTiny;
    for (int i = 0; i < 250; ++i)
        files["payments.csv"] += "Q" + std::to_string(i) + ",L002-1,2026-11-01,1.001\n";
    const ImportReport report = f.import(f.write(files));
    CHECK_FALSE(report.imported);
    CHECK(report.problems.size() == 200);
    CHECK(report.moreProblems);
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM payments") == 0);
}

TEST_CASE("a GB18030 extract imports the same data as the UTF-8 one", "[portfolio_import]")
{
    Fixture utf8;
    Fixture gb;
    const auto plain = utf8.synthetic(80, 5);
    Files converted;
    for (const auto& entry : std::filesystem::directory_iterator(plain)) {
        const std::string name = entry.path().filename().string();
        converted[name] = test::toGb18030(test::readBytes(entry.path()));
    }
    REQUIRE(converted.at("borrowers.csv") != test::readBytes(plain / "borrowers.csv"));  // really re-encoded
    const auto gbFolder = gb.write(converted, "gb18030");

    const ImportReport a = utf8.importOk(plain);
    const ImportReport b = gb.importOk(gbFolder);
    CHECK(a.rowsChanged == b.rowsChanged);
    CHECK(portfolio(gb.db()) == portfolio(utf8.db()));
    CHECK(contentOf(gb.db(), {"borrowers", "contact_persons"}) ==
          contentOf(utf8.db(), {"borrowers", "contact_persons"}));

    // Told the encoding instead of detecting it, the result is the same; re-imported, nothing changes.
    ImportOptions told;
    told.encoding = io::Encoding::Gb18030;
    const auto again = app::importExtract(*gb.session, gbFolder, told);
    REQUIRE(again);
    CHECK(again->imported);
    CHECK(again->rowsChanged == 0);
    CHECK(portfolio(gb.db()) == portfolio(utf8.db()));
}

TEST_CASE("cancelling while checking, writing or recomputing leaves the database as it was", "[portfolio_import]")
{
    Fixture f;
    f.importOk(f.write(kTiny));
    const Content before = everything(f.db());
    const Content portfolioBefore = portfolio(f.db());

    SECTION("checking")
    {
        StopAt stop{ImportStage::Checking, 3};
        const ImportReport report = f.import(f.synthetic(120, 3), stoppingAt(stop));
        CHECK(report.cancelled);
        CHECK_FALSE(report.imported);
        CHECK(stop.stages == std::vector<ImportStage>{ImportStage::Checking});
    }
    SECTION("writing, after some records were written")
    {
        StopAt stop{ImportStage::Writing, 4};  // manifest, borrowers and contacts are behind it
        const ImportReport report = f.import(f.synthetic(120, 3), stoppingAt(stop));
        CHECK(report.cancelled);
        CHECK_FALSE(report.imported);
        CHECK(stop.perMille > 0);
        CHECK(stop.perMille < 1000);
        CHECK(stop.stages == std::vector<ImportStage>{ImportStage::Checking, ImportStage::Writing});
    }
    SECTION("recomputing, after some states were stored")
    {
        // Recomputing reports every 1,000 loans: this many loans are needed to stop part-way.
        StopAt stop{ImportStage::Recomputing, 1};
        const ImportReport report = f.import(f.synthetic(1'100, 3), stoppingAt(stop));
        CHECK(report.cancelled);
        CHECK_FALSE(report.imported);
        CHECK(stop.perMille == 1000 * 1000 / 1100);
        CHECK(stop.stages ==
              std::vector<ImportStage>{ImportStage::Checking, ImportStage::Writing, ImportStage::Recomputing});
    }
    CHECK(everything(f.db()) == before);
    CHECK(portfolio(f.db()) == portfolioBefore);
    CHECK(auditCount(f.db(), "portfolio.import") == 1);
    CHECK(test::queryInt(f.db(), "PRAGMA foreign_keys") == 1);  // back on, also after a cancel
    CHECK(test::ledgerMismatch(f.db()).empty());
}

TEST_CASE("an exception while writing rolls everything back; the database opens with the previous import",
          "[portfolio_import]")
{
    Fixture f;
    f.importOk(f.write(kTiny));
    const Content before = everything(f.db());
    const auto folder = f.synthetic(100, 8);

    SECTION("thrown out of the progress callback")
    {
        ImportOptions options;
        int writing = 0;
        options.progress = [&](ImportStage stage, int) {
            if (stage == ImportStage::Writing && ++writing == 5) throw std::runtime_error("power failure");
            return true;
        };
        CHECK_THROWS_AS(app::importExtract(*f.session, folder, options), std::runtime_error);
        CHECK(writing == 5);
    }
    SECTION("a database failure part-way through the writes")
    {
        // The disk "fills up" at the first payment: a TEMP trigger lives only on this connection.
        f.db().execute("CREATE TEMP TRIGGER fail_payments BEFORE INSERT ON main.payments "
                       "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
        const auto report = app::importExtract(*f.session, folder, {});
        REQUIRE_FALSE(report);
        CHECK(report.error().code == ErrorCode::Io);
        CHECK_THAT(report.error().message, Catch::Matchers::ContainsSubstring("nothing was changed"));
        f.db().execute("DROP TRIGGER temp.fail_payments");
    }
    CHECK(everything(f.db()) == before);

    // The file is sound: a new login opens it and finds the previous import, and importing works again.
    f.session.reset();
    f.session = f.branch.loginAdmin();
    CHECK(portfolio(f.db()).counts.at("loans") == 2);
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM imports") == 1);
    CHECK(test::queryTexts(f.db(), "PRAGMA integrity_check") == Texts{"ok"});
    const ImportReport next = f.importOk(folder);
    CHECK(next.counts.loans == 100);
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM loans") == 102);
}

TEST_CASE("re-importing the same extract changes no row and adds no history", "[portfolio_import]")
{
    Fixture f;
    const auto folder = f.synthetic(120, 21);
    const ImportReport first = f.importOk(folder);
    CHECK(first.rowsChanged > 0);
    const Content before = portfolio(f.db());

    const ImportReport second = f.importOk(folder);
    CHECK(second.rowsChanged == 0);
    CHECK(second.recompute.changed == 0);
    CHECK(second.recompute.bucketChanges == 0);
    CHECK(portfolio(f.db()) == before);
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM status_history") == 0);
    // The import itself is still on record, both times.
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM imports") == 2);
    CHECK(test::queryInt(f.db(), "SELECT rows_changed FROM imports ORDER BY id DESC LIMIT 1") == 0);
    CHECK(auditCount(f.db(), "portfolio.import") == 2);
}

TEST_CASE("re-importing a changed extract updates exactly the changes and keeps Doorstep's own rows",
          "[portfolio_import]")
{
    Fixture f;
    f.importOk(f.write(kTiny));
    const auto& db = f.db();
    const std::int64_t l002 = test::queryInt(db, "SELECT id FROM loans WHERE bank_id = 'L002-1'");
    // Rows Doorstep itself owns: a history row, an audit event, a setting.
    db.execute("INSERT INTO status_history (loan_id, as_of, from_bucket, to_bucket, from_class, to_class) VALUES (" +
               std::to_string(l002) + ", '2026-10-31', 'M1', 'M2', 'special_mention', 'special_mention')");
    f.session->audit("case.view", "borrower", "2");
    db.execute("INSERT INTO settings (key, value) VALUES ('ui.sentinel', 'kept')");

    const auto changed =
        f.write(edited({
                    {"borrowers.csv",
                     {"C002,李强,44030419780101031X,13900001111,02161234567,徐汇区漕溪北路1号,徐汇区,,,,,",
                      "C002,李强,44030419780101031X,13900009999,02161234567,徐汇区漕溪北路1号,徐汇区,,,,,"}},
                    {"loans.csv",
                     {"L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,",
                      "L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,officer2"}},
                    {"payments.csv", {"", "P4,L002-1,2026-11-20,1000.00"}},
                    {"payments.csv", {"P2,L001-1,2025-05-15,4443.75", ""}},
                    {"contacts.csv", {"C001,王芳,relative,13700003333", ""}},
                    {"instalments.csv", {"L002-1,2,2026-10-10,2222.22,2060.94", "L002-1,2,2026-10-10,2222.22,2050.94"}},
                }),
                "changed");
    const ImportReport report = f.importOk(changed);
    CHECK(report.rowsChanged == 6);

    CHECK(test::queryTexts(db, "SELECT phone FROM borrowers ORDER BY bank_id") == Texts{"13812345678", "13900009999"});
    CHECK(test::queryTexts(db, "SELECT officer FROM loans ORDER BY bank_id") == Texts{"officer1", "officer2"});
    CHECK(test::queryTexts(db, "SELECT bank_id FROM payments ORDER BY bank_id") == Texts{"P1", "P3", "P4"});
    CHECK(test::queryTexts(db, "SELECT name FROM contact_persons ORDER BY id") == Texts{"张伟", "李娜"});
    CHECK(test::queryTexts(db, "SELECT interest_fen FROM instalments ORDER BY loan_id, seq") ==
          Texts{"54375", "52961", "206667", "205094"});

    // Without P2, L001-1's second instalment is unpaid since 2025-05-15: a roll from M0 to M7 on record.
    CHECK(test::queryTexts(db, "SELECT l.bank_id || '|' || as_of || '|' || from_bucket || '>' || to_bucket || '|' || "
                               "from_class || '>' || to_class FROM status_history h JOIN loans l ON l.id = h.loan_id "
                               "ORDER BY h.id") ==
          Texts{"L002-1|2026-10-31|M1>M2|special_mention>special_mention", "L001-1|2026-11-30|M0>M7|normal>loss"});
    CHECK(report.recompute.changed == 2);
    CHECK(auditCount(db, "case.view") == 1);
    CHECK(auditCount(db, "portfolio.import") == 2);
    CHECK(test::queryTexts(db, "SELECT value FROM settings WHERE key = 'ui.sentinel'") == Texts{"kept"});

    // The same changed extract once more: nothing left to change.
    CHECK(f.importOk(changed).rowsChanged == 0);
}

TEST_CASE("importing needs the right role, a readable folder and every file", "[portfolio_import]")
{
    Fixture f;
    f.branch.addUser("li.wei", Role::Officer, "officer-pass-2026");
    const auto folder = f.write(kTiny);
    {
        auto officer = f.branch.login("li.wei", "officer-pass-2026");
        const auto refused = app::importExtract(*officer, folder, {});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::PermissionDenied);
    }
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM borrowers") == 0);

    const auto missing = app::importExtract(*f.session, f.files / "nowhere", {});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::FileMissing);

    std::filesystem::remove(folder / "payments.csv");
    const auto incomplete = app::importExtract(*f.session, folder, {});
    REQUIRE_FALSE(incomplete);
    CHECK(incomplete.error().code == ErrorCode::FileMissing);
    CHECK_THAT(incomplete.error().message, Catch::Matchers::ContainsSubstring("payments.csv"));
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM borrowers") == 0);
    CHECK(auditCount(f.db(), "portfolio.import") == 0);
}

TEST_CASE("progress runs through the three stages in order and ends at 1000", "[portfolio_import]")
{
    Fixture f;
    std::vector<std::pair<ImportStage, int>> calls;
    ImportOptions options;
    options.progress = [&](ImportStage stage, int perMille) {
        calls.emplace_back(stage, perMille);
        return true;
    };
    f.import(f.synthetic(60, 4), options);
    REQUIRE_FALSE(calls.empty());
    CHECK(calls.front().first == ImportStage::Checking);
    for (std::size_t i = 1; i < calls.size(); ++i) {
        INFO("call " << i);
        CHECK(calls[i].first >= calls[i - 1].first);
        if (calls[i].first == calls[i - 1].first) CHECK(calls[i].second >= calls[i - 1].second);
        CHECK(calls[i].second >= 0);
        CHECK(calls[i].second <= 1000);
    }
    bool checkingDone = false;
    bool writingDone = false;
    for (const auto& [stage, perMille] : calls) {
        if (stage == ImportStage::Checking && perMille == 1000) checkingDone = true;
        if (stage == ImportStage::Writing && perMille == 1000) writingDone = true;
    }
    CHECK(checkingDone);
    CHECK(writingDone);
}

TEST_CASE("a payment id stored for another loan by an earlier extract is refused with its line and both loans; "
          "nothing changes",
          "[portfolio_import]")
{
    Fixture f;
    f.importOk(f.write(kTiny));
    const Content before = everything(f.db());
    // The bank re-used P3 (L002-1's) for a payment of L001-1: either the id or the loan is wrong.
    const auto folder =
        f.write(edited({{"payments.csv", {"P3,L002-1,2024-02-10,4288.89", ""}},
                        {"payments.csv",
                         {"P2,L001-1,2025-05-15,4443.75", "P2,L001-1,2025-05-15,4443.75\nP3,L001-1,2025-06-15,100"}}}),
                "moved");
    const ImportReport report = f.import(folder);
    CHECK_FALSE(report.imported);
    Texts problems;
    for (const auto& p : report.problems)
        problems.push_back(p.text());
    CHECK(problems == Texts{"payments.csv line 4, column payment_id: 'P3' is stored for loan 'L002-1' by an earlier "
                            "extract; this extract gives it to loan 'L001-1'"});
    CHECK(everything(f.db()) == before);

    // Also when the first loan's payments come after the second's (the id is first removed there, then added).
    const auto reordered =
        f.write(edited({{"payments.csv", {"P1,L001-1,2025-04-15,4443.75", ""}},
                        {"payments.csv", {"P2,L001-1,2025-05-15,4443.75", ""}},
                        {"payments.csv",
                         {"P3,L002-1,2024-02-10,4288.89", "P9,L002-1,2024-02-10,4288.89\nP1,L001-1,2025-04-15,4443.75\n"
                                                          "P2,L001-1,2025-05-15,4443.75\nP3,L001-1,2025-06-15,100"}}}),
                "reordered");
    problems.clear();
    for (const auto& p : f.import(reordered).problems)
        problems.push_back(p.text());
    CHECK(problems == Texts{"payments.csv line 5, column payment_id: 'P3' is stored for loan 'L002-1' by an earlier "
                            "extract; this extract gives it to loan 'L001-1'"});
    CHECK(everything(f.db()) == before);
}

TEST_CASE("the demo book of seed 22 after seed 21 reuses payment ids for other loans: refused, nothing moved",
          "[portfolio_import]")
{
    // The reported case: 2,000 loans of seed 21, then 1,000 of seed 22, whose payment ids repeat the first
    // extract's for other loans; 136 loans jumped to hundreds of days past due when the payments moved.
    Fixture f;
    f.importOk(f.synthetic(2000, 21, "first"));
    const auto& db = f.db();
    const Content before = everything(db);
    const auto second = f.synthetic(1000, 22, "second");
    const ImportReport report = f.import(second);
    CHECK_FALSE(report.imported);
    REQUIRE_FALSE(report.problems.empty());
    const auto payments = test::readBytes(second / "payments.csv");
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < payments.size();) {
        const auto end = payments.find('\n', at);
        lines.push_back(payments.substr(at, end - at));
        at = end == std::string::npos ? payments.size() : end + 1;
    }
    for (const auto& p : report.problems) {
        INFO(p.text());
        CHECK(p.file == "payments.csv");
        CHECK(p.column == "payment_id");
        // The message names the loan the database holds the payment for and the loan this line gives it to (the
        // id itself, ten digits, is not quoted: it could be a personal datum); both agree with the file and the
        // database.
        const auto last = p.message.rfind('\'', p.message.size() - 2);
        const std::string given = p.message.substr(last + 1, p.message.size() - last - 2);
        const auto storedEnd = p.message.find("' by an earlier extract");
        REQUIRE(storedEnd != std::string::npos);
        const auto storedStart = p.message.rfind('\'', storedEnd - 1) + 1;
        const std::string stored = p.message.substr(storedStart, storedEnd - storedStart);
        REQUIRE(p.line >= 2);
        REQUIRE(static_cast<std::size_t>(p.line) <= lines.size());
        const std::string& line = lines[static_cast<std::size_t>(p.line - 1)];
        const std::string id = line.substr(0, line.find(','));
        CHECK(line.starts_with(id + "," + given + ","));
        CHECK(stored != given);
        CHECK(test::queryTexts(db, "SELECT l.bank_id FROM payments p JOIN loans l ON l.id = p.loan_id WHERE p.bank_id "
                                   "= '" +
                                       id + "'") == Texts{stored});
    }
    CHECK(everything(db) == before);
}

namespace {

// kTiny without C002 and everything of theirs (their only loan L002-1), as of another date.
Files withoutC002(const std::string& date)
{
    return edited(
        {{"manifest.csv", {"2026-11-30,310115", date + ",310115"}},
         {"borrowers.csv", {"C002,李强,44030419780101031X,13900001111,02161234567,徐汇区漕溪北路1号,徐汇区,,,,,", ""}},
         {"contacts.csv", {"C002,李娜,guarantor,13600004444", ""}},
         {"loans.csv", {"L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,", ""}},
         {"instalments.csv", {"L002-1,1,2024-02-10,2222.22,2066.67", ""}},
         {"instalments.csv", {"L002-1,2,2026-10-10,2222.22,2060.94", ""}},
         {"payments.csv", {"P3,L002-1,2024-02-10,4288.89", ""}}});
}

std::string statusOf(const storage::Connection& db, const std::string& loan)
{
    const auto rows = test::queryTexts(
        db,
        "SELECT as_of || '|' || dpd || '|' || bucket || '|' || risk_class || '|' || overdue_principal_fen || '|' || "
        "overdue_interest_fen || '|' || penalty_fen || '|' || compound_fen || '|' || total_overdue_fen FROM "
        "loan_status s JOIN loans l ON l.id = s.loan_id WHERE l.bank_id = '" +
            loan + "'");
    return rows.empty() ? std::string() : rows.front();
}

Texts leftBook(const storage::Connection& db, const std::string& table)
{
    return test::queryTexts(db, "SELECT bank_id || '|' || coalesce(left_book_after, 'in book') FROM " + table +
                                    " ORDER BY bank_id");
}

}  // namespace

TEST_CASE("a loan and borrower that left the book keep their figures, leave recompute, screening and the default "
          "list, still open, and come back with a later extract",
          "[portfolio_import][book]")
{
    Fixture f;
    const auto& db = f.db();
    const ImportReport first = f.importOk(f.write(kTiny));
    CHECK(first.loansLeft == 0);
    CHECK(first.borrowersLeft == 0);
    const std::int64_t c002 = test::queryInt(db, "SELECT id FROM borrowers WHERE bank_id = 'C002'");
    // L002-1 is 51 days past due: C002 is in the visit queue.
    CHECK(test::queryTexts(db, "SELECT state FROM visit_queue WHERE borrower_id = " + std::to_string(c002)) ==
          Texts{"open"});
    const std::string figures = statusOf(db, "L002-1");
    CHECK(figures.starts_with("2026-11-30|51|M2|"));
    const auto rowsOfL002 = [&] {
        return test::queryTexts(db, "SELECT 'i' || seq || due_date FROM instalments i JOIN loans l ON l.id = "
                                    "i.loan_id WHERE l.bank_id = 'L002-1' UNION ALL SELECT p.bank_id FROM payments p "
                                    "JOIN loans l ON l.id = p.loan_id WHERE l.bank_id = 'L002-1' ORDER BY 1");
    };
    const Texts rowsBefore = rowsOfL002();
    REQUIRE(rowsBefore.size() == 3);

    // A month on, C002 and L002-1 are no longer in the extract (repaid, written off, transferred).
    const ImportReport second = f.importOk(f.write(withoutC002("2026-12-31"), "december"));
    CHECK(second.loansLeft == 1);
    CHECK(second.borrowersLeft == 1);
    CHECK(second.loansReturned == 0);
    CHECK(second.borrowersReturned == 0);
    CHECK(leftBook(db, "loans") == Texts{"L001-1|in book", "L002-1|2026-11-30"});
    CHECK(leftBook(db, "borrowers") == Texts{"C001|in book", "C002|2026-11-30"});
    // Its history and last figures untouched: no penalty accrues on a loan the bank no longer holds.
    CHECK(statusOf(db, "L002-1") == figures);
    CHECK(rowsOfL002() == rowsBefore);
    CHECK(second.recompute.loans == 1);
    CHECK(statusOf(db, "L001-1").starts_with("2026-12-31|"));
    // Out of screening: the customer's open queue entry went.
    CHECK(second.screening.borrowers == 1);
    CHECK(test::queryInt(db, "SELECT count(*) FROM visit_queue WHERE borrower_id = " + std::to_string(c002)) == 0);
    // Out of the default list; listed as having left; found by a search and opened with what it was.
    const storage::PortfolioQuery query(db);
    CHECK(query.count({}) == 1);
    storage::PortfolioFilter left;
    left.book = storage::BookFilter::LeftBook;
    const auto leftRows = query.page(left, storage::PortfolioSort::LoanId, true, 0, 10);
    REQUIRE(leftRows.size() == 1);
    CHECK(leftRows[0].loanId == "L002-1");
    CHECK(leftRows[0].borrowerId == "C002");
    CHECK(leftRows[0].leftBookAfter == std::optional<std::string>("2026-11-30"));
    CHECK(leftRows[0].dpd == 51);
    storage::PortfolioFilter search;
    search.search = "L002";
    CHECK(query.count(search) == 1);
    CHECK(query.page(search, storage::PortfolioSort::LoanId, true, 0, 10).at(0).leftBookAfter.has_value());
    storage::PortfolioFilter any;
    any.book = storage::BookFilter::Any;
    CHECK(query.count(any) == 2);
    const auto opened = query.borrowerCase(c002);
    REQUIRE(opened);
    CHECK(opened->leftBookAfter == std::optional<std::string>("2026-11-30"));
    REQUIRE(opened->loans.size() == 1);
    CHECK(opened->loans[0].leftBookAfter == std::optional<std::string>("2026-11-30"));
    CHECK(opened->loans[0].instalments.size() == 2);
    REQUIRE(opened->loans[0].status);
    CHECK(opened->loans[0].status->dpd == 51);

    // The batch output (a supervisor's: administrators see no cases) lists the book only.
    f.branch.addUser("sun.li", Role::Supervisor, "supervisor-pass-2026");
    const auto supervisor = f.branch.login("sun.li", "supervisor-pass-2026");
    std::vector<std::string> cases;
    REQUIRE(app::forEachCase(*supervisor, *parseIsoDate("2026-12-31"),
                             [&](const app::CaseRow& c) { cases.push_back(c.loanId); }) == 1);
    CHECK(cases == Texts{"L001-1"});
    // A recompute for a later day leaves it alone too.
    REQUIRE(app::recompute(*f.session, *parseIsoDate("2027-01-15")));
    CHECK(statusOf(db, "L002-1") == figures);
    // The same extract again: nothing leaves, nothing returns.
    const ImportReport again = f.importOk(f.files / "december");
    CHECK(again.loansLeft == 0);
    CHECK(again.borrowersLeft == 0);
    CHECK(leftBook(db, "loans") == Texts{"L001-1|in book", "L002-1|2026-11-30"});

    // In January the bank holds the loan again: back in the book, recomputed, screened.
    Files january = kTiny;
    january["manifest.csv"] = "extract_date,branch_code\n2027-01-31,310115\n";
    const ImportReport back = f.importOk(f.write(january, "january"));
    CHECK(back.loansReturned == 1);
    CHECK(back.borrowersReturned == 1);
    CHECK(back.loansLeft == 0);
    CHECK(leftBook(db, "loans") == Texts{"L001-1|in book", "L002-1|in book"});
    CHECK(leftBook(db, "borrowers") == Texts{"C001|in book", "C002|in book"});
    CHECK(back.recompute.loans == 2);
    CHECK(statusOf(db, "L002-1").starts_with("2027-01-31|113|M4|"));  // due 2026-10-10, unpaid
    CHECK(test::queryTexts(db, "SELECT state FROM visit_queue WHERE borrower_id = " + std::to_string(c002)) ==
          Texts{"open"});
    CHECK(query.count({}) == 2);
}

// Issue 9, item 3: "a second import sometimes ends with 'the command failed unexpectedly'". While another
// program holds the database's write lock past the busy timeout, the import answers busy, as a value.
TEST_CASE("an import while another program writes answers busy after the wait", "[portfolio_import]")
{
    Fixture f;
    const auto folder = f.synthetic(5, 3);
    auto other = f.branch.loginAdmin();
    storage::Transaction writing(other->database().connection());  // another import, say
    const auto started = std::chrono::steady_clock::now();
    const auto report = app::importExtract(*f.session, folder, {});
    const auto waited = std::chrono::steady_clock::now() - started;
    REQUIRE_FALSE(report);
    CHECK(report.error().code == ErrorCode::Conflict);
    CHECK(report.error().message ==
          "The database is busy: another Doorstep program is writing to it. Try again when it is done.");
    CHECK(waited >= std::chrono::seconds{4});
}
