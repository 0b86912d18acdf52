#pragma once
// The shape every workflow follows (visit queue, appointment, visit note, plan proposal): an enum of
// states, an enum of moves, and one table of allowed transitions saying who may make each move
// (STYLE.md "A workflow is a typed state machine in the domain"). A move is made with `applyMove`, which
// returns the new state or an Error naming why not; the GUI asks `allowedMoves` to enable its buttons.
// Storage maps the states to their stored text in one code table; nowhere else is a state a string.
#include "domain/messages/error.h"
#include "domain/users/role.h"

#include <cstdint>
#include <span>
#include <vector>

namespace doorstep {

// Who may make a move: a combination of these parties.
enum class Party : std::uint8_t {
    Owner = 1,          // the officer the record belongs to (assigned officer, author, visiting staff)
    Supervisor = 2,     // any supervisor
    Administrator = 4,  // any administrator
    System = 8,         // Doorstep itself (screening, an import), never a person
};
constexpr Party operator|(Party a, Party b)
{
    return static_cast<Party>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}
constexpr bool includes(Party set, Party one)
{
    return (static_cast<std::uint8_t>(set) & static_cast<std::uint8_t>(one)) != 0;
}

// The one making a move. `owns` says whether the record is theirs.
struct Actor {
    Role role = Role::Officer;
    bool owns = false;
    bool system = false;

    static Actor person(Role role, bool owns) { return Actor{role, owns, false}; }
    static Actor doorstep() { return Actor{Role::Administrator, false, true}; }
};

constexpr bool mayAct(Party who, const Actor& actor)
{
    if (actor.system) return includes(who, Party::System);
    switch (actor.role) {
    case Role::Officer: return actor.owns && includes(who, Party::Owner);
    case Role::Supervisor: return includes(who, Party::Supervisor) || (actor.owns && includes(who, Party::Owner));
    case Role::Administrator: return includes(who, Party::Administrator);
    }
    return false;
}

template <typename State, typename Move> struct Transition {
    State from;
    Move move;
    State to;
    Party who;
};

// What a workflow supplies besides its table: the message ids naming its states and moves, for refusals
// such as "该走访队列记录当前为已移出队列，无法确认走访。".
template <typename State, typename Move> struct WorkflowWords {
    MessageId record;               // "the visit-queue entry"
    MessageId (*stateName)(State);  // "dismissed from the queue"
    MessageId (*moveName)(Move);    // "accept the case for a visit"
};

template <typename State, typename Move>
Result<State> applyMove(std::span<const Transition<State, Move>> table, const WorkflowWords<State, Move>& words,
                        State from, Move move, const Actor& actor)
{
    bool moveExistsFromHere = false;
    for (const auto& t : table) {
        if (t.from != from || t.move != move) continue;
        moveExistsFromHere = true;
        if (mayAct(t.who, actor)) return t.to;
    }
    if (!moveExistsFromHere) {
        return fail(ErrorCode::Conflict, MessageId{"workflow.wrong_state"},
                    {MessageArg::ref("record", words.record), MessageArg::ref("state", words.stateName(from)),
                     MessageArg::ref("move", words.moveName(move))});
    }
    return fail(ErrorCode::PermissionDenied, MessageId{"workflow.not_yours"},
                {MessageArg::ref("move", words.moveName(move))});
}

template <typename State, typename Move>
bool canMove(std::span<const Transition<State, Move>> table, State from, Move move, const Actor& actor)
{
    for (const auto& t : table) {
        if (t.from == from && t.move == move && mayAct(t.who, actor)) return true;
    }
    return false;
}

// Every move `actor` may make from `from`, in table order, each once.
template <typename State, typename Move>
std::vector<Move> allowedMoves(std::span<const Transition<State, Move>> table, State from, const Actor& actor)
{
    std::vector<Move> moves;
    for (const auto& t : table) {
        if (t.from != from || !mayAct(t.who, actor)) continue;
        bool seen = false;
        for (Move m : moves)
            seen = seen || m == t.move;
        if (!seen) moves.push_back(t.move);
    }
    return moves;
}

}  // namespace doorstep
