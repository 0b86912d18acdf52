#include "domain/plans/plan_proposal_state.h"

#include <array>

namespace doorstep {
namespace {

using S = ProposalState;
using M = ProposalMove;

constexpr Party kCaseWorker = Party::Owner | Party::Supervisor;

constexpr std::array<Transition<S, M>, 14> kTransitions{{
    {S::Draft, M::Submit, S::Submitted, Party::Owner},
    // A returned proposal may go back as it is (the supervisor's question answered elsewhere) or be revised.
    {S::Returned, M::Submit, S::Submitted, Party::Owner},
    {S::Returned, M::Revise, S::Draft, Party::Owner},
    // Doorstep approves only what the officer's authority covers (submitProposal); the rest a supervisor.
    {S::Submitted, M::Approve, S::Approved, Party::Supervisor | Party::System},
    {S::Submitted, M::Return, S::Returned, Party::Supervisor},
    // The officer meets the customer and brings back the signed plan letter.
    {S::Approved, M::RecordAcceptance, S::Accepted, Party::Owner},
    // In force once core banking carries the new schedule (an import), or when a supervisor confirms it.
    {S::Accepted, M::Activate, S::Active, Party::System | Party::Supervisor},
    // Adherence is computed from the imported payments, never declared by a person.
    {S::Active, M::MarkKept, S::Kept, Party::System},
    {S::Active, M::MarkBroken, S::Broken, Party::System},
    // Until it takes effect a proposal may be dropped: the customer declined, or the case changed.
    {S::Draft, M::Withdraw, S::Withdrawn, kCaseWorker},
    {S::Submitted, M::Withdraw, S::Withdrawn, kCaseWorker},
    {S::Returned, M::Withdraw, S::Withdrawn, kCaseWorker},
    {S::Approved, M::Withdraw, S::Withdrawn, kCaseWorker},
    // Once the customer has signed, only a supervisor calls the agreement off.
    {S::Accepted, M::Withdraw, S::Withdrawn, Party::Supervisor},
}};

// Four eyes: a supervisor who proposed a plan (its owner) neither approves nor returns it; another does.
bool reviewsOwnProposal(ProposalMove move, const Actor& actor)
{
    return !actor.system && actor.owns && (move == M::Approve || move == M::Return);
}

constexpr WorkflowWords<S, M> kWords{MessageId{"proposal.record"}, proposalStateName, proposalMoveName};

}  // namespace

std::span<const Transition<ProposalState, ProposalMove>> proposalTransitions()
{
    return kTransitions;
}

Result<ProposalState> moveProposal(ProposalState from, ProposalMove move, const Actor& actor)
{
    auto to = applyMove(proposalTransitions(), kWords, from, move, actor);
    if (to && reviewsOwnProposal(move, actor))
        return fail(ErrorCode::PermissionDenied, MessageId{"proposal.own_review"},
                    {MessageArg::ref("move", proposalMoveName(move))});
    return to;
}

bool canMoveProposal(ProposalState from, ProposalMove move, const Actor& actor)
{
    return canMove(proposalTransitions(), from, move, actor) && !reviewsOwnProposal(move, actor);
}

std::vector<ProposalMove> allowedProposalMoves(ProposalState from, const Actor& actor)
{
    std::vector<ProposalMove> moves = allowedMoves(proposalTransitions(), from, actor);
    std::erase_if(moves, [&](ProposalMove m) { return reviewsOwnProposal(m, actor); });
    return moves;
}

Result<ProposalState> submitProposal(ProposalState from, const Actor& actor, bool supervisorNeeded)
{
    auto submitted = moveProposal(from, ProposalMove::Submit, actor);
    if (!submitted || supervisorNeeded) return submitted;
    return moveProposal(*submitted, ProposalMove::Approve, Actor::doorstep());
}

bool isFinal(ProposalState state)
{
    return state == ProposalState::Kept || state == ProposalState::Broken || state == ProposalState::Withdrawn;
}

MessageId proposalStateName(ProposalState state)
{
    switch (state) {
    case S::Draft: return MessageId{"proposal.state.draft"};
    case S::Submitted: return MessageId{"proposal.state.submitted"};
    case S::Returned: return MessageId{"proposal.state.returned"};
    case S::Approved: return MessageId{"proposal.state.approved"};
    case S::Accepted: return MessageId{"proposal.state.accepted"};
    case S::Active: return MessageId{"proposal.state.active"};
    case S::Kept: return MessageId{"proposal.state.kept"};
    case S::Broken: return MessageId{"proposal.state.broken"};
    case S::Withdrawn: return MessageId{"proposal.state.withdrawn"};
    }
    return MessageId{"proposal.state.draft"};
}

MessageId proposalStateLabel(ProposalState state)
{
    switch (state) {
    case S::Draft: return MessageId{"proposal.state_label.draft"};
    case S::Submitted: return MessageId{"proposal.state_label.submitted"};
    case S::Returned: return MessageId{"proposal.state_label.returned"};
    case S::Approved: return MessageId{"proposal.state_label.approved"};
    case S::Accepted: return MessageId{"proposal.state_label.accepted"};
    case S::Active: return MessageId{"proposal.state_label.active"};
    case S::Kept: return MessageId{"proposal.state_label.kept"};
    case S::Broken: return MessageId{"proposal.state_label.broken"};
    case S::Withdrawn: return MessageId{"proposal.state_label.withdrawn"};
    }
    return MessageId{"proposal.state_label.draft"};
}

MessageId proposalMoveName(ProposalMove move)
{
    switch (move) {
    case M::Submit: return MessageId{"proposal.move.submit"};
    case M::Approve: return MessageId{"proposal.move.approve"};
    case M::Return: return MessageId{"proposal.move.return"};
    case M::Revise: return MessageId{"proposal.move.revise"};
    case M::RecordAcceptance: return MessageId{"proposal.move.record_acceptance"};
    case M::Activate: return MessageId{"proposal.move.activate"};
    case M::MarkKept: return MessageId{"proposal.move.mark_kept"};
    case M::MarkBroken: return MessageId{"proposal.move.mark_broken"};
    case M::Withdraw: return MessageId{"proposal.move.withdraw"};
    }
    return MessageId{"proposal.move.submit"};
}

}  // namespace doorstep
