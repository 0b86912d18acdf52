#pragma once
// The delinquency state Doorstep computed for each loan as of a date, and the history of bucket and
// class changes (roll rates are counted from it).
#include "domain/portfolio.h"
#include "storage/sqlite.h"

#include <functional>
#include <memory>
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

    // Streams every loan with its schedule and payments in loan order, holding one loan at a time.
    void forEachLoan(const std::function<void(std::int64_t loanRowId, const Loan&, std::span<const Instalment>,
                                              std::span<const Payment>)>& visit) const;

    // Stores the state; when the bucket or class differs from the stored one, also a history row.
    // Returns true when anything was written.
    bool save(const LoanStatusRow& status);

private:
    const Connection& m_db;
    struct Statements;
    std::unique_ptr<Statements> m_stmt;
};

}  // namespace doorstep::storage
