#include "storage/portfolio/loan_status_repository.h"

#include "domain/shared/calendar.h"
#include "storage/portfolio/loan_ledger.h"

#include <optional>
#include <vector>

namespace doorstep::storage {

struct LoanStatusRepository::Statements {
    explicit Statements(const Connection& db)
        : find(db.prepare("SELECT dpd, bucket, risk_class, overdue_principal_fen, overdue_interest_fen, penalty_fen, "
                          "compound_fen, total_overdue_fen, outstanding_principal_fen, as_of "
                          "FROM loan_status WHERE loan_id = ?")),
          upsert(db.prepare("INSERT INTO loan_status (loan_id, as_of, dpd, bucket, risk_class, overdue_principal_fen, "
                            "overdue_interest_fen, penalty_fen, compound_fen, total_overdue_fen, "
                            "outstanding_principal_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (loan_id) DO "
                            "UPDATE SET as_of=excluded.as_of, dpd=excluded.dpd, bucket=excluded.bucket, "
                            "risk_class=excluded.risk_class, overdue_principal_fen=excluded.overdue_principal_fen, "
                            "overdue_interest_fen=excluded.overdue_interest_fen, penalty_fen=excluded.penalty_fen, "
                            "compound_fen=excluded.compound_fen, total_overdue_fen=excluded.total_overdue_fen, "
                            "outstanding_principal_fen=excluded.outstanding_principal_fen")),
          history(db.prepare("INSERT INTO status_history (loan_id, as_of, from_bucket, to_bucket, from_class, "
                             "to_class) VALUES (?,?,?,?,?,?)"))
    {}
    Statement find, upsert, history;
};

LoanStatusRepository::LoanStatusRepository(const Connection& connection)
    : m_db(connection), m_stmt(std::make_unique<Statements>(connection))
{}

LoanStatusRepository::~LoanStatusRepository() = default;

namespace {

Date dateOf(const std::string& text)
{
    return parseIsoDate(text).value_or(Date{});
}

// A row of "SELECT id, bank_id, borrower bank_id, product, principal_fen, rate_micros, start_date, term_months,
// method, officer" from loans.
void readLoan(const Statement& loans, Loan& loan)
{
    loan.id = loans.columnText(1);
    loan.borrowerId = loans.columnText(2);
    loan.product = parseProduct(loans.columnText(3)).value_or(Product::Consumer);
    loan.principal = Money{loans.columnInt(4)};
    loan.contractRate = AnnualRate{loans.columnInt(5)};
    loan.startDate = dateOf(loans.columnText(6));
    loan.termMonths = static_cast<int>(loans.columnInt(7));
    loan.method = parseRepaymentMethod(loans.columnText(8)).value_or(RepaymentMethod::EqualInstalment);
    loan.officer = loans.columnText(9);
}

}  // namespace

void LoanStatusRepository::forEachLoan(const std::function<void(std::int64_t, const Loan&, std::span<const Instalment>,
                                                                std::span<const Payment>)>& visit) const
{
    // Three cursors walked together in loan order: one loan's rows in memory at a time.
    auto loans = m_db.prepare("SELECT l.id, l.bank_id, b.bank_id, l.product, l.principal_fen, l.rate_micros, "
                              "l.start_date, l.term_months, l.method, l.officer FROM loans l "
                              "JOIN borrowers b ON b.id = l.borrower_id ORDER BY l.id");
    auto instalments = m_db.prepare("SELECT loan_id, seq, due_date, principal_fen, interest_fen FROM instalments "
                                    "ORDER BY loan_id, seq");
    auto payments = m_db.prepare("SELECT loan_id, bank_id, paid_date, amount_fen FROM payments "
                                 "ORDER BY loan_id, paid_date, id");
    bool moreInstalments = instalments.step();
    bool morePayments = payments.step();
    std::vector<Instalment> schedule;
    std::vector<Payment> paid;
    while (loans.step()) {
        const std::int64_t id = loans.columnInt(0);
        Loan loan;
        readLoan(loans, loan);
        schedule.clear();
        paid.clear();
        while (moreInstalments && instalments.columnInt(0) < id)
            moreInstalments = instalments.step();
        while (moreInstalments && instalments.columnInt(0) == id) {
            schedule.push_back(Instalment{loan.id, static_cast<int>(instalments.columnInt(1)),
                                          dateOf(instalments.columnText(2)), Money{instalments.columnInt(3)},
                                          Money{instalments.columnInt(4)}});
            moreInstalments = instalments.step();
        }
        while (morePayments && payments.columnInt(0) < id)
            morePayments = payments.step();
        while (morePayments && payments.columnInt(0) == id) {
            paid.push_back(
                Payment{payments.columnText(1), loan.id, dateOf(payments.columnText(2)), Money{payments.columnInt(3)}});
            morePayments = payments.step();
        }
        visit(id, loan, schedule, paid);
    }
}

namespace {

// Columns from `first` on: dpd, bucket, risk_class, the six amounts, as_of (the order of `find`).
void readStatus(const Statement& q, int first, LoanStatusRow& out)
{
    out.dpd = static_cast<int>(q.columnInt(first));
    out.bucket = q.columnText(first + 1);
    out.riskClass = q.columnText(first + 2);
    out.overduePrincipal = Money{q.columnInt(first + 3)};
    out.overdueInterest = Money{q.columnInt(first + 4)};
    out.penalty = Money{q.columnInt(first + 5)};
    out.compound = Money{q.columnInt(first + 6)};
    out.totalOverdue = Money{q.columnInt(first + 7)};
    out.outstandingPrincipal = Money{q.columnInt(first + 8)};
    out.asOf = q.columnText(first + 9);
}

}  // namespace

void LoanStatusRepository::forEachLedgerLoan(LedgerWalk what, const std::function<void(const LedgerLoan&)>& visit) const
{
    // Up to three cursors walked together in loan order (loans, ledger, stored states), like forEachLoan: one
    // loan in memory at a time. The states may be written while their cursor is open (save() of the loan just
    // read): SQLite keeps the cursor's position, and rows before it are never read again.
    auto loans =
        m_db.prepare(what.borrowerIds ? "SELECT l.id, l.bank_id, b.bank_id, l.product, l.principal_fen, l.rate_micros, "
                                        "l.start_date, l.term_months, l.method, l.officer FROM loans l "
                                        "JOIN borrowers b ON b.id = l.borrower_id WHERE l.left_book_after IS NULL "
                                        "ORDER BY l.id"
                                      : "SELECT id, bank_id, '', product, principal_fen, rate_micros, start_date, "
                                        "term_months, method, officer FROM loans WHERE left_book_after IS NULL "
                                        "ORDER BY id");
    auto ledger = m_db.prepare("SELECT loan_id, instalments, payments FROM loan_ledger ORDER BY loan_id");
    std::optional<Statement> status;
    if (what.status)
        status.emplace(m_db.prepare("SELECT loan_id, dpd, bucket, risk_class, overdue_principal_fen, "
                                    "overdue_interest_fen, penalty_fen, compound_fen, total_overdue_fen, "
                                    "outstanding_principal_fen, as_of FROM loan_status ORDER BY loan_id"));
    bool moreLedger = ledger.step();
    bool moreStatus = status && status->step();
    std::vector<Instalment> schedule;
    std::vector<Payment> paid;
    Loan loan;
    LoanStatusRow stored;
    while (loans.step()) {
        const std::int64_t id = loans.columnInt(0);
        readLoan(loans, loan);
        while (moreLedger && ledger.columnInt(0) < id)
            moreLedger = ledger.step();
        if (moreLedger && ledger.columnInt(0) == id) {
            decodeInstalments(ledger.columnBlob(1), schedule);
            decodePayments(ledger.columnBlob(2), paid);
        } else {
            schedule.clear();
            paid.clear();
        }
        const LoanStatusRow* found = nullptr;
        while (moreStatus && status->columnInt(0) < id)
            moreStatus = status->step();
        if (moreStatus && status->columnInt(0) == id) {
            stored.loanRowId = id;
            readStatus(*status, 1, stored);
            found = &stored;
        }
        visit(LedgerLoan{id, loan, schedule, paid, found});
    }
}

bool LoanStatusRepository::save(const LoanStatusRow& s)
{
    auto& find = m_stmt->find;
    find.reset();
    find.bind(1, s.loanRowId);
    LoanStatusRow stored;
    const bool existed = find.step();
    if (existed) readStatus(find, 0, stored);
    find.reset();
    return save(s, existed ? &stored : nullptr);
}

bool LoanStatusRepository::save(const LoanStatusRow& s, const LoanStatusRow* stored)
{
    const bool existed = stored != nullptr;
    if (existed && stored->dpd == s.dpd && stored->bucket == s.bucket && stored->riskClass == s.riskClass &&
        stored->overduePrincipal == s.overduePrincipal && stored->overdueInterest == s.overdueInterest &&
        stored->penalty == s.penalty && stored->compound == s.compound && stored->totalOverdue == s.totalOverdue &&
        stored->outstandingPrincipal == s.outstandingPrincipal && stored->asOf == s.asOf)
        return false;
    const std::string oldBucket = existed ? stored->bucket : std::string();
    const std::string oldClass = existed ? stored->riskClass : std::string();
    auto& up = m_stmt->upsert;
    up.reset();
    up.bind(1, s.loanRowId).bind(2, s.asOf).bind(3, std::int64_t{s.dpd}).bind(4, s.bucket).bind(5, s.riskClass);
    up.bind(6, s.overduePrincipal.fen).bind(7, s.overdueInterest.fen).bind(8, s.penalty.fen).bind(9, s.compound.fen);
    up.bind(10, s.totalOverdue.fen).bind(11, s.outstandingPrincipal.fen);
    up.run();
    if (existed && (oldBucket != s.bucket || oldClass != s.riskClass)) {
        auto& h = m_stmt->history;
        h.reset();
        h.bind(1, s.loanRowId).bind(2, s.asOf).bind(3, oldBucket).bind(4, s.bucket).bind(5, oldClass);
        h.bind(6, s.riskClass).run();
    }
    return true;
}

std::optional<Date> LoanStatusRepository::latestAsOf() const
{
    auto s = m_db.prepare("SELECT max(as_of) FROM loan_status");
    if (!s.step() || s.columnIsNull(0)) return std::nullopt;
    if (auto d = parseIsoDate(s.columnText(0))) return *d;
    return std::nullopt;
}

std::int64_t LoanStatusRepository::historyRowsOn(Date asOf) const
{
    auto s = m_db.prepare("SELECT count(*) FROM status_history WHERE as_of = ?");
    s.bind(1, formatIsoDate(asOf));
    s.step();
    return s.columnInt(0);
}

std::optional<RiskClass> LoanStatusRepository::riskClassBefore(std::int64_t loanRowId, Date day) const
{
    const std::string iso = formatIsoDate(day);
    // The last change before the day says what the class became; failing that, the first change after it
    // says what the class was; failing that, the class never changed.
    auto before = m_db.prepare("SELECT to_class FROM status_history WHERE loan_id = ? AND as_of < ? "
                               "ORDER BY as_of DESC, id DESC LIMIT 1");
    before.bind(1, loanRowId).bind(2, iso);
    if (before.step()) return parseRiskClass(before.columnText(0));
    auto after = m_db.prepare("SELECT from_class FROM status_history WHERE loan_id = ? AND as_of >= ? "
                              "ORDER BY as_of, id LIMIT 1");
    after.bind(1, loanRowId).bind(2, iso);
    if (after.step()) return parseRiskClass(after.columnText(0));
    auto stored = m_db.prepare("SELECT risk_class FROM loan_status WHERE loan_id = ?");
    stored.bind(1, loanRowId);
    if (stored.step()) return parseRiskClass(stored.columnText(0));
    return std::nullopt;
}

}  // namespace doorstep::storage
