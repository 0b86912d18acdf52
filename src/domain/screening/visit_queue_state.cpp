#include "domain/screening/visit_queue_state.h"

#include <array>

namespace doorstep {
namespace {

constexpr Party kCaseWorker = Party::Owner | Party::Supervisor;

constexpr std::array<Transition<QueueState, QueueMove>, 7> kTransitions{{
    {QueueState::Open, QueueMove::Accept, QueueState::Accepted, kCaseWorker},
    {QueueState::Open, QueueMove::Dismiss, QueueState::Dismissed, kCaseWorker},
    // A case accepted for a visit may still turn out not to need one (the customer paid meanwhile).
    {QueueState::Accepted, QueueMove::Dismiss, QueueState::Dismissed, kCaseWorker},
    // Screening brings a dismissed case back when its facts change (issue 4); a supervisor may undo a dismissal.
    {QueueState::Dismissed, QueueMove::Reopen, QueueState::Open, Party::System | Party::Supervisor},
    {QueueState::Open, QueueMove::Assign, QueueState::Open, Party::Supervisor},
    {QueueState::Accepted, QueueMove::Assign, QueueState::Accepted, Party::Supervisor},
    // Automatic assignment places only open cases; a dismissed case has nobody to visit it.
    {QueueState::Dismissed, QueueMove::Assign, QueueState::Dismissed, Party::Supervisor},
}};

constexpr WorkflowWords<QueueState, QueueMove> kWords{MessageId{"queue.record"}, queueStateName, queueMoveName};

}  // namespace

std::span<const Transition<QueueState, QueueMove>> queueTransitions()
{
    return kTransitions;
}

Result<QueueState> moveQueueEntry(QueueState from, QueueMove move, const Actor& actor)
{
    return applyMove(queueTransitions(), kWords, from, move, actor);
}

bool canMoveQueueEntry(QueueState from, QueueMove move, const Actor& actor)
{
    return canMove(queueTransitions(), from, move, actor);
}

std::vector<QueueMove> allowedQueueMoves(QueueState from, const Actor& actor)
{
    return allowedMoves(queueTransitions(), from, actor);
}

MessageId queueStateName(QueueState state)
{
    switch (state) {
    case QueueState::Open: return MessageId{"queue.state.open"};
    case QueueState::Accepted: return MessageId{"queue.state.accepted"};
    case QueueState::Dismissed: return MessageId{"queue.state.dismissed"};
    }
    return MessageId{"queue.state.open"};
}

MessageId queueMoveName(QueueMove move)
{
    switch (move) {
    case QueueMove::Accept: return MessageId{"queue.move.accept"};
    case QueueMove::Dismiss: return MessageId{"queue.move.dismiss"};
    case QueueMove::Reopen: return MessageId{"queue.move.reopen"};
    case QueueMove::Assign: return MessageId{"queue.move.assign"};
    }
    return MessageId{"queue.move.accept"};
}

}  // namespace doorstep
