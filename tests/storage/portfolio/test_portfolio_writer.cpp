#include "storage/portfolio/portfolio_writer.h"

#include "storage/portfolio/loan_status_repository.h"
#include "support/ledger_check.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <fmt/core.h>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace doorstep;
using namespace doorstep::storage;

namespace {

Date day(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// What one extract holds, as the reader would hand it over.
struct Records {
    std::vector<Borrower> borrowers;
    std::vector<ContactPerson> contacts;
    std::vector<CreditRecord> credits;
    std::vector<Loan> loans;
    std::vector<Instalment> instalments;
    std::vector<Payment> payments;
    std::int64_t size() const
    {
        return static_cast<std::int64_t>(borrowers.size() + contacts.size() + credits.size() + loans.size() +
                                         instalments.size() + payments.size());
    }
};

// Two borrowers, three contact persons, one credit record, two loans, five instalments, three payments.
// The ID numbers are synthetic with a correct check character.
Records tinyPortfolio()
{
    Records r;
    r.borrowers.push_back(Borrower{"C001",
                                   "王秀英",
                                   "110101199003071233",
                                   {"13812345678"},
                                   "浦东新区张杨路1500号3室",
                                   "浦东新区",
                                   GeoPointE6{31'230'416, 121'473'701},
                                   "某某物流有限公司",
                                   Money{1'200'000},
                                   Money{700'000}});
    r.borrowers.push_back(Borrower{"C002",
                                   "李强",
                                   "44030419780101031X",
                                   {"13900001111", "02161234567"},
                                   "徐汇区漕溪北路1号",
                                   "徐汇区",
                                   std::nullopt,
                                   "",
                                   Money{},
                                   Money{}});
    r.contacts = {{"C001", "张伟", Relation::Spouse, "13700002222"},
                  {"C001", "王芳", Relation::Relative, "13700003333"},
                  {"C002", "李娜", Relation::Guarantor, "13600004444"}};
    r.credits = {{"C001", day(2026, 10, 15), 1, 45, Money{23'000'000}, 3}};
    r.loans = {{"L001-1", "C001", Product::Consumer, Money{15'000'000}, AnnualRate{43'500}, day(2025, 3, 15), 36,
                RepaymentMethod::EqualInstalment, "officer1"},
               {"L002-1", "C002", Product::Mortgage, Money{80'000'000}, AnnualRate{31'000}, day(2024, 1, 10), 360,
                RepaymentMethod::EqualPrincipal, ""}};
    r.instalments = {{"L001-1", 1, day(2025, 4, 15), Money{390'000}, Money{54'375}},
                     {"L001-1", 2, day(2025, 5, 15), Money{391'414}, Money{52'961}},
                     {"L001-1", 3, day(2025, 6, 15), Money{392'833}, Money{51'542}},
                     {"L002-1", 1, day(2024, 2, 10), Money{222'222}, Money{206'667}},
                     {"L002-1", 2, day(2024, 3, 10), Money{222'222}, Money{206'094}}};
    r.payments = {{"PA1", "L001-1", day(2025, 4, 15), Money{444'375}},
                  {"PA2", "L001-1", day(2025, 5, 20), Money{444'375}},
                  {"PB1", "L002-1", day(2024, 2, 10), Money{428'889}}};
    return r;
}

struct Written {
    std::int64_t changed = 0;
    std::int64_t read = 0;
    std::int64_t ledgerBlobs = 0;
    std::vector<std::string> moved;  // "payment|stored loan>extract loan"
};

// Feeds the records in extract order inside one transaction, as the import does.
Written write(const Connection& db, const Records& r)
{
    Transaction tx(db);
    PortfolioWriter w(db);
    for (const auto& b : r.borrowers)
        w.borrower(b);
    for (const auto& c : r.contacts)
        w.contact(c);
    for (const auto& c : r.credits)
        w.creditRecord(c);
    for (const auto& l : r.loans)
        w.loan(l);
    for (const auto& i : r.instalments)
        w.instalment(i);
    for (const auto& p : r.payments)
        w.payment(p);
    w.finish();
    Written out{w.rowsChanged(), w.rowsRead(), w.ledgerBlobsWritten(), {}};
    for (const auto& m : w.movedPayments())
        out.moved.push_back(m.paymentId + "|" + m.storedLoan + ">" + m.extractLoan);
    tx.commit();
    return out;
}

std::int64_t scalar(const Connection& db, const std::string& sql)
{
    auto s = db.prepare(sql);
    REQUIRE(s.step());
    return s.columnInt(0);
}

std::int64_t rows(const Connection& db, const std::string& table)
{
    return scalar(db, "SELECT count(*) FROM " + table);  // our own table names only
}

// Every row of every table as text, in a fixed order: equal snapshots mean equal content.
std::string snapshot(const Connection& db)
{
    std::string out;
    auto tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                             "ORDER BY name");
    while (tables.step()) {
        const std::string table = tables.columnText(0);
        std::string row = "''";
        auto columns = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
        columns.bind(1, table);
        while (columns.step())
            row += " || '|' || quote(\"" + columns.columnText(0) + "\")";
        auto all = db.prepare("SELECT " + row + " FROM \"" + table + "\" ORDER BY 1");
        out += table + "\n";
        while (all.step())
            out += all.columnText(0) + "\n";
    }
    return out;
}

std::string borrowerRow(const Connection& db, const std::string& bankId)
{
    auto s = db.prepare("SELECT name || '|' || id_number || '|' || phone || '|' || phone2 || '|' || address || '|' || "
                        "district || '|' || coalesce(latitude_e6, 'null') || '|' || coalesce(longitude_e6, 'null') || "
                        "'|' || employer || '|' || monthly_income_fen || '|' || monthly_expenses_fen FROM borrowers "
                        "WHERE bank_id = ?");
    s.bind(1, bankId);
    REQUIRE(s.step());
    return s.columnText(0);
}

std::string loanRow(const Connection& db, const std::string& bankId)
{
    auto s = db.prepare("SELECT b.bank_id || '|' || l.product || '|' || l.principal_fen || '|' || l.rate_micros || "
                        "'|' || l.start_date || '|' || l.term_months || '|' || l.method || '|' || l.officer "
                        "FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.bank_id = ?");
    s.bind(1, bankId);
    REQUIRE(s.step());
    return s.columnText(0);
}

std::vector<std::string> listOf(const Connection& db, const std::string& sql)
{
    std::vector<std::string> out;
    auto s = db.prepare(sql);
    while (s.step())
        out.push_back(s.columnText(0));
    return out;
}

std::vector<std::string> instalmentsOf(const Connection& db)
{
    return listOf(db, "SELECT l.bank_id || '#' || i.seq || '|' || i.due_date || '|' || i.principal_fen || '|' || "
                      "i.interest_fen FROM instalments i JOIN loans l ON l.id = i.loan_id ORDER BY l.bank_id, i.seq");
}

std::vector<std::string> paymentsOf(const Connection& db)
{
    return listOf(db, "SELECT p.bank_id || '|' || l.bank_id || '|' || p.paid_date || '|' || p.amount_fen "
                      "FROM payments p JOIN loans l ON l.id = p.loan_id ORDER BY p.bank_id");
}

std::vector<std::string> contactsOf(const Connection& db)
{
    return listOf(db, "SELECT b.bank_id || '|' || c.relation || '|' || c.name || '|' || c.phone "
                      "FROM contact_persons c JOIN borrowers b ON b.id = c.borrower_id ORDER BY b.bank_id, c.name");
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("a first extract writes every record with its values", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    const Records r = tinyPortfolio();
    const Written w = write(db, r);
    CHECK(w.read == 16);
    CHECK(w.changed == 16);  // every record is a new row

    CHECK(rows(db, "borrowers") == 2);
    CHECK(rows(db, "contact_persons") == 3);
    CHECK(rows(db, "credit_records") == 1);
    CHECK(rows(db, "loans") == 2);
    CHECK(rows(db, "instalments") == 5);
    CHECK(rows(db, "payments") == 3);
    CHECK(rows(db, "loan_status") == 0);  // the writer stores what core banking says, nothing computed

    CHECK(borrowerRow(db, "C001") ==
          "王秀英|110101199003071233|13812345678||浦东新区张杨路1500号3室|浦东新区|31230416|121473701|"
          "某某物流有限公司|1200000|700000");
    CHECK(borrowerRow(db, "C002") ==
          "李强|44030419780101031X|13900001111|02161234567|徐汇区漕溪北路1号|徐汇区|null|null||0|0");
    CHECK(contactsOf(db) ==
          Texts{"C001|spouse|张伟|13700002222", "C001|relative|王芳|13700003333", "C002|guarantor|李娜|13600004444"});
    CHECK(listOf(db, "SELECT b.bank_id || '|' || report_date || '|' || overdue_accounts_elsewhere || '|' || "
                     "worst_dpd_24m || '|' || total_debt_fen || '|' || enquiries_6m FROM credit_records c "
                     "JOIN borrowers b ON b.id = c.borrower_id") == Texts{"C001|2026-10-15|1|45|23000000|3"});
    CHECK(loanRow(db, "L001-1") == "C001|consumer|15000000|43500|2025-03-15|36|equal_instalment|officer1");
    CHECK(loanRow(db, "L002-1") == "C002|mortgage|80000000|31000|2024-01-10|360|equal_principal|");
    CHECK(instalmentsOf(db) == Texts{"L001-1#1|2025-04-15|390000|54375", "L001-1#2|2025-05-15|391414|52961",
                                     "L001-1#3|2025-06-15|392833|51542", "L002-1#1|2024-02-10|222222|206667",
                                     "L002-1#2|2024-03-10|222222|206094"});
    CHECK(paymentsOf(db) ==
          Texts{"PA1|L001-1|2025-04-15|444375", "PA2|L001-1|2025-05-20|444375", "PB1|L002-1|2024-02-10|428889"});
    // Money and rates are integers in the database, never REAL.
    CHECK(scalar(db, "SELECT count(*) FROM loans WHERE typeof(principal_fen) <> 'integer' OR "
                     "typeof(rate_micros) <> 'integer'") == 0);
    CHECK(scalar(db, "SELECT count(*) FROM payments WHERE typeof(amount_fen) <> 'integer'") == 0);
}

TEST_CASE("the same extract written twice changes no row", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    const std::string before = snapshot(db);
    const Written again = write(db, tinyPortfolio());
    CHECK(again.changed == 0);
    CHECK(again.read == 16);
    CHECK(again.ledgerBlobs == 0);  // no loan's rows changed: no ledger row rewritten
    CHECK(snapshot(db) == before);
}

TEST_CASE("the loan ledger holds each loan's rows after a first and a changed extract", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    const Written first = write(db, tinyPortfolio());
    CHECK(first.ledgerBlobs == 4);  // both loans' schedules and payments, from the records
    CHECK(test::ledgerMismatch(db).empty());
    CHECK(rows(db, "loan_ledger") == 2);

    // One payment of L002-1 changes: only that loan's payments are packed again.
    const auto before = test::ledgerRows(db);
    Records r = tinyPortfolio();
    r.payments[2].amount = Money{428'890};
    const Written w = write(db, r);
    CHECK(w.changed == 1);
    CHECK(w.ledgerBlobs == 1);
    CHECK(test::ledgerMismatch(db).empty());
    auto after = test::ledgerRows(db);
    const std::int64_t l001 = scalar(db, "SELECT id FROM loans WHERE bank_id = 'L001-1'");
    const std::int64_t l002 = scalar(db, "SELECT id FROM loans WHERE bank_id = 'L002-1'");
    CHECK(after.at(l001) == before.at(l001));
    CHECK(after.at(l002) != before.at(l002));

    // A loan listed again with its payments out of date order: the ledger keeps the tables' order.
    r.payments.insert(r.payments.begin(), {"PA0", "L001-1", day(2025, 4, 1), Money{100}});
    r.payments.push_back({"PB0", "L002-1", day(2024, 1, 31), Money{5}});
    r.payments.push_back({"PB3", "L002-1", day(2024, 3, 12), Money{7}});
    r.payments.push_back({"PB4", "L002-1", day(2024, 3, 12), Money{3}});
    CHECK(write(db, r).ledgerBlobs == 2);
    CHECK(test::ledgerMismatch(db).empty());
    // The same into an empty database, where the ledger is packed from the records as they come.
    const Connection fresh = test::migratedDatabase(dir / "q.db");
    CHECK(write(fresh, r).ledgerBlobs == 4);
    CHECK(test::ledgerMismatch(fresh).empty());
    CHECK(test::ledgerRows(fresh) == test::ledgerRows(db));
}

TEST_CASE("a loan's rows met in two groups (which the reader refuses) still leave a true ledger", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    Records r = tinyPortfolio();
    r.instalments.push_back({"L001-1", 4, day(2025, 7, 15), Money{100}, Money{1}});  // after L002-1's group
    r.payments.push_back({"PA3", "L001-1", day(2025, 1, 2), Money{9}});              // after PB1
    const Written w = write(db, r);
    CHECK(w.ledgerBlobs == 6);  // four packed from the records, L001-1's two rebuilt from the tables
    CHECK(test::ledgerMismatch(db).empty());
}

TEST_CASE("a changed extract updates exactly what changed, counted row by row", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    const std::int64_t c001 = scalar(db, "SELECT id FROM borrowers WHERE bank_id = 'C001'");
    const std::int64_t l001 = scalar(db, "SELECT id FROM loans WHERE bank_id = 'L001-1'");

    Records r = tinyPortfolio();
    r.borrowers[0].phones[0] = "13812340000";                                   // 1: one borrower's phone
    r.loans[1].officer = "officer2";                                            // 2: one loan's officer
    r.payments.push_back({"PB2", "L002-1", day(2024, 3, 12), Money{428'316}});  // 3: a new payment
    r.payments.erase(r.payments.begin() + 1);                                   // 4: PA2 reversed
    r.contacts.erase(r.contacts.begin() + 1);                                   // 5: 王芳 no longer listed
    r.instalments[2].interestDue = Money{51'000};                               // 6: one instalment's interest
    const Written w = write(db, r);
    CHECK(w.changed == 6);

    CHECK(borrowerRow(db, "C001") ==
          "王秀英|110101199003071233|13812340000||浦东新区张杨路1500号3室|浦东新区|31230416|121473701|"
          "某某物流有限公司|1200000|700000");
    CHECK(loanRow(db, "L002-1") == "C002|mortgage|80000000|31000|2024-01-10|360|equal_principal|officer2");
    CHECK(paymentsOf(db) ==
          Texts{"PA1|L001-1|2025-04-15|444375", "PB1|L002-1|2024-02-10|428889", "PB2|L002-1|2024-03-12|428316"});
    CHECK(contactsOf(db) == Texts{"C001|spouse|张伟|13700002222", "C002|guarantor|李娜|13600004444"});
    CHECK(instalmentsOf(db) == Texts{"L001-1#1|2025-04-15|390000|54375", "L001-1#2|2025-05-15|391414|52961",
                                     "L001-1#3|2025-06-15|392833|51000", "L002-1#1|2024-02-10|222222|206667",
                                     "L002-1#2|2024-03-10|222222|206094"});
    // Rows keep their ids, so what Doorstep recorded about them still points at the right place.
    CHECK(scalar(db, "SELECT id FROM borrowers WHERE bank_id = 'C001'") == c001);
    CHECK(scalar(db, "SELECT id FROM loans WHERE bank_id = 'L001-1'") == l001);

    CHECK(test::ledgerMismatch(db).empty());
    // Written once more, the changed extract is the stored state: nothing to do.
    const Written again = write(db, r);
    CHECK(again.changed == 0);
    CHECK(again.ledgerBlobs == 0);
}

TEST_CASE("every borrower field, credit and loan term is compared, not only some", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    using Change = std::function<void(Records&)>;
    const std::vector<std::pair<const char*, Change>> changes{
        {"name", [](Records& r) { r.borrowers[0].name = "王秀兰"; }},
        {"second phone", [](Records& r) { r.borrowers[0].phones.push_back("13000000000"); }},
        {"address", [](Records& r) { r.borrowers[0].address = "浦东新区张杨路1500号4室"; }},
        {"district", [](Records& r) { r.borrowers[0].district = "黄浦区"; }},
        {"location gone", [](Records& r) { r.borrowers[0].location.reset(); }},
        {"latitude", [](Records& r) { r.borrowers[0].location->latitudeE6 += 1; }},
        {"employer", [](Records& r) { r.borrowers[0].employer.clear(); }},
        {"income", [](Records& r) { r.borrowers[0].monthlyIncome = Money{1'200'001}; }},
        {"expenses", [](Records& r) { r.borrowers[1].monthlyExpenses = Money{1}; }},
        {"credit report date", [](Records& r) { r.credits[0].reportDate = day(2026, 11, 15); }},
        {"credit worst DPD", [](Records& r) { r.credits[0].worstDpd24Months = 46; }},
        {"loan principal", [](Records& r) { r.loans[0].principal = Money{15'000'001}; }},
        {"loan rate", [](Records& r) { r.loans[0].contractRate = AnnualRate{43'600}; }},
        {"loan product", [](Records& r) { r.loans[0].product = Product::Business; }},
        {"loan method", [](Records& r) { r.loans[0].method = RepaymentMethod::EqualPrincipal; }},
        {"instalment due date", [](Records& r) { r.instalments[0].dueDate = day(2025, 4, 16); }},
        {"payment amount", [](Records& r) { r.payments[0].amount = Money{444'376}; }},
        {"payment date", [](Records& r) { r.payments[0].paidOn = day(2025, 4, 14); }},
    };
    for (const auto& [what, change] : changes) {
        INFO(what);
        Records r = tinyPortfolio();
        change(r);
        CHECK(write(db, r).changed == 1);
        CHECK(test::ledgerMismatch(db).empty());
        CHECK(write(db, tinyPortfolio()).changed == 1);  // and back
        CHECK(test::ledgerMismatch(db).empty());
    }
}

TEST_CASE("a shorter schedule drops the instalments after its end", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    Records r = tinyPortfolio();
    r.instalments.erase(r.instalments.begin() + 1, r.instalments.begin() + 3);  // L001-1 keeps only #1
    CHECK(write(db, r).changed == 2);
    CHECK(instalmentsOf(db) == Texts{"L001-1#1|2025-04-15|390000|54375", "L002-1#1|2024-02-10|222222|206667",
                                     "L002-1#2|2024-03-10|222222|206094"});
    CHECK(test::ledgerMismatch(db).empty());
}

TEST_CASE("a reversed payment goes even when it was the loan's only one", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    Records r = tinyPortfolio();
    r.payments.pop_back();  // PB1 was L002-1's only payment: the extract now lists none for that loan
    CHECK(write(db, r).changed == 1);
    CHECK(paymentsOf(db) == Texts{"PA1|L001-1|2025-04-15|444375", "PA2|L001-1|2025-05-20|444375"});
    CHECK(test::ledgerMismatch(db).empty());
    CHECK(write(db, r).changed == 0);
}

TEST_CASE("a schedule the extract no longer lists at all is removed", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    Records r = tinyPortfolio();
    r.instalments.resize(3);  // L002-1 is listed without instalments
    CHECK(write(db, r).changed == 2);
    CHECK(instalmentsOf(db) == Texts{"L001-1#1|2025-04-15|390000|54375", "L001-1#2|2025-05-15|391414|52961",
                                     "L001-1#3|2025-06-15|392833|51542"});
    CHECK(test::ledgerMismatch(db).empty());
}

TEST_CASE("a payment moved to another loan is updated in place", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    Records r = tinyPortfolio();
    // The bank re-posted PA2 to the other loan; L002-1's payments come after L001-1's.
    r.payments = {{"PA1", "L001-1", day(2025, 4, 15), Money{444'375}},
                  {"PB1", "L002-1", day(2024, 2, 10), Money{428'889}},
                  {"PA2", "L002-1", day(2025, 5, 20), Money{444'375}}};
    const Written w = write(db, r);
    CHECK(paymentsOf(db) ==
          Texts{"PA1|L001-1|2025-04-15|444375", "PA2|L002-1|2025-05-20|444375", "PB1|L002-1|2024-02-10|428889"});
    // Counted as one change or as a removal and an insertion, depending on which loan comes first.
    CHECK(w.changed >= 1);
    CHECK(w.changed <= 2);
    CHECK(w.ledgerBlobs == 2);  // the payments of both loans
    CHECK(test::ledgerMismatch(db).empty());
    // The writer says so, for the import to refuse (DOMAIN.md section 3): removed from L001-1, then added to L002-1.
    CHECK(w.moved == Texts{"PA2|L001-1>L002-1"});
    const Written again = write(db, r);
    CHECK(again.changed == 0);
    CHECK(again.moved.empty());
}

TEST_CASE("a payment moved in place to a loan listed before its own is noted as moved too", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    Records r = tinyPortfolio();
    // L002-1's payments come first: PA2 is updated to L002-1 while L001-1 still holds it.
    r.payments = {{"PB1", "L002-1", day(2024, 2, 10), Money{428'889}},
                  {"PA2", "L002-1", day(2025, 5, 20), Money{444'375}},
                  {"PA1", "L001-1", day(2025, 4, 15), Money{444'375}}};
    CHECK(write(db, r).moved == Texts{"PA2|L001-1>L002-1"});
    // A payment that only changes its date or amount is no move.
    Records changed = tinyPortfolio();
    changed.payments[0].amount = Money{1};
    CHECK(write(db, changed).moved == Texts{"PA2|L002-1>L001-1"});
    changed.payments[0].amount = Money{2};
    CHECK(write(db, changed).moved.empty());
}

TEST_CASE("borrowers and loans the extract no longer lists stay, with their rows, marked as left the book",
          "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    Records r = tinyPortfolio();
    // C002 and its loan are gone from core banking (repaid, sold): Doorstep's cases may refer to them.
    r.borrowers.pop_back();
    r.contacts.pop_back();
    r.loans.pop_back();
    r.instalments.resize(3);
    r.payments.pop_back();
    // Both left the book: marked so (the last extract that held them is unknown without an import on record).
    const Written w = write(db, r);
    CHECK(w.changed == 2);
    CHECK(listOf(db, "SELECT bank_id || '|' || coalesce(left_book_after, 'in book') FROM loans ORDER BY bank_id") ==
          Texts{"L001-1|in book", "L002-1|"});
    CHECK(listOf(db, "SELECT bank_id || '|' || coalesce(left_book_after, 'in book') FROM borrowers "
                     "ORDER BY bank_id") == Texts{"C001|in book", "C002|"});
    CHECK(write(db, r).changed == 0);  // and stay so
    CHECK(rows(db, "borrowers") == 2);
    CHECK(rows(db, "loans") == 2);
    CHECK(rows(db, "instalments") == 5);
    CHECK(rows(db, "payments") == 3);
    CHECK(contactsOf(db) ==
          Texts{"C001|spouse|张伟|13700002222", "C001|relative|王芳|13700003333", "C002|guarantor|李娜|13600004444"});
    // Listed again: back in the book, with nothing else to change.
    CHECK(write(db, tinyPortfolio()).changed == 2);
    CHECK(listOf(db, "SELECT bank_id || '|' || coalesce(left_book_after, 'in book') FROM loans ORDER BY bank_id") ==
          Texts{"L001-1|in book", "L002-1|in book"});
    CHECK(listOf(db, "SELECT bank_id || '|' || coalesce(left_book_after, 'in book') FROM borrowers "
                     "ORDER BY bank_id") == Texts{"C001|in book", "C002|in book"});
}

TEST_CASE("a contact person listed twice is stored once", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    Records r = tinyPortfolio();
    r.contacts.insert(r.contacts.begin() + 1, r.contacts[0]);
    CHECK(write(db, r).changed == 16);  // the second listing is no new row
    CHECK(rows(db, "contact_persons") == 3);
    CHECK(write(db, r).changed == 0);
    CHECK(rows(db, "contact_persons") == 3);
}

TEST_CASE("what Doorstep computed and recorded survives a re-import", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    const std::int64_t l001 = scalar(db, "SELECT id FROM loans WHERE bank_id = 'L001-1'");
    LoanStatusRepository statuses(db);
    statuses.save({l001, "2026-10-31", 20, "M1", "special_mention", Money{1}, Money{2}, Money{3}, Money{4}, Money{10},
                   Money{100}});
    statuses.save({l001, "2026-11-30", 50, "M2", "special_mention", Money{1}, Money{2}, Money{3}, Money{4}, Money{10},
                   Money{100}});
    REQUIRE(rows(db, "status_history") == 1);

    Records r = tinyPortfolio();
    r.loans[0].officer = "officer9";
    r.payments.erase(r.payments.begin());  // even the loan's own rows changing leaves its status alone
    write(db, r);
    CHECK(rows(db, "loan_status") == 1);
    CHECK(rows(db, "status_history") == 1);
    CHECK(scalar(db, "SELECT dpd FROM loan_status") == 50);
}

TEST_CASE("an exception part-way leaves the caller's transaction to roll everything back", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    write(db, tinyPortfolio());
    const std::string before = snapshot(db);

    Records r = tinyPortfolio();
    r.borrowers[0].phones[0] = "13800000000";
    r.loans[0].officer = "officer7";
    CHECK_THROWS_AS(
        [&] {
            Transaction tx(db);
            PortfolioWriter w(db);
            for (const auto& b : r.borrowers)
                w.borrower(b);
            for (const auto& l : r.loans)
                w.loan(l);
            w.instalment(r.instalments[0]);
            throw std::runtime_error("the disk went away");
        }(),
        std::runtime_error);
    CHECK(snapshot(db) == before);
    // And the next writer starts clean: the temporary bookkeeping of the failed one does not leak.
    CHECK(write(db, tinyPortfolio()).changed == 0);
    CHECK(snapshot(db) == before);
}

TEST_CASE("a record naming a borrower or loan the extract did not list is refused", "[portfolio_writer]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "p.db");
    Transaction tx(db);
    PortfolioWriter w(db);
    const Records r = tinyPortfolio();
    w.borrower(r.borrowers[0]);
    CHECK_THROWS_AS(w.contact(r.contacts[2]), DatabaseError);  // C002 not listed
    CHECK_THROWS_AS(w.loan(r.loans[1]), DatabaseError);        // C002 not listed
    w.loan(r.loans[0]);
    w.payment({"PX", "L404", day(2025, 1, 1), Money{1}});
    CHECK_THROWS_AS(w.finish(), DatabaseError);  // the group of an unknown loan is flushed at the end
}
