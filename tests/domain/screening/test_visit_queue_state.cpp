#include "domain/screening/visit_queue_state.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

namespace {
const Actor kOwner = Actor::person(Role::Officer, true);
const Actor kOtherOfficer = Actor::person(Role::Officer, false);
const Actor kSupervisor = Actor::person(Role::Supervisor, false);
const Actor kAdmin = Actor::person(Role::Administrator, false);
const Actor kScreening = Actor::doorstep();
}  // namespace

TEST_CASE("queue: the assigned officer and a supervisor may accept or dismiss an open case", "[queue_state]")
{
    for (const Actor& a : {kOwner, kSupervisor}) {
        CHECK(moveQueueEntry(QueueState::Open, QueueMove::Accept, a) == QueueState::Accepted);
        CHECK(moveQueueEntry(QueueState::Open, QueueMove::Dismiss, a) == QueueState::Dismissed);
        CHECK(moveQueueEntry(QueueState::Accepted, QueueMove::Dismiss, a) == QueueState::Dismissed);
    }
}

TEST_CASE("queue: another officer, an administrator and screening may not decide a case", "[queue_state]")
{
    for (const Actor& a : {kOtherOfficer, kAdmin, kScreening}) {
        for (QueueMove m : {QueueMove::Accept, QueueMove::Dismiss}) {
            const auto r = moveQueueEntry(QueueState::Open, m, a);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code == ErrorCode::PermissionDenied);
            CHECK(r.error().id == "workflow.not_yours");
        }
    }
}

TEST_CASE("queue: accepting twice or accepting a dismissed case is refused, naming the state", "[queue_state]")
{
    for (QueueState s : {QueueState::Accepted, QueueState::Dismissed}) {
        const auto r = moveQueueEntry(s, QueueMove::Accept, kSupervisor);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ErrorCode::Conflict);
        CHECK(r.error().id == "workflow.wrong_state");
    }
    const auto twice = moveQueueEntry(QueueState::Accepted, QueueMove::Accept, kOwner);
    REQUIRE_FALSE(twice.has_value());
    CHECK(twice.error().message ==
          "The visit-queue entry is accepted for a visit: you cannot accept it for a visit now.");
    const auto dismissedAgain = moveQueueEntry(QueueState::Dismissed, QueueMove::Dismiss, kOwner);
    REQUIRE_FALSE(dismissedAgain.has_value());
    CHECK(dismissedAgain.error().code == ErrorCode::Conflict);
}

TEST_CASE("queue: screening and a supervisor reopen a dismissed case; an officer may not", "[queue_state]")
{
    CHECK(moveQueueEntry(QueueState::Dismissed, QueueMove::Reopen, kScreening) == QueueState::Open);
    CHECK(moveQueueEntry(QueueState::Dismissed, QueueMove::Reopen, kSupervisor) == QueueState::Open);
    CHECK(moveQueueEntry(QueueState::Dismissed, QueueMove::Reopen, kOwner).error().code == ErrorCode::PermissionDenied);
    CHECK(moveQueueEntry(QueueState::Open, QueueMove::Reopen, kSupervisor).error().code == ErrorCode::Conflict);
}

TEST_CASE("queue: only a supervisor assigns, and assigning keeps the state", "[queue_state]")
{
    for (QueueState s : {QueueState::Open, QueueState::Accepted, QueueState::Dismissed}) {
        CHECK(moveQueueEntry(s, QueueMove::Assign, kSupervisor) == s);
        CHECK_FALSE(canMoveQueueEntry(s, QueueMove::Assign, kOwner));
        CHECK_FALSE(canMoveQueueEntry(s, QueueMove::Assign, kAdmin));
    }
}

TEST_CASE("queue: the allowed moves are what the buttons offer", "[queue_state]")
{
    using V = std::vector<QueueMove>;
    CHECK(allowedQueueMoves(QueueState::Open, kOwner) == V{QueueMove::Accept, QueueMove::Dismiss});
    CHECK(allowedQueueMoves(QueueState::Open, kSupervisor) ==
          V{QueueMove::Accept, QueueMove::Dismiss, QueueMove::Assign});
    CHECK(allowedQueueMoves(QueueState::Accepted, kOwner) == V{QueueMove::Dismiss});
    CHECK(allowedQueueMoves(QueueState::Dismissed, kSupervisor) == V{QueueMove::Reopen, QueueMove::Assign});
    CHECK(allowedQueueMoves(QueueState::Open, kOtherOfficer).empty());
    CHECK(allowedQueueMoves(QueueState::Open, kAdmin).empty());
    // The stored text of each state, one table.
    CHECK(codeOf(kQueueStateCodes, QueueState::Dismissed) == "dismissed");
    CHECK(codeLookup(kQueueStateCodes, "accepted") == QueueState::Accepted);
    CHECK_FALSE(codeLookup(kQueueStateCodes, "closed").has_value());
}
