#pragma once
// The repayment-plan proposal's workflow (DOMAIN.md section 6, issue 12), after workflow.h:
//
//   draft ──submit──► submitted ──approve──► approved ──record acceptance──► accepted ──activate──► active
//     ▲                  │                      │                                                  │    │
//     └──revise── returned ◄──return──┘          │                                        mark kept  mark broken
//                  │  └──submit (resubmit)──► submitted                                           ▼    ▼
//                  │                                                                           kept  broken
//   draft, submitted, returned, approved, accepted ──withdraw──► withdrawn
//
// The assigned officer (owner) drafts, submits, revises, records the customer's acceptance and withdraws
// an offer the customer declined; a supervisor approves or returns (and may withdraw or activate);
// Doorstep itself activates a plan when it takes effect and marks it kept or broken from adherence
// (plan_adherence.h). A proposal within the officer's authority (plan_authority.h) needs no supervisor:
// submitting it approves it at once, made by Doorstep (submitProposal).
#include "domain/shared/code_table.h"
#include "domain/shared/workflow.h"

#include <span>
#include <vector>

namespace doorstep {

enum class ProposalState { Draft, Submitted, Returned, Approved, Accepted, Active, Kept, Broken, Withdrawn };
enum class ProposalMove {
    Submit,            // draft or returned → submitted (提交审批)
    Approve,           // submitted → approved (审批通过)
    Return,            // submitted → returned, with comments (退回修改)
    Revise,            // returned → draft, to change the options (修改方案)
    RecordAcceptance,  // approved → accepted: the customer agreed and signed (客户已接受)
    Activate,          // accepted → active: the plan takes effect (方案生效)
    MarkKept,          // active → kept: every instalment paid (已履约)
    MarkBroken,        // active → broken: an instalment too many days late (已违约)
    Withdraw,          // before it takes effect: the customer declined, or the officer gave up (撤回)
};

inline constexpr CodeTable<ProposalState, 9> kProposalStateCodes{{
    {ProposalState::Draft, "draft"},
    {ProposalState::Submitted, "submitted"},
    {ProposalState::Returned, "returned"},
    {ProposalState::Approved, "approved"},
    {ProposalState::Accepted, "accepted"},
    {ProposalState::Active, "active"},
    {ProposalState::Kept, "kept"},
    {ProposalState::Broken, "broken"},
    {ProposalState::Withdrawn, "withdrawn"},
}};

std::span<const Transition<ProposalState, ProposalMove>> proposalTransitions();

// The new state, or an Error saying why not (the state does not allow it, or the actor may not). Besides
// the table, four eyes: the owner of a proposal never approves or returns it, even as a supervisor
// (proposal.own_review).
Result<ProposalState> moveProposal(ProposalState from, ProposalMove move, const Actor& actor);
bool canMoveProposal(ProposalState from, ProposalMove move, const Actor& actor);
std::vector<ProposalMove> allowedProposalMoves(ProposalState from, const Actor& actor);

// The owner submits: the proposal goes to a supervisor when `supervisorNeeded` (plan_authority.h), else
// Doorstep approves it at once within the officer's authority. Submitted or Approved, or the refusal.
Result<ProposalState> submitProposal(ProposalState from, const Actor& actor, bool supervisorNeeded);

// The proposal can no longer change: kept, broken or withdrawn.
bool isFinal(ProposalState state);

MessageId proposalStateName(ProposalState state);   // inside a sentence: "… is a draft"
MessageId proposalStateLabel(ProposalState state);  // on its own, as a label: "Draft"
MessageId proposalMoveName(ProposalMove move);

}  // namespace doorstep
