#pragma once
// Reading the portfolio: lists for officers and supervisors, and one borrower's case. Officers see
// only the loans assigned to them; every opened case is recorded in the audit trail.
#include "app/portfolio/portfolio_listing.h"
#include "app/users/session.h"
#include "domain/messages/error.h"
#include "storage/portfolio/portfolio_query.h"

#include <memory>
#include <vector>

namespace doorstep::app {

using storage::BorrowerCase;
using storage::LoanDetail;
using storage::PortfolioFilter;
using storage::PortfolioRow;
using storage::PortfolioSort;

class PortfolioService final {
public:
    explicit PortfolioService(Session& session) : m_session(session) {}

    Result<std::int64_t> count(PortfolioFilter filter) const;
    Result<std::vector<PortfolioRow>> page(PortfolioFilter filter, PortfolioSort sort, bool ascending,
                                           std::int64_t offset, std::int64_t limit) const;
    // The keys of every loan this user may see, for filtering and sorting in memory; then the rows of a page.
    Result<std::shared_ptr<const PortfolioListing>> listing() const;
    Result<std::vector<PortfolioRow>> rows(const std::vector<std::int64_t>& loanRowIds) const;
    Result<std::vector<std::string>> districts() const;
    Result<std::vector<std::string>> officers() const;
    Result<BorrowerCase> openCase(std::int64_t borrowerRowId);

private:
    Result<PortfolioFilter> scoped(PortfolioFilter filter) const;
    Session& m_session;
};

}  // namespace doorstep::app
