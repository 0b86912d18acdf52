#include "app/demo/demo_plans.h"

#include "app/plans/plan_service.h"
#include "app/portfolio/delinquency_service.h"
#include "app/portfolio/portfolio_service.h"
#include "app/screening/screening_service.h"
#include "app/shared/branch_setup.h"
#include "app/shared/clock.h"
#include "app/users/login_throttle.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace doorstep::app {
namespace {

Result<std::unique_ptr<Session>> demoLogin(const std::filesystem::path& path, std::string_view username,
                                           const Clock& clock)
{
    const auto& accounts = demoAccounts();
    const auto it = std::ranges::find(accounts, username, &DemoAccount::username);
    if (it == accounts.end()) return fail(ErrorCode::NotFound, MessageId{"plan.demo_account"});
    LoginThrottle throttle(clock);
    return Session::login(path, it->username, it->password, throttle, clock);
}

// An officer's overdue loans with a delinquency state, worst first.
std::vector<LoanDetail> overdueLoans(Session& officer, std::size_t wanted)
{
    PortfolioFilter filter;
    filter.overdueOnly = true;
    std::vector<LoanDetail> loans;
    auto rows = PortfolioService(officer).page(filter, PortfolioSort::Dpd, false, 0, 200);
    if (!rows) return loans;
    for (const auto& row : *rows) {
        if (loans.size() >= wanted) break;
        auto found = PortfolioService(officer).openCase(row.borrowerRowId);
        if (!found) continue;
        for (auto& d : found->loans) {
            if (d.rowId == row.loanRowId && d.status) loans.push_back(std::move(d));
        }
    }
    return loans;
}

}  // namespace

Result<int> makeDemoPlanProposals(const std::filesystem::path& path)
{
    SystemClock clock;
    auto supervisor = demoLogin(path, "supervisor", clock);
    if (!supervisor) return std::unexpected(supervisor.error());
    auto officer = demoLogin(path, "officer1", clock);
    if (!officer) return std::unexpected(officer.error());
    Session& sup = **supervisor;
    Session& ofc = **officer;
    PlanService mine(ofc);
    PlanService review(sup);
    const Date asOf = ScreeningService(sup).currentAsOf();

    std::vector<LoanDetail> loans = overdueLoans(ofc, 40);
    // The kept plan needs a loan with a payment to settle it: put the first such loan last.
    const auto paid = std::ranges::find_if(loans, [](const LoanDetail& d) { return !d.payments.empty(); });
    if (paid == loans.end()) return fail(ErrorCode::NotFound, MessageId{"plan.demo_paying"});
    std::rotate(paid, paid + 1, loans.end());
    loans.erase(loans.begin() + std::min<std::ptrdiff_t>(9, std::ssize(loans) - 1), loans.end() - 1);
    if (loans.size() < 10) return fail(ErrorCode::NotFound, MessageId{"plan.demo_loans"});
    std::size_t next = 0;
    int made = 0;
    // A proposal on the next loan: `months` of annuity from `start`, with the penalty waived when asked.
    const auto draft = [&](Date start, int months, bool waive) -> Result<std::int64_t> {
        auto c = mine.planCase(loans[next++].rowId);
        if (!c) return std::unexpected(c.error());
        ProposalDraft d;
        d.loanRowId = c->loanRowId;
        d.terms.start = start;
        if (waive) d.terms.waiver = Waiver::full(c->debt);
        d.terms.shape =
            Reamortisation{RepaymentMethod::EqualInstalment, c->rate, months, waive ? 3 : 0, GraceMode::InterestOnly};
        d.household = c->household;
        auto id = mine.create(d);
        if (id) ++made;
        return id;
    };
    const auto check = [](const auto& r) -> Result<void> {
        if (!r) return std::unexpected(r.error());
        return {};
    };

    // Draft; submitted and waiting for the supervisor (a waiver); returned with a comment.
    if (auto r = check(draft(asOf, 12, false)); !r) return std::unexpected(r.error());
    auto submitted = draft(asOf, 24, true);
    if (auto r = check(submitted); !r) return std::unexpected(r.error());
    if (auto r = check(mine.submit(*submitted)); !r) return std::unexpected(r.error());
    auto returned = draft(asOf, 18, true);
    if (auto r = check(returned); !r) return std::unexpected(r.error());
    if (auto r = check(mine.submit(*returned)); !r) return std::unexpected(r.error());
    if (auto r = check(review.returnForChanges(*returned, "罚息减免过多，请只减免一半后重新提交。")); !r)
        return std::unexpected(r.error());
    // Approved (within the officer's authority), accepted by the customer, in force.
    std::vector<std::int64_t> approved;
    for (int i = 0; i < 3; ++i) {
        auto id = draft(asOf, 12 + 6 * i, false);
        if (auto r = check(id); !r) return std::unexpected(r.error());
        if (auto r = check(mine.submit(*id)); !r) return std::unexpected(r.error());
        approved.push_back(*id);
    }
    for (std::size_t i = 1; i < approved.size(); ++i) {
        if (auto r = check(mine.recordAcceptance(approved[i])); !r) return std::unexpected(r.error());
    }
    if (auto r = check(review.activate(approved[2])); !r) return std::unexpected(r.error());
    // Withdrawn: the customer declined.
    auto withdrawn = draft(asOf, 36, false);
    if (auto r = check(withdrawn); !r) return std::unexpected(r.error());
    if (auto r = check(mine.withdraw(*withdrawn, "客户拒绝该方案。")); !r) return std::unexpected(r.error());
    // Broken: in force since three months ago and nothing paid since; the recompute's adherence marks it.
    auto broken = draft(addDays(asOf, -92), 12, false);
    if (auto r = check(broken); !r) return std::unexpected(r.error());
    if (auto r = check(mine.submit(*broken)); !r) return std::unexpected(r.error());
    if (auto r = check(mine.recordAcceptance(*broken)); !r) return std::unexpected(r.error());
    if (auto r = check(review.activate(*broken)); !r) return std::unexpected(r.error());
    // Kept: a settlement, discounted to the customer's last payment and due on its day, paid in full.
    {
        const LoanDetail& loan = loans.back();
        const Payment& last = loan.payments.back();
        auto c = mine.planCase(loan.rowId);
        if (!c) return std::unexpected(c.error());
        ProposalDraft d;
        d.loanRowId = c->loanRowId;
        d.terms.start = last.paidOn;
        d.terms.waiver = Waiver::full(c->debt);
        const Money financed = c->debt.total() - d.terms.waiver.total();
        if (last.amount >= financed) return fail(ErrorCode::Internal, MessageId{"plan.demo_settlement"});
        d.terms.shape = Settlement{financed - last.amount, 1};
        d.household = c->household;
        auto kept = mine.create(d);
        if (auto r = check(kept); !r) return std::unexpected(r.error());
        ++made;
        if (auto r = check(mine.submit(*kept)); !r) return std::unexpected(r.error());
        if (auto r = check(review.approve(*kept, "同意一次性结清。")); !r) return std::unexpected(r.error());
        if (auto r = check(mine.recordAcceptance(*kept)); !r) return std::unexpected(r.error());
        if (auto r = check(review.activate(*kept)); !r) return std::unexpected(r.error());
    }
    if (auto r = check(recompute(sup, asOf)); !r) return std::unexpected(r.error());
    return made;
}

}  // namespace doorstep::app
