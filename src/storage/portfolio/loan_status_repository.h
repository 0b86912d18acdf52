#pragma once
// The delinquency state Doorstep computed for each loan as of a date, and the history of bucket and
// class changes (roll rates are counted from it).
#include "domain/portfolio/classification.h"
#include "domain/portfolio/portfolio.h"
#include "storage/database/sqlite.h"

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace doorstep::storage {

struct LoanStatusRow {
    std::int64_t loanRowId = 0;
    std::string asOf;  // YYYY-MM-DD
    int dpd = 0;
    std::string bucket;     // "M0" … "M7"
    std::string riskClass;  // "normal" … "loss"
    Money overduePrincipal, overdueInterest, penalty, compound, totalOverdue, outstandingPrincipal;
};

class LoanStatusRepository final {
public:
    explicit LoanStatusRepository(const Connection& connection);
    ~LoanStatusRepository();
    LoanStatusRepository(const LoanStatusRepository&) = delete;
    LoanStatusRepository& operator=(const LoanStatusRepository&) = delete;

    // Streams every loan (in the book or not) with its schedule and payments in loan order from the instalments
    // and payments tables, holding one loan at a time.
    void forEachLoan(const std::function<void(std::int64_t loanRowId, const Loan&, std::span<const Instalment>,
                                              std::span<const Payment>)>& visit) const;

    // The loans in the book (a loan that left it keeps its last state: DOMAIN.md section 3), walked from the
    // loan ledger (storage/portfolio/loan_ledger.h): one row per loan, about six times faster than the tables.
    // Instalment::loanId and the payments' ids are left empty (the delinquency engine does not read them);
    // Loan::borrowerId only when `borrowerIds` (one more lookup per loan). With `status`, also the loan's
    // stored state, walked in the same loan order, for save(row, stored).
    struct LedgerLoan {
        std::int64_t loanRowId = 0;
        const Loan& loan;
        std::span<const Instalment> instalments;
        std::span<const Payment> payments;
        const LoanStatusRow* stored = nullptr;  // none stored, or not asked for
    };
    struct LedgerWalk {
        bool borrowerIds = false;
        bool status = false;
    };
    void forEachLedgerLoan(LedgerWalk what, const std::function<void(const LedgerLoan&)>& visit) const;

    // The date the stored state describes (the newest as-of of any loan), if any is stored.
    std::optional<Date> latestAsOf() const;
    // How many bucket/class history rows are recorded for `asOf`.
    std::int64_t historyRowsOn(Date asOf) const;
    // The loan's five-category class as stored for the days before `day` (the class change history, else its
    // stored state when the class never changed); none when the loan was never computed.
    std::optional<RiskClass> riskClassBefore(std::int64_t loanRowId, Date day) const;

    // Stores the state; when the bucket or class differs from the stored one, also a history row.
    // Returns true when anything was written.
    bool save(const LoanStatusRow& status);
    // The same when the caller already read the stored state (nullptr: none is stored).
    bool save(const LoanStatusRow& status, const LoanStatusRow* stored);

private:
    const Connection& m_db;
    struct Statements;
    std::unique_ptr<Statements> m_stmt;
};

}  // namespace doorstep::storage
