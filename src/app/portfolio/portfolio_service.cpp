#include "app/portfolio/portfolio_service.h"

#include <algorithm>

namespace doorstep::app {

Result<PortfolioFilter> PortfolioService::scoped(PortfolioFilter filter) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    // An officer's view is their own caseload, whatever the filter asks (DOMAIN.md section 8).
    if (!m_session.can(Permission::ViewAllCases)) filter.officer = m_session.user().username;
    return filter;
}

Result<std::int64_t> PortfolioService::count(PortfolioFilter filter) const
{
    auto f = scoped(std::move(filter));
    if (!f) return std::unexpected(f.error());
    return storage::PortfolioQuery(m_session.database().connection()).count(*f);
}

Result<std::vector<PortfolioRow>> PortfolioService::page(PortfolioFilter filter, PortfolioSort sort, bool ascending,
                                                         std::int64_t offset, std::int64_t limit) const
{
    auto f = scoped(std::move(filter));
    if (!f) return std::unexpected(f.error());
    return storage::PortfolioQuery(m_session.database().connection()).page(*f, sort, ascending, offset, limit);
}

Result<std::shared_ptr<const PortfolioListing>> PortfolioService::listing() const
{
    auto f = scoped({});
    if (!f) return std::unexpected(f.error());
    std::vector<storage::PortfolioKeys> keys;
    storage::PortfolioQuery(m_session.database().connection())
        .forEachKeys(f->officer, [&](const storage::PortfolioKeys& k) { keys.push_back(k); });
    return std::make_shared<const PortfolioListing>(std::move(keys), f->officer);
}

Result<std::vector<PortfolioRow>> PortfolioService::rows(const std::vector<std::int64_t>& loanRowIds) const
{
    auto f = scoped({});
    if (!f) return std::unexpected(f.error());
    return storage::PortfolioQuery(m_session.database().connection()).rows(loanRowIds, f->officer);
}

Result<std::vector<std::string>> PortfolioService::districts() const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    return storage::PortfolioQuery(m_session.database().connection()).districts();
}

Result<std::vector<std::string>> PortfolioService::officers() const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    if (!m_session.can(Permission::ViewAllCases)) return std::vector<std::string>{m_session.user().username};
    return storage::PortfolioQuery(m_session.database().connection()).officers();
}

Result<BorrowerCase> PortfolioService::openCase(std::int64_t borrowerRowId)
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    auto found = storage::PortfolioQuery(m_session.database().connection()).borrowerCase(borrowerRowId);
    if (!found) return fail(ErrorCode::NotFound, MessageId{"portfolio.borrower_gone"});
    if (!m_session.can(Permission::ViewAllCases)) {
        const bool assigned = std::ranges::any_of(
            found->loans, [&](const LoanDetail& d) { return d.loan.officer == m_session.user().username; });
        if (!assigned) return fail(ErrorCode::PermissionDenied, MessageId{"session.not_allowed"});
    }
    // Who saw whose record (DOMAIN.md section 1, privacy): the borrower's row id, nothing personal.
    m_session.audit("case.view", "borrower", std::to_string(borrowerRowId));
    return std::move(*found);
}

}  // namespace doorstep::app
