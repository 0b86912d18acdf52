#pragma once
// The visit-queue entry's workflow (DOMAIN.md section 4): screening puts a customer in the queue (open);
// the assigned officer or a supervisor accepts the case for a visit or dismisses it with a reason; a
// dismissed case comes back when its facts change (screening) or when a supervisor reopens it.
#include "domain/shared/code_table.h"
#include "domain/shared/workflow.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace doorstep {

enum class QueueState { Open, Accepted, Dismissed };
enum class QueueMove {
    Accept,   // open → accepted (确认走访)
    Dismiss,  // open or accepted → dismissed (移出队列), with a reason
    Reopen,   // dismissed → open
    Assign,   // give the case to an officer; the state stays
};

inline constexpr CodeTable<QueueState, 3> kQueueStateCodes{{
    {QueueState::Open, "open"},
    {QueueState::Accepted, "accepted"},
    {QueueState::Dismissed, "dismissed"},
}};

std::span<const Transition<QueueState, QueueMove>> queueTransitions();

// The new state, or an Error saying why not (the state does not allow it, or the actor may not).
Result<QueueState> moveQueueEntry(QueueState from, QueueMove move, const Actor& actor);
bool canMoveQueueEntry(QueueState from, QueueMove move, const Actor& actor);
std::vector<QueueMove> allowedQueueMoves(QueueState from, const Actor& actor);

MessageId queueStateName(QueueState state);
MessageId queueMoveName(QueueMove move);

}  // namespace doorstep
