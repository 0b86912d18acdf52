#include "storage/loan_status_repository.h"

#include "domain/calendar.h"

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
        loan.id = loans.columnText(1);
        loan.borrowerId = loans.columnText(2);
        loan.product = parseProduct(loans.columnText(3)).value_or(Product::Consumer);
        loan.principal = Money{loans.columnInt(4)};
        loan.contractRate = AnnualRate{loans.columnInt(5)};
        loan.startDate = dateOf(loans.columnText(6));
        loan.termMonths = static_cast<int>(loans.columnInt(7));
        loan.method = parseRepaymentMethod(loans.columnText(8)).value_or(RepaymentMethod::EqualInstalment);
        loan.officer = loans.columnText(9);
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

bool LoanStatusRepository::save(const LoanStatusRow& s)
{
    auto& find = m_stmt->find;
    find.reset();
    find.bind(1, s.loanRowId);
    std::string oldBucket;
    std::string oldClass;
    bool existed = false;
    bool same = false;
    if (find.step()) {
        existed = true;
        oldBucket = find.columnText(1);
        oldClass = find.columnText(2);
        same = find.columnInt(0) == s.dpd && oldBucket == s.bucket && oldClass == s.riskClass &&
               find.columnInt(3) == s.overduePrincipal.fen && find.columnInt(4) == s.overdueInterest.fen &&
               find.columnInt(5) == s.penalty.fen && find.columnInt(6) == s.compound.fen &&
               find.columnInt(7) == s.totalOverdue.fen && find.columnInt(8) == s.outstandingPrincipal.fen &&
               find.columnText(9) == s.asOf;
    }
    find.reset();
    if (same) return false;
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

}  // namespace doorstep::storage
