#pragma once
// What the case window shows above and beside the extract's records (issue 8): a summary of the customer
// (total overdue across their loans, worst days past due, bucket and class, the officer by display name, the
// visit-queue score and state) and the timeline of contacts, promises, payments, the queue decision and
// appointments (domain/cases/case_timeline.h), newest first.
#include "app/portfolio/portfolio_service.h"
#include "app/users/session.h"
#include "domain/cases/case_timeline.h"
#include "domain/messages/error.h"
#include "domain/portfolio/classification.h"
#include "domain/portfolio/delinquency.h"
#include "storage/screening/screening_repository.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::app {

struct CaseSummary {
    Money totalOverdue;  // across the customer's loans in the book (every loan when none is)
    int worstDpd = 0;
    std::string bucket;  // of the loan with the worst days past due, "M0" … "M7" ("" without figures)
    std::optional<RiskClass> worstClass;
    std::string officer;      // user name: the visit-queue entry's officer, else the worst loan's ("" nobody)
    std::string officerName;  // their display name (the user name when unknown)
    std::optional<int> queueScore;
    std::optional<QueueState> queueState;
    int loansCounted = 0;  // loans whose stored figures went into the sums
};

// Pure: the stored figures of the case's loans and its queue entry. `staffNames`: display names by user name.
CaseSummary summarizeCase(const BorrowerCase& borrowerCase, const std::optional<storage::QueueEntryRow>& entry,
                          const std::map<std::string, std::string>& staffNames);

// Where an instalment of the schedule stands, for the case window's collapsible rows: settled (however late),
// unsettled and overdue, or neither (not yet due, or due today).
enum class InstalmentPhase { Paid, Overdue, Future };
InstalmentPhase instalmentPhase(const InstalmentDelinquency& instalment);

class CaseOverviewService final {
public:
    explicit CaseOverviewService(Session& session) : m_session(session) {}

    // For a case the user has opened (PortfolioService::openCase checks whose it is).
    Result<CaseSummary> summary(const BorrowerCase& borrowerCase) const;
    // Promises are judged as of the date the stored figures describe, as screening judges them.
    Result<std::vector<TimelineEntry>> timeline(const BorrowerCase& borrowerCase) const;

private:
    Session& m_session;
};

}  // namespace doorstep::app
