#pragma once
// Delinquency for the whole portfolio as of a date: recomputed and stored (with bucket and class
// history for roll rates), or computed on the fly for the batch output and the case view.
#include "app/users/session.h"
#include "domain/messages/error.h"
#include "domain/portfolio/delinquency.h"

#include <functional>

namespace doorstep::app {

// The branch's delinquency settings (DOMAIN.md's configurable numbers), defaults where none is set.
DelinquencySettings loadDelinquencySettings(const storage::Connection& connection);
// The same for the settings form (administrators).
Result<DelinquencySettings> delinquencySettings(Session& session);
Result<void> saveDelinquencySettings(Session& session, const DelinquencySettings& settings);

struct RecomputeSummary {
    std::int64_t loans = 0;
    std::int64_t changed = 0;        // loans whose stored state changed
    std::int64_t overdue = 0;        // loans with DPD > 0
    std::int64_t bucketChanges = 0;  // history rows written (roll events)
};

// Progress: loans done; return false to cancel. The caller's transaction decides what is kept;
// recompute() by itself runs in its own transaction and is audited.
using LoanProgress = std::function<bool(std::int64_t done)>;
// Thrown out of recomputeInTransaction() when progress() asked to stop; the transaction rolls back.
struct RecomputeCancelled {};
RecomputeSummary recomputeInTransaction(const storage::Connection& connection, Date asOf,
                                        const DelinquencySettings& settings, const LoanProgress& progress);
Result<RecomputeSummary> recompute(Session& session, Date asOf, const LoanProgress& progress = {});

// One row of `doorstep-cli cases`: everything in fen.
struct CaseRow {
    std::string loanId;
    std::string borrowerId;
    Product product = Product::Consumer;
    DelinquencySummary delinquency;
};
// Calls `emit` for every loan, computed as of `asOf` without writing anything. Supervisors only:
// administrators see no cases (docs/security.md), officers only their own (PortfolioService).
Result<std::int64_t> forEachCase(Session& session, Date asOf, const std::function<void(const CaseRow&)>& emit);

// The full breakdown of one loan as of a date, for the case view.
LoanDelinquency explainLoan(Session& session, const Loan& loan, std::span<const Instalment> instalments,
                            std::span<const Payment> payments, Date asOf);

}  // namespace doorstep::app
