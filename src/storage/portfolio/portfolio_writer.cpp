#include "storage/portfolio/portfolio_writer.h"

#include "domain/shared/calendar.h"
#include "storage/database/sql_text.h"

#include <algorithm>
#include <array>
#include <fmt/core.h>
#include <string_view>

namespace doorstep::storage {

namespace {

// One column list per table (sql_text.h); the bind code below follows the same order.
constexpr std::array<std::string_view, 11> kBorrowerColumns = {"name",
                                                               "id_number",
                                                               "phone",
                                                               "phone2",
                                                               "address",
                                                               "district",
                                                               "latitude_e6",
                                                               "longitude_e6",
                                                               "employer",
                                                               "monthly_income_fen",
                                                               "monthly_expenses_fen"};
constexpr std::array<std::string_view, 1> kBankId = {"bank_id"};
constexpr std::array<std::string_view, 6> kCreditColumns = {
    "borrower_id", "report_date", "overdue_accounts_elsewhere", "worst_dpd_24m", "total_debt_fen", "enquiries_6m"};
constexpr std::array<std::string_view, 9> kLoanColumns = {"bank_id",       "borrower_id", "product",
                                                          "principal_fen", "rate_micros", "start_date",
                                                          "term_months",   "method",      "officer"};
constexpr std::array<std::string_view, 5> kInstalmentColumns = {"loan_id", "seq", "due_date", "principal_fen",
                                                                "interest_fen"};
constexpr std::array<std::string_view, 4> kPaymentColumns = {"bank_id", "loan_id", "paid_date", "amount_fen"};
constexpr std::array<std::string_view, 10> kContactEventColumns = {
    "borrower_id", "loan_id", "contact_date",        "minute_of_day", "channel",
    "reached",     "outcome", "promised_amount_fen", "promised_date", "source"};

std::string insertBorrowerSql()
{
    std::vector<std::string_view> columns{"bank_id"};
    columns.insert(columns.end(), kBorrowerColumns.begin(), kBorrowerColumns.end());
    return insertSql("borrowers", columns);
}

}  // namespace

struct PortfolioWriter::Statements {
    explicit Statements(const Connection& db)
        : findBorrower(db.prepare("SELECT id, name, id_number, phone, phone2, address, district, latitude_e6, "
                                  "longitude_e6, employer, monthly_income_fen, monthly_expenses_fen "
                                  "FROM borrowers WHERE bank_id = ?")),
          insertBorrower(db.prepare(insertBorrowerSql())),
          updateBorrower(db.prepare(updateSql("borrowers", kBorrowerColumns, "id=?"))),
          findContact(db.prepare("SELECT id FROM contact_persons WHERE borrower_id=? AND relation=? AND name=? "
                                 "AND phone=?")),
          insertContact(db.prepare("INSERT OR IGNORE INTO contact_persons (borrower_id, relation, name, phone) "
                                   "VALUES (?,?,?,?)")),
          seenContact(db.prepare("INSERT OR IGNORE INTO temp.seen_contacts (id) VALUES (?)")),
          seenBorrower(db.prepare("INSERT OR IGNORE INTO temp.seen_borrowers (id) VALUES (?)")),
          upsertCredit(db.prepare(
              upsertSql("credit_records", kCreditColumns, std::array<std::string_view, 1>{"borrower_id"}, true))),
          upsertLoan(db.prepare(upsertSql("loans", kLoanColumns, kBankId, true))),
          findLoan(db.prepare("SELECT id FROM loans WHERE bank_id = ?")),
          seenLoan(db.prepare("INSERT OR IGNORE INTO temp.seen_loans (id) VALUES (?)")),
          seenInstalments(db.prepare("UPDATE temp.seen_loans SET instalments = 1 WHERE id = ?")),
          seenPayments(db.prepare("UPDATE temp.seen_loans SET payments = 1 WHERE id = ?")),
          upsertInstalment(db.prepare(
              upsertSql("instalments", kInstalmentColumns, std::array<std::string_view, 2>{"loan_id", "seq"}, true))),
          dropInstalmentsAfter(db.prepare("DELETE FROM instalments WHERE loan_id = ? AND seq > ?")),
          upsertPayment(db.prepare(upsertSql("payments", kPaymentColumns, kBankId, true))),
          listPayments(db.prepare("SELECT bank_id FROM payments WHERE loan_id = ?")),
          dropPayment(db.prepare("DELETE FROM payments WHERE bank_id = ?")),
          insertContactEvent(db.prepare(insertSql("contact_events", kContactEventColumns, "INSERT OR IGNORE")))
    {}
    Statement findBorrower, insertBorrower, updateBorrower, findContact, insertContact, seenContact, seenBorrower,
        upsertCredit, upsertLoan, findLoan, seenLoan, seenInstalments, seenPayments, upsertInstalment,
        dropInstalmentsAfter, upsertPayment, listPayments, dropPayment, insertContactEvent;
};

namespace {

void bindOptionalCoordinate(Statement& s, int index, const std::optional<GeoPointE6>& p, bool latitude)
{
    if (p) {
        s.bind(index, latitude ? p->latitudeE6 : p->longitudeE6);
    } else {
        s.bind(index, std::nullopt);
    }
}

// True the first time a loan's row id is marked. A bit per loan: 125 KB for 1,000,000 loans. An id outside
// what an empty table hands out answers false, which only means the ledger is rebuilt from the tables.
bool markFirst(std::vector<bool>& marks, std::int64_t id)
{
    if (id <= 0 || id > (std::int64_t{1} << 26)) return false;  // at most 8 MiB of marks
    const auto at = static_cast<std::size_t>(id);
    if (at >= marks.size()) marks.resize(std::max(at + 1, marks.size() * 2));
    if (marks[at]) return false;
    marks[at] = true;
    return true;
}

std::string phoneAt(const Borrower& b, std::size_t i)
{
    return i < b.phones.size() ? b.phones[i] : std::string();
}

// kBorrowerColumns' values from parameter `first` on.
void bindBorrowerColumns(Statement& s, int first, const Borrower& b)
{
    s.bind(first, b.name).bind(first + 1, b.idNumber).bind(first + 2, phoneAt(b, 0)).bind(first + 3, phoneAt(b, 1));
    s.bind(first + 4, b.address).bind(first + 5, b.district);
    bindOptionalCoordinate(s, first + 6, b.location, true);
    bindOptionalCoordinate(s, first + 7, b.location, false);
    s.bind(first + 8, b.employer).bind(first + 9, b.monthlyIncome.fen).bind(first + 10, b.monthlyExpenses.fen);
}

}  // namespace

PortfolioWriter::PortfolioWriter(const Connection& connection) : m_db(connection)
{
    m_db.execute("CREATE TEMP TABLE IF NOT EXISTS seen_contacts (id INTEGER PRIMARY KEY);"
                 "CREATE TEMP TABLE IF NOT EXISTS seen_borrowers (id INTEGER PRIMARY KEY);"
                 "CREATE TEMP TABLE IF NOT EXISTS seen_loans (id INTEGER PRIMARY KEY, "
                 "instalments INTEGER NOT NULL DEFAULT 0, payments INTEGER NOT NULL DEFAULT 0);"
                 "DELETE FROM temp.seen_contacts; DELETE FROM temp.seen_borrowers; DELETE FROM temp.seen_loans;");
    auto count = m_db.prepare("SELECT count(*) FROM borrowers");
    count.step();
    m_fresh = count.columnInt(0) == 0;
    m_stmt = std::make_unique<Statements>(m_db);
    m_ledger = std::make_unique<LoanLedgerWriter>(m_db);
    if (!m_fresh) {
        // Whatever changes a loan's rows — upsert, move of a payment to another loan, deletion — notes the loan
        // (both loans of a move). Unchanged rows fire nothing, so a re-import without changes rebuilds nothing.
        // Temporary: they live in this connection only and are dropped by finish() (or the rollback).
        // No INSERT OR IGNORE in the bodies: the firing upsert's conflict handling would override it.
        std::string sql = "CREATE TEMP TABLE IF NOT EXISTS ledger_dirty (id INTEGER PRIMARY KEY, "
                          "instalments INTEGER NOT NULL DEFAULT 0, payments INTEGER NOT NULL DEFAULT 0);"
                          "DELETE FROM temp.ledger_dirty;";
        for (const std::string_view table : {"instalments", "payments"}) {
            for (const std::string_view event : {"insert", "update", "delete"}) {
                sql += fmt::format("CREATE TEMP TRIGGER IF NOT EXISTS ledger_{}_{} AFTER {} ON main.{} BEGIN ", table,
                                   event, event, table);
                for (const std::string_view row : {"OLD", "NEW"}) {
                    if ((row == "OLD" && event == "insert") || (row == "NEW" && event == "delete")) continue;
                    sql += fmt::format("INSERT INTO ledger_dirty (id) SELECT {0}.loan_id WHERE NOT EXISTS "
                                       "(SELECT 1 FROM ledger_dirty WHERE id = {0}.loan_id); "
                                       "UPDATE ledger_dirty SET {1} = 1 WHERE id = {0}.loan_id; ",
                                       row, table);
                }
                sql += "END;";
            }
        }
        // A payment id stored for one loan that this extract gives to another: moved in place by the upsert, or
        // removed from the first loan (no longer listed there) and inserted for the second. Noted either way, in
        // whichever order the two loans come; the import refuses such an extract (DOMAIN.md section 3).
        sql += "CREATE TEMP TABLE IF NOT EXISTS moved_payments (bank_id TEXT PRIMARY KEY, stored_loan INTEGER NOT "
               "NULL, extract_loan INTEGER NOT NULL);"
               "CREATE TEMP TABLE IF NOT EXISTS dropped_payments (bank_id TEXT PRIMARY KEY, loan_id INTEGER NOT NULL);"
               "DELETE FROM temp.moved_payments; DELETE FROM temp.dropped_payments;"
               "CREATE TEMP TRIGGER IF NOT EXISTS moved_payment_update AFTER UPDATE OF loan_id ON main.payments "
               "WHEN OLD.loan_id <> NEW.loan_id BEGIN INSERT INTO moved_payments (bank_id, stored_loan, extract_loan) "
               "SELECT OLD.bank_id, OLD.loan_id, NEW.loan_id WHERE NOT EXISTS "
               "(SELECT 1 FROM moved_payments WHERE bank_id = OLD.bank_id); END;"
               "CREATE TEMP TRIGGER IF NOT EXISTS moved_payment_delete AFTER DELETE ON main.payments BEGIN "
               "INSERT INTO dropped_payments (bank_id, loan_id) SELECT OLD.bank_id, OLD.loan_id WHERE NOT EXISTS "
               "(SELECT 1 FROM dropped_payments WHERE bank_id = OLD.bank_id); END;"
               "CREATE TEMP TRIGGER IF NOT EXISTS moved_payment_insert AFTER INSERT ON main.payments "
               "WHEN EXISTS (SELECT 1 FROM dropped_payments WHERE bank_id = NEW.bank_id AND loan_id <> NEW.loan_id) "
               "BEGIN INSERT INTO moved_payments (bank_id, stored_loan, extract_loan) SELECT NEW.bank_id, "
               "d.loan_id, NEW.loan_id FROM dropped_payments d WHERE d.bank_id = NEW.bank_id AND NOT EXISTS "
               "(SELECT 1 FROM moved_payments WHERE bank_id = NEW.bank_id); END;";
        m_db.execute(sql);
    }
}

PortfolioWriter::~PortfolioWriter()
{
    try {
        dropLedgerTriggers();
    } catch (...) {  // NOLINT(bugprone-empty-catch): the caller's rollback removes them as well
    }
}

void PortfolioWriter::dropLedgerTriggers()
{
    if (m_fresh) return;
    m_db.execute("DROP TRIGGER IF EXISTS temp.ledger_instalments_insert;"
                 "DROP TRIGGER IF EXISTS temp.ledger_instalments_update;"
                 "DROP TRIGGER IF EXISTS temp.ledger_instalments_delete;"
                 "DROP TRIGGER IF EXISTS temp.ledger_payments_insert;"
                 "DROP TRIGGER IF EXISTS temp.ledger_payments_update;"
                 "DROP TRIGGER IF EXISTS temp.ledger_payments_delete;"
                 "DROP TRIGGER IF EXISTS temp.moved_payment_update;"
                 "DROP TRIGGER IF EXISTS temp.moved_payment_delete;"
                 "DROP TRIGGER IF EXISTS temp.moved_payment_insert;");
}

std::vector<PortfolioWriter::MovedPayment> PortfolioWriter::movedPayments() const
{
    std::vector<MovedPayment> moved;
    if (m_fresh) return moved;  // nothing was stored to move
    auto q = m_db.prepare("SELECT m.bank_id, s.bank_id, e.bank_id FROM temp.moved_payments m "
                          "JOIN loans s ON s.id = m.stored_loan JOIN loans e ON e.id = m.extract_loan "
                          "ORDER BY m.bank_id");
    while (q.step())
        moved.push_back({q.columnText(0), q.columnText(1), q.columnText(2)});
    return moved;
}

std::int64_t PortfolioWriter::ledgerBlobsWritten() const
{
    return m_ledger->blobsWritten();
}

void PortfolioWriter::borrower(const Borrower& b)
{
    ++m_read;
    auto& find = m_stmt->findBorrower;
    std::int64_t id = 0;
    bool same = false;
    if (!m_fresh) {
        find.reset();
        find.bind(1, b.id);
        if (find.step()) {
            id = find.columnInt(0);
            const bool hasLocation = !find.columnIsNull(7);
            same = find.columnText(1) == b.name && find.columnText(2) == b.idNumber &&
                   find.columnText(3) == phoneAt(b, 0) && find.columnText(4) == phoneAt(b, 1) &&
                   find.columnText(5) == b.address && find.columnText(6) == b.district &&
                   hasLocation == b.location.has_value() &&
                   (!hasLocation ||
                    (find.columnInt(7) == b.location->latitudeE6 && find.columnInt(8) == b.location->longitudeE6)) &&
                   find.columnText(9) == b.employer && find.columnInt(10) == b.monthlyIncome.fen &&
                   find.columnInt(11) == b.monthlyExpenses.fen;
        }
        find.reset();
    }
    if (id == 0) {
        auto& s = m_stmt->insertBorrower;
        s.reset();
        s.bind(1, b.id);
        bindBorrowerColumns(s, 2, b);
        s.run();
        id = m_db.lastInsertId();
        ++m_changed;
    } else if (!same) {
        auto& s = m_stmt->updateBorrower;
        s.reset();
        bindBorrowerColumns(s, 1, b);
        s.bind(1 + static_cast<int>(kBorrowerColumns.size()), id);
        s.run();
        ++m_changed;
    }
    m_borrowerIds[b.id] = id;
    auto& seen = m_stmt->seenBorrower;
    seen.reset();
    seen.bind(1, id).run();
}

std::int64_t PortfolioWriter::borrowerRowId(const std::string& bankId)
{
    auto it = m_borrowerIds.find(bankId);
    if (it == m_borrowerIds.end()) throw DatabaseError(0, "a record refers to a borrower the extract did not list");
    return it->second;
}

std::int64_t PortfolioWriter::loanRowId(const std::string& bankId)
{
    auto it = m_loanIds.find(bankId);
    if (it == m_loanIds.end()) throw DatabaseError(0, "a record refers to a loan the extract did not list");
    return it->second;
}

void PortfolioWriter::contact(const ContactPerson& c)
{
    ++m_read;
    const std::int64_t borrower = borrowerRowId(c.borrowerId);
    std::int64_t id = 0;
    if (!m_fresh) {
        auto& find = m_stmt->findContact;
        find.reset();
        find.bind(1, borrower).bind(2, relationName(c.relation)).bind(3, c.name).bind(4, c.phone);
        if (find.step()) id = find.columnInt(0);
        find.reset();
    }
    if (id == 0) {
        auto& s = m_stmt->insertContact;
        s.reset();
        s.bind(1, borrower).bind(2, relationName(c.relation)).bind(3, c.name).bind(4, c.phone).run();
        // Ignored: the extract lists this person twice for the borrower, and the first listing was written.
        if (m_db.changes() == 0) return;
        id = m_db.lastInsertId();
        ++m_changed;
    }
    auto& seen = m_stmt->seenContact;
    seen.reset();
    seen.bind(1, id).run();
}

void PortfolioWriter::creditRecord(const CreditRecord& r)
{
    ++m_read;
    auto& s = m_stmt->upsertCredit;
    s.reset();
    s.bind(1, borrowerRowId(r.borrowerId)).bind(2, formatIsoDate(r.reportDate));
    s.bind(3, std::int64_t{r.overdueAccountsElsewhere}).bind(4, std::int64_t{r.worstDpd24Months});
    s.bind(5, r.totalDebt.fen).bind(6, std::int64_t{r.enquiriesLast6Months});
    s.run();
    m_changed += m_db.changes();
}

void PortfolioWriter::loan(const Loan& l)
{
    ++m_read;
    auto& s = m_stmt->upsertLoan;
    s.reset();
    s.bind(1, l.id).bind(2, borrowerRowId(l.borrowerId)).bind(3, productName(l.product));
    s.bind(4, l.principal.fen).bind(5, l.contractRate.micros).bind(6, formatIsoDate(l.startDate));
    s.bind(7, std::int64_t{l.termMonths}).bind(8, repaymentMethodName(l.method)).bind(9, l.officer);
    s.run();
    const int changed = m_db.changes();
    m_changed += changed;
    std::int64_t id = 0;
    if (m_fresh) {
        id = m_db.lastInsertId();
    } else {
        auto& find = m_stmt->findLoan;
        find.reset();
        find.bind(1, l.id);
        find.step();
        id = find.columnInt(0);
        find.reset();
        auto& seen = m_stmt->seenLoan;
        seen.reset();
        seen.bind(1, id).run();
    }
    m_loanIds[l.id] = id;
}

void PortfolioWriter::instalment(const Instalment& i)
{
    ++m_read;
    if (i.loanId != m_instalmentLoan) flushInstalments();
    m_instalmentLoan = i.loanId;
    m_instalments.push_back(i);
}

void PortfolioWriter::flushInstalments()
{
    if (m_instalments.empty()) return;
    const std::int64_t loan = loanRowId(m_instalmentLoan);
    auto& s = m_stmt->upsertInstalment;
    for (const Instalment& i : m_instalments) {
        s.reset();
        s.bind(1, loan).bind(2, std::int64_t{i.sequence}).bind(3, formatIsoDate(i.dueDate));
        s.bind(4, i.principalDue.fen).bind(5, i.interestDue.fen);
        s.run();
        m_changed += m_db.changes();
    }
    if (!m_fresh) {
        auto& seen = m_stmt->seenInstalments;
        seen.reset();
        seen.bind(1, loan).run();
        auto& drop = m_stmt->dropInstalmentsAfter;
        drop.reset();
        drop.bind(1, loan).bind(2, std::int64_t{m_instalments.back().sequence}).run();
        m_changed += m_db.changes();
    } else if (markFirst(m_ledgerInstalmentLoans, loan)) {
        // Into empty tables these rows are exactly the loan's: the reader let through only sequences
        // 1, 2, 3 … of a loan listed together once.
        m_ledger->writeInstalments(loan, m_instalments);
    } else {
        m_ledgerRebuild.emplace_back(loan, 1);
    }
    m_instalments.clear();
}

void PortfolioWriter::payment(const Payment& p)
{
    ++m_read;
    if (p.loanId != m_paymentLoan) flushPayments();
    m_paymentLoan = p.loanId;
    m_payments.push_back(p);
}

void PortfolioWriter::flushPayments()
{
    if (m_payments.empty()) return;
    const std::int64_t loan = loanRowId(m_paymentLoan);
    auto& s = m_stmt->upsertPayment;
    for (const Payment& p : m_payments) {
        s.reset();
        s.bind(1, p.id).bind(2, loan).bind(3, formatIsoDate(p.paidOn)).bind(4, p.amount.fen);
        s.run();
        m_changed += m_db.changes();
    }
    if (!m_fresh) {
        auto& seen = m_stmt->seenPayments;
        seen.reset();
        seen.bind(1, loan).run();
        // A payment the bank no longer lists (a reversal) goes; the others were just written.
        std::vector<std::string> stale;
        auto& list = m_stmt->listPayments;
        list.reset();
        list.bind(1, loan);
        while (list.step()) {
            std::string id = list.columnText(0);
            if (std::ranges::none_of(m_payments, [&](const Payment& p) { return p.id == id; }))
                stale.push_back(std::move(id));
        }
        list.reset();
        for (const auto& id : stale) {
            auto& drop = m_stmt->dropPayment;
            drop.reset();
            drop.bind(1, id).run();
            m_changed += m_db.changes();
        }
    } else if (markFirst(m_ledgerPaymentLoans, loan)) {
        // Into empty tables these rows are exactly the loan's (the reader refuses a payment id used twice),
        // and their row ids follow the extract's order: the tables' order is by date, then that order.
        std::ranges::stable_sort(m_payments, [](const Payment& a, const Payment& b) { return a.paidOn < b.paidOn; });
        m_ledger->writePayments(loan, m_payments);
    } else {
        m_ledgerRebuild.emplace_back(loan, 2);
    }
    m_payments.clear();
}

void PortfolioWriter::contactAttempt(const ContactAttempt& a)
{
    ++m_read;
    auto& s = m_stmt->insertContactEvent;
    s.reset();
    s.bind(1, borrowerRowId(a.borrowerId));
    if (a.loanId.empty()) {
        s.bind(2, std::nullopt);
    } else {
        s.bind(2, loanRowId(a.loanId));
    }
    s.bind(3, formatIsoDate(a.date)).bind(4, std::int64_t{a.minuteOfDay}).bind(5, contactChannelName(a.channel));
    s.bind(6, contactPartyName(a.reached)).bind(7, contactOutcomeName(a.outcome)).bind(8, a.promisedAmount.fen);
    s.bind(9, a.promisedDate ? formatIsoDate(*a.promisedDate) : std::string());
    s.bind(10, a.source.empty() ? std::string("call_centre") : a.source);
    s.run();
    m_changed += m_db.changes();
}

// The extract is a snapshot of the book: what it holds is in the book, what it does not hold has left it since
// the last extract. Returns are found by the partial index of those that left (few); leavers by one pass over
// the loans and the borrowers, each looked up among those the extract held.
void PortfolioWriter::markBook()
{
    std::string lastHeld;  // the last extract that held them; unknown without an import on record
    {
        auto last = m_db.prepare("SELECT extract_date FROM imports ORDER BY id DESC LIMIT 1");
        if (last.step()) lastHeld = last.columnText(0);
    }
    m_db.execute("UPDATE loans SET left_book_after = NULL WHERE left_book_after IS NOT NULL "
                 "AND id IN (SELECT id FROM temp.seen_loans)");
    m_book.loansReturned = m_db.changes();
    m_db.execute("UPDATE borrowers SET left_book_after = NULL WHERE left_book_after IS NOT NULL "
                 "AND id IN (SELECT id FROM temp.seen_borrowers)");
    m_book.borrowersReturned = m_db.changes();
    auto left = m_db.prepare("UPDATE loans SET left_book_after = ? WHERE left_book_after IS NULL "
                             "AND id NOT IN (SELECT id FROM temp.seen_loans)");
    left.bind(1, lastHeld).run();
    m_book.loansLeft = m_db.changes();
    auto gone = m_db.prepare("UPDATE borrowers SET left_book_after = ? WHERE left_book_after IS NULL "
                             "AND id NOT IN (SELECT id FROM temp.seen_borrowers)");
    gone.bind(1, lastHeld).run();
    m_book.borrowersLeft = m_db.changes();
    m_changed += m_book.loansReturned + m_book.borrowersReturned + m_book.loansLeft + m_book.borrowersLeft;
}

void PortfolioWriter::finish()
{
    flushInstalments();
    flushPayments();
    if (!m_fresh) {
        m_db.execute("DELETE FROM contact_persons WHERE borrower_id IN (SELECT id FROM temp.seen_borrowers) "
                     "AND id NOT IN (SELECT id FROM temp.seen_contacts)");
        m_changed += m_db.changes();
        // A listed loan with no instalment or payment rows at all had no group to flush: its old rows go too.
        m_db.execute("DELETE FROM instalments WHERE loan_id IN (SELECT id FROM temp.seen_loans WHERE instalments = 0)");
        m_changed += m_db.changes();
        m_db.execute("DELETE FROM payments WHERE loan_id IN (SELECT id FROM temp.seen_loans WHERE payments = 0)");
        m_changed += m_db.changes();
        markBook();
        dropLedgerTriggers();
        auto dirty = m_db.prepare("SELECT id, instalments, payments FROM temp.ledger_dirty ORDER BY id");
        while (dirty.step())
            m_ledger->rebuild(dirty.columnInt(0), dirty.columnInt(1) != 0, dirty.columnInt(2) != 0);
        dirty.reset();
        m_db.execute("DELETE FROM temp.ledger_dirty");
    }
    for (const auto& [loan, part] : m_ledgerRebuild)
        m_ledger->rebuild(loan, part == 1, part == 2);
    m_ledgerRebuild.clear();
    m_db.execute("DELETE FROM temp.seen_contacts; DELETE FROM temp.seen_borrowers; DELETE FROM temp.seen_loans;");
}

}  // namespace doorstep::storage
