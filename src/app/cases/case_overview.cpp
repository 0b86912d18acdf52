#include "app/cases/case_overview.h"

#include "app/screening/screening_service.h"
#include "storage/appointments/appointment_repository.h"
#include "storage/contacts/contact_log_repository.h"
#include "storage/users/user_repository.h"

#include <algorithm>

namespace doorstep::app {
namespace {

std::map<std::string, std::string> displayNames(const storage::Connection& db)
{
    std::map<std::string, std::string> names;
    for (const User& u : storage::UserRepository(db).list())
        names[u.username] = u.displayName;
    return names;
}

}  // namespace

CaseSummary summarizeCase(const BorrowerCase& borrowerCase, const std::optional<storage::QueueEntryRow>& entry,
                          const std::map<std::string, std::string>& staffNames)
{
    CaseSummary s;
    const bool anyInBook = std::ranges::any_of(
        borrowerCase.loans, [](const LoanDetail& l) { return !l.leftBookAfter && l.status.has_value(); });
    const LoanDetail* worst = nullptr;
    for (const LoanDetail& loan : borrowerCase.loans) {
        if (!loan.status || (anyInBook && loan.leftBookAfter)) continue;
        const auto& status = *loan.status;
        ++s.loansCounted;
        s.totalOverdue += status.totalOverdue;
        if (const auto c = parseRiskClass(status.riskClass); c && (!s.worstClass || *s.worstClass < *c))
            s.worstClass = c;
        if (!worst || worst->status->dpd < status.dpd) worst = &loan;
    }
    if (worst) {
        s.worstDpd = worst->status->dpd;
        s.bucket = worst->status->bucket;
        s.officer = worst->loan.officer;
    }
    if (entry) {
        s.queueScore = entry->score;
        s.queueState = entry->state;
        if (!entry->officer.empty()) s.officer = entry->officer;
    }
    if (!s.officer.empty()) {
        const auto it = staffNames.find(s.officer);
        s.officerName = it != staffNames.end() && !it->second.empty() ? it->second : s.officer;
    }
    return s;
}

InstalmentPhase instalmentPhase(const InstalmentDelinquency& instalment)
{
    if (instalment.paidInFullOn) return InstalmentPhase::Paid;
    return instalment.daysOverdue > 0 ? InstalmentPhase::Overdue : InstalmentPhase::Future;
}

Result<CaseSummary> CaseOverviewService::summary(const BorrowerCase& borrowerCase) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    return summarizeCase(borrowerCase, storage::ScreeningRepository(db).entry(borrowerCase.rowId), displayNames(db));
}

Result<std::vector<TimelineEntry>> CaseOverviewService::timeline(const BorrowerCase& borrowerCase) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    TimelineFacts facts;
    for (const storage::ContactRow& row : storage::ContactLogRepository(db).forBorrower(borrowerCase.rowId)) {
        TimelineContact c;
        c.attempt.borrowerId = borrowerCase.borrower.id;
        c.attempt.date = row.date;
        c.attempt.minuteOfDay = row.minuteOfDay;
        c.attempt.channel = row.channel;
        c.attempt.reached = row.reached;
        c.attempt.outcome = row.outcome;
        c.attempt.promisedAmount = row.promisedAmount;
        c.attempt.promisedDate = row.promisedDate;
        c.attempt.source = row.source;
        c.loggedBy = row.loggedBy;
        facts.contacts.push_back(std::move(c));
    }
    for (const LoanDetail& loan : borrowerCase.loans)
        facts.payments.insert(facts.payments.end(), loan.payments.begin(), loan.payments.end());
    if (const auto entry = storage::ScreeningRepository(db).entry(borrowerCase.rowId);
        entry && !entry->decidedBy.empty()) {
        if (const auto at = localTimeOfUtcStamp(entry->decidedAt))
            facts.decision = QueueDecision{entry->state, entry->decidedBy, *at, entry->dismissReason};
    }
    for (storage::AppointmentRow& row : storage::AppointmentRepository(db).forBorrower(borrowerCase.rowId))
        facts.appointments.push_back({std::move(row.appointment), row.createdBy});
    return buildCaseTimeline(std::move(facts), ScreeningService(m_session).currentAsOf());
}

}  // namespace doorstep::app
