#pragma once
// Repayment-plan proposals (schema 7, issue 12): each proposal with the debt it was drafted against and
// the chosen option's terms (enough for domain/plans/plan_schedule.h to recompute the schedule exactly), the
// household's budget, its state and the history of its moves. The one place a proposal's state, move and
// terms become stored text and back.
#include "domain/plans/plan_adherence.h"
#include "domain/plans/plan_proposal_state.h"
#include "domain/plans/plan_schedule.h"
#include "storage/database/sqlite.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace doorstep::storage {

struct ProposalRow {
    std::int64_t id = 0;
    std::int64_t borrowerRowId = 0;
    std::int64_t loanRowId = 0;
    std::string owner;  // the officer who drafted it
    ProposalState state = ProposalState::Draft;
    OutstandingDebt debt;  // what the customer owed when the proposal was drafted or last revised
    PlanTerms terms;
    Money monthlyIncome;  // the household budget the proposal was made with (kept when a later note differs)
    Money monthlyExpenses;
    Money lumpSum;
    bool supervisorNeeded = false;  // at the last submission
    std::string supervisorComment;  // the last approval or return
    std::string createdAt;
    std::string updatedAt;
    // The last adherence check of an active (or kept, broken) plan; none before one.
    std::optional<AdherenceStatus> adherence;
    int daysLate = 0;
    std::string assessedOn;  // YYYY-MM-DD
    // Display only, joined on read.
    std::string loanBankId;
    std::string borrowerBankId;
    std::string borrowerName;
};

struct ProposalMoveRow {
    std::int64_t proposalId = 0;
    ProposalMove move = ProposalMove::Submit;
    ProposalState from = ProposalState::Draft;
    ProposalState to = ProposalState::Draft;
    std::string actor;  // a user name, or "doorstep" for Doorstep's own moves
    std::string at;     // UTC, as Session::now()
    std::string comment;
};

// What a proposal is drafted from: the loan, its borrower's declared budget and its stored delinquency state.
struct PlanLoanRow {
    std::int64_t loanRowId = 0;
    std::int64_t borrowerRowId = 0;
    std::string loanBankId;
    std::string officer;
    AnnualRate rate;
    RepaymentMethod method = RepaymentMethod::EqualInstalment;
    Money monthlyIncome;  // as the extract carries it
    Money monthlyExpenses;
    bool hasStatus = false;        // a stored delinquency state (after an import or recompute)
    std::string asOf;              // its date
    OutstandingDebt debt;          // outstanding principal, overdue interest, penalty and compound interest unpaid
    int instalmentsAfterAsOf = 0;  // contract instalments still to fall due
};

struct ProposalQuery {
    std::optional<ProposalState> state;
    std::string owner;                          // empty: any
    std::optional<std::int64_t> borrowerRowId;  // one customer's proposals
};

class PlanRepository final {
public:
    explicit PlanRepository(const Connection& connection) : m_db(connection) {}

    std::int64_t insert(const ProposalRow& row);  // returns the new id; row.id is ignored
    void update(const ProposalRow& row);          // every stored column but id, borrower, loan, owner, created
    std::optional<ProposalRow> find(std::int64_t id) const;
    std::vector<ProposalRow> list(const ProposalQuery& query) const;  // newest first

    void addMove(const ProposalMoveRow& move);
    std::vector<ProposalMoveRow> moves(std::int64_t proposalId) const;  // oldest first

    std::optional<PlanLoanRow> loan(std::int64_t loanRowId) const;
    // The customer's name and resident ID number, for the plan letter only.
    std::optional<std::pair<std::string, std::string>> identity(std::int64_t borrowerRowId) const;
    // What adherence matches to the instalments: the loan's payments in date order (ids left empty).
    std::vector<Payment> payments(std::int64_t loanRowId) const;
    std::vector<Instalment> instalments(std::int64_t loanRowId) const;  // the loan's schedule as last imported

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
