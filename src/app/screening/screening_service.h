#pragma once
// Screening (DOMAIN.md section 4, issue 4): which customers need a home visit, why, and who visits.
// The rules and the score are pure domain functions; this layer gathers the facts, keeps the rule-set
// versions and the queue, checks roles and writes the audit trail.
#include "app/users/session.h"
#include "domain/messages/error.h"
#include "domain/screening/assignment.h"
#include "domain/screening/screening.h"
#include "domain/screening/visit_queue_state.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace doorstep::app {

// Why an officer takes a case off the queue without a visit.
enum class DismissReason { PromisedToPay, PaidMeanwhile, ReachedByPhone, NotAtAddress, VisitNotNeeded, Other };
std::string_view dismissReasonName(DismissReason r);  // promised_to_pay, paid, reached_by_phone, …
std::optional<DismissReason> parseDismissReason(std::string_view name);

struct QueueItem {
    std::int64_t borrowerRowId = 0;
    std::string borrowerId;
    std::string borrowerName;
    std::string district;
    std::string officer;  // "" when unassigned
    // Who put the officer there: a supervisor by hand (or the officer accepting it), an automatic run, or
    // nothing recorded (the bank's extract named the officer, or nobody is assigned).
    std::optional<AssignmentOrigin> assignmentOrigin;
    std::string assignedBy;  // user name, with assignmentOrigin
    QueueState state = QueueState::Open;
    int score = 0;
    int maxDpd = 0;
    Bucket bucket = Bucket::M0;
    Money totalOverdue;
    int ruleSetVersion = 0;
    std::vector<RuleHit> hits;
    std::string dismissReason;
    std::string dismissNote;
};

struct QueueFilter {
    std::string district;
    std::optional<Bucket> bucket;
    std::string officer;
    bool unassignedOnly = false;
    bool includeDismissed = false;
};

// Whether `item` passes `filter` (as ScreeningService::queue filters): for a list that filters the queue in memory.
bool passesQueueFilter(const QueueFilter& filter, const QueueItem& item);

// What Doorstep records about a case that the bank's extract does not say; each one keeps the
// customer out of the visit queue (DOMAIN.md section 4).
// The last automatic assignment run, for the undo button.
struct AssignmentRunSummary {
    std::int64_t id = 0;
    std::string runBy;  // user name
    std::string runAt;  // UTC, ISO 8601
    int changes = 0;    // entries whose officer it changed
    bool undone = false;
};

struct AssignmentUndoSummary {
    int restored = 0;  // entries given back their previous officer
    int skipped = 0;   // entries reassigned (or gone) since the run, left as they are
};

struct ScreeningSummary {
    int ruleSetVersion = 0;
    std::int64_t borrowers = 0;
    std::int64_t queued = 0;
    std::int64_t excluded = 0;
    std::int64_t reopened = 0;  // dismissed cases whose facts changed
};

// Runs the current rule set for every borrower as of `asOf` inside the caller's transaction
// (the import and recompute call it; so does ScreeningService::run).
ScreeningSummary screenInTransaction(const storage::Connection& db, Date asOf);

class ScreeningService final {
public:
    explicit ScreeningService(Session& session) : m_session(session) {}

    Result<RuleSet> currentRuleSet() const;      // the newest stored version, else the defaults (version 0)
    Result<RuleSet> saveRuleSet(RuleSet rules);  // supervisors; a new version each time; audited
    Result<ScreeningSummary> run(Date asOf);     // supervisors; audited
    // The date the stored delinquency state describes (the last import or recompute), else today.
    Date currentAsOf() const;

    Result<std::vector<QueueItem>> queue(QueueFilter filter) const;  // officers: only their own
    // The queue's moves (domain/screening/visit_queue_state.h): each checks the state and who may make it.
    Result<void> accept(std::int64_t borrowerRowId);
    Result<void> dismiss(std::int64_t borrowerRowId, DismissReason reason, const std::string& note);
    Result<void> reopen(std::int64_t borrowerRowId);  // supervisors: undo a dismissal
    // What the current user may do with `item`, for the buttons.
    std::vector<QueueMove> allowedMoves(const QueueItem& item) const;

    Result<CaseFlags> caseFlags(std::int64_t borrowerRowId) const;
    Result<void> setCaseFlags(std::int64_t borrowerRowId, const CaseFlags& flags);  // supervisors; audited

    Result<std::vector<std::string>> officers() const;  // active officers, for assignment
    // Every user's display name by user name (李专员 for officer1), for whatever a person reads.
    std::map<std::string, std::string> staffNames() const;
    // How many open cases one officer carries at most (branch setting assignment.capacity_per_officer).
    static constexpr int kDefaultCapacityPerOfficer = 40;
    int capacityPerOfficer() const;
    Result<void> assign(const std::vector<std::int64_t>& borrowerRowIds, const std::string& officer);
    // The automatic assignment of every open, unassigned (or all, when `reassignAll`) queue entry. An entry
    // assigned by hand keeps its officer unless its id is in `releaseManual` (the supervisor ticked it).
    // The proposal's `changes` are the entries whose officer it would change.
    Result<AssignmentProposal> proposeAssignment(const std::vector<std::string>& officersOnDuty, int capacity,
                                                 bool reassignAll,
                                                 const std::set<std::int64_t>& releaseManual = {}) const;
    // Writes the proposal's changes as one audited run (refused when an entry's officer changed since the
    // proposal); returns how many entries changed officer.
    Result<int> applyAssignment(const AssignmentProposal& proposal);
    Result<std::optional<AssignmentRunSummary>> lastAssignmentRun() const;  // supervisors
    // Gives the entries of the last run, unless undone already, their previous officers; entries reassigned
    // since are left alone and counted. Audited.
    Result<AssignmentUndoSummary> undoLastAssignment();

private:
    Actor actorFor(const QueueItem& item) const;
    // Loads the entry, checks `move` against its state and the user, stores the new state.
    Result<void> decide(std::int64_t borrowerRowId, QueueMove move, DismissReason reason, const std::string& note);
    Session& m_session;
};

}  // namespace doorstep::app
