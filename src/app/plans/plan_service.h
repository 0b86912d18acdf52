#pragma once
// Repayment-plan proposals (issue 12): the use cases over domain/plan_*.h. An officer drafts a proposal
// for a loan of their own case from the options compared side by side, revises and submits it (Doorstep
// approves it at once within the officer's authority); a supervisor other than the owner approves or
// returns it with a comment; the officer records the customer's acceptance; a supervisor puts it into
// force. Officers see their own proposals, supervisors all. Every move is stored with who and when, and
// audited. Adherence after each import or recompute is in plan_adherence_run.h.
#include "app/plans/plan_settings.h"
#include "app/users/session.h"
#include "domain/plans/plan_authority.h"
#include "domain/plans/plan_comparison.h"
#include "domain/plans/plan_proposal_state.h"
#include "domain/plans/plan_schedule.h"
#include "domain/portfolio/classification.h"
#include "storage/plans/plan_repository.h"

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace doorstep::app {

using storage::ProposalMoveRow;
using storage::ProposalRow;

// Where a household figure of a plan case came from: a visit note (its id and visit date) or, when no note
// states it, the core-banking extract.
struct FigureSource {
    std::int64_t noteId = 0;  // 0: the core-banking extract
    Date visitDate{};         // the note's visit, when from a note
    bool fromNote() const { return noteId != 0; }
    friend bool operator==(const FigureSource&, const FigureSource&) = default;
};

// What a proposal for one loan starts from: the debt as of the last import or recompute, the contract's
// rate and method, the months left on it and the household's budget. The budget is what the household stated
// at the visit, fresher than the extract: the newest submitted or approved visit note of the borrower that
// states income or expenses (storage::VisitNoteRepository::latestStatedHousehold; drafts and returned notes do
// not count), and per figure the extract's where that note does not state it. A proposal stores the figures it
// was made with, so a later note changes the next draft, never a stored proposal.
struct PlanCase {
    std::int64_t loanRowId = 0;
    std::int64_t borrowerRowId = 0;
    std::string loanId;
    std::string officer;
    Date asOf{};
    OutstandingDebt debt;
    AnnualRate rate;
    RepaymentMethod method = RepaymentMethod::EqualInstalment;
    int remainingMonths = 0;
    Household household;          // the lump sum is 0: the officer asks for it
    FigureSource incomeSource;    // of household.monthlyIncome
    FigureSource expensesSource;  // of household.monthlyExpenses
};

struct ComparedOption {
    Result<Plan> plan;          // the option's schedule, or why its terms are refused
    PlanOptionSummary summary;  // a refused option is never affordable, so never suggested
    ApprovalNeed approval;      // within the officer's authority, or which limit it exceeds
};

struct Comparison {
    std::vector<ComparedOption> options;
    PlanSuggestion suggestion;  // an index into options
};

struct ProposalDraft {
    std::int64_t loanRowId = 0;
    PlanTerms terms;
    Household household;
};

// A stored proposal with its schedule recomputed from the stored debt and terms.
struct Proposal {
    ProposalRow row;
    Plan plan;
    PlanOptionSummary summary;
    ApprovalNeed approval;
    std::vector<ProposalMoveRow> moves;  // oldest first
};

// What the plan letter needs besides the proposal: who the customer is (the ID number masked as in lists,
// docs/security.md), the days late that end the plan, and the observation period when the plan restructures
// the loan (0 when it does not: a single lump-sum settlement).
struct PlanLetterFacts {
    Proposal proposal;
    std::string customerName;
    std::string maskedIdNumber;
    int brokenAfterDays = 0;
    int observationMonths = 0;
    std::string printedBy;  // the display name of the one printing (the user name when they have none)
    Date printedOn{};
};

// A restructured loan (DOMAIN.md section 3): a plan in force, kept or broken that changed the schedule (all
// but a single lump-sum settlement). Its five-category class is not to be upgraded until the end of the
// observation period, counted from the plan's start.
struct Restructuring {
    std::int64_t proposalId = 0;
    Date start{};
    int observationMonths = 0;
    Date observationEnds{};
};

class PlanService final {
public:
    explicit PlanService(Session& session) : m_session(session) {}

    // Officers: only loans assigned to them. FailedPrecondition until the loan has a delinquency state.
    Result<PlanCase> planCase(std::int64_t loanRowId) const;
    // Two to four options side by side, affordability against `household`, the suggestion and why.
    Result<Comparison> compare(const PlanCase& planCase, std::span<const PlanTerms> options,
                               const Household& household) const;

    Result<std::int64_t> create(const ProposalDraft& draft);  // a draft owned by the current user; audited
    // The owner changes a draft, or a returned proposal (which goes back to draft); the debt is refreshed.
    Result<void> revise(std::int64_t proposalId, const ProposalDraft& draft);
    // Submitted, or Approved at once by Doorstep when no authority limit is exceeded.
    Result<ProposalState> submit(std::int64_t proposalId);
    Result<void> approve(std::int64_t proposalId, const std::string& comment);           // a supervisor, not the owner
    Result<void> returnForChanges(std::int64_t proposalId, const std::string& comment);  // … with a comment
    Result<void> recordAcceptance(std::int64_t proposalId);                              // the owner
    Result<void> activate(std::int64_t proposalId);                                      // a supervisor
    Result<void> withdraw(std::int64_t proposalId, const std::string& comment);          // the owner or a supervisor

    Result<std::vector<ProposalRow>> list(std::optional<ProposalState> state = std::nullopt) const;
    Result<Proposal> proposal(std::int64_t proposalId) const;
    // For printing the letter: approved proposals and later ones (not withdrawn); audited (plan.print).
    Result<PlanLetterFacts> letterFacts(std::int64_t proposalId);
    // The loan's latest restructuring, if any, for the case view.
    Result<std::optional<Restructuring>> restructuring(std::int64_t borrowerRowId, std::int64_t loanRowId) const;
    // What the current user may do with it, for the buttons.
    std::vector<ProposalMove> allowedMoves(const ProposalRow& row) const;

private:
    Actor actorFor(const ProposalRow& row) const;
    Result<ProposalRow> visible(const storage::Connection& db, std::int64_t proposalId) const;
    Result<void> simpleMove(std::int64_t proposalId, ProposalMove move, Permission permission,
                            const std::string& comment);
    Session& m_session;
};

// The proposal's schedule from its stored debt and terms (the same function drafted it).
Result<Plan> planOf(const ProposalRow& row);

// Whether the proposal restructured its loan: in force, kept or broken, and not a single lump-sum settlement.
bool restructures(const ProposalRow& row);
// Per loan row id, the observation period of the loan's newest restructuring, with the class the loan had
// before it started: for the delinquency recompute, which does not upgrade the class inside the period.
std::unordered_map<std::int64_t, ObservationPeriod> observationPeriods(const storage::Connection& db);

// For the use cases of app/ only, inside their transaction: records `move` from the row's state to `to`
// (who, when, comment) and stores the row in its new state.
void storeMove(const storage::Connection& db, ProposalRow& row, ProposalMove move, ProposalState to,
               const std::string& actor, const std::string& at, const std::string& comment);
// The case flag of the "keeping a repayment plan" exclusion (DOMAIN.md section 4).
void setPlanBeingKept(const storage::Connection& db, std::int64_t borrowerRowId, bool kept);

}  // namespace doorstep::app
