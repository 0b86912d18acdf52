#include "domain/plans/plan_proposal_state.h"

#include <catch2/catch_test_macros.hpp>
#include <cctype>

#include <set>
#include <string>

using namespace doorstep;

namespace {

using S = ProposalState;
using M = ProposalMove;

const Actor kOwner = Actor::person(Role::Officer, true);
const Actor kOtherOfficer = Actor::person(Role::Officer, false);
const Actor kSupervisor = Actor::person(Role::Supervisor, false);
const Actor kOwningSupervisor = Actor::person(Role::Supervisor, true);  // a supervisor who drafted the plan
const Actor kAdmin = Actor::person(Role::Administrator, false);
const Actor kOwningAdmin = Actor::person(Role::Administrator, true);
const Actor kDoorstep = Actor::doorstep();

enum Who { Owner, OtherOfficer, Supervisor, OwningSupervisor, Admin, OwningAdmin, Doorstep };
constexpr Who kEveryone[] = {Owner, OtherOfficer, Supervisor, OwningSupervisor, Admin, OwningAdmin, Doorstep};

const Actor& actor(Who w)
{
    switch (w) {
    case Owner: return kOwner;
    case OtherOfficer: return kOtherOfficer;
    case Supervisor: return kSupervisor;
    case OwningSupervisor: return kOwningSupervisor;
    case Admin: return kAdmin;
    case OwningAdmin: return kOwningAdmin;
    case Doorstep: return kDoorstep;
    }
    return kOwner;
}

constexpr S kStates[] = {S::Draft,  S::Submitted, S::Returned, S::Approved, S::Accepted,
                         S::Active, S::Kept,      S::Broken,   S::Withdrawn};
constexpr M kMoves[] = {M::Submit,   M::Approve,  M::Return,     M::Revise,  M::RecordAcceptance,
                        M::Activate, M::MarkKept, M::MarkBroken, M::Withdraw};

// The workflow as issue 12 and the header describe it, written out here independently of the table.
struct Expected {
    S from;
    M move;
    S to;
    std::set<Who> who;
};
const Expected kExpected[] = {
    {S::Draft, M::Submit, S::Submitted, {Owner, OwningSupervisor}},
    {S::Returned, M::Submit, S::Submitted, {Owner, OwningSupervisor}},
    {S::Returned, M::Revise, S::Draft, {Owner, OwningSupervisor}},
    // Four eyes: the owning supervisor may not approve or return their own proposal.
    {S::Submitted, M::Approve, S::Approved, {Supervisor, Doorstep}},
    {S::Submitted, M::Return, S::Returned, {Supervisor}},
    {S::Approved, M::RecordAcceptance, S::Accepted, {Owner, OwningSupervisor}},
    {S::Accepted, M::Activate, S::Active, {Supervisor, OwningSupervisor, Doorstep}},
    {S::Active, M::MarkKept, S::Kept, {Doorstep}},
    {S::Active, M::MarkBroken, S::Broken, {Doorstep}},
    {S::Draft, M::Withdraw, S::Withdrawn, {Owner, Supervisor, OwningSupervisor}},
    {S::Submitted, M::Withdraw, S::Withdrawn, {Owner, Supervisor, OwningSupervisor}},
    {S::Returned, M::Withdraw, S::Withdrawn, {Owner, Supervisor, OwningSupervisor}},
    {S::Approved, M::Withdraw, S::Withdrawn, {Owner, Supervisor, OwningSupervisor}},
    {S::Accepted, M::Withdraw, S::Withdrawn, {Supervisor, OwningSupervisor}},
};

const Expected* expected(S from, M move)
{
    for (const Expected& e : kExpected) {
        if (e.from == from && e.move == move) return &e;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("proposal: every move from every state, by everyone: allowed, not theirs, or not now", "[proposal_state]")
{
    int allowed = 0;
    int notTheirs = 0;
    int notNow = 0;
    for (S from : kStates) {
        for (M move : kMoves) {
            const Expected* e = expected(from, move);
            for (Who w : kEveryone) {
                INFO(std::string(codeOf(kProposalStateCodes, from))
                     << " move " << static_cast<int>(move) << " by " << static_cast<int>(w));
                const auto r = moveProposal(from, move, actor(w));
                if (e && e->who.contains(w)) {
                    REQUIRE(r.has_value());
                    CHECK(*r == e->to);
                    CHECK(canMoveProposal(from, move, actor(w)));
                    ++allowed;
                } else if (e) {
                    REQUIRE_FALSE(r.has_value());
                    CHECK(r.error().code == ErrorCode::PermissionDenied);
                    CHECK_FALSE(canMoveProposal(from, move, actor(w)));
                    ++notTheirs;
                } else {
                    REQUIRE_FALSE(r.has_value());
                    CHECK(r.error().code == ErrorCode::Conflict);
                    CHECK(r.error().id == "workflow.wrong_state");
                    CHECK_FALSE(canMoveProposal(from, move, actor(w)));
                    ++notNow;
                }
            }
        }
    }
    CHECK(allowed == 30);
    CHECK(notTheirs == 14 * 7 - 30);
    CHECK(notNow == (9 * 9 - 14) * 7);
}

TEST_CASE("proposal: refusals name the state and the move, in both languages", "[proposal_state]")
{
    const auto late = moveProposal(S::Draft, M::Approve, kSupervisor);
    REQUIRE_FALSE(late.has_value());
    CHECK(late.error().message == "The repayment-plan proposal is a draft: you cannot approve it now.");
    CHECK(errorMessage(late.error(), Language::Chinese) == "该还款方案当前为“草稿”，不能审批通过。");

    const auto officer = moveProposal(S::Submitted, M::Approve, kOwner);
    REQUIRE_FALSE(officer.has_value());
    CHECK(officer.error().id == "workflow.not_yours");
    CHECK(officer.error().message == "Your role does not allow you to approve it here.");

    const auto own = moveProposal(S::Submitted, M::Approve, kOwningSupervisor);
    REQUIRE_FALSE(own.has_value());
    CHECK(own.error().code == ErrorCode::PermissionDenied);
    CHECK(own.error().id == "proposal.own_review");
    CHECK(own.error().message == "You proposed this plan yourself: another supervisor must approve it.");
    CHECK(errorMessage(own.error(), Language::Chinese) == "该方案由您本人提出，须由其他主管审批通过。");
    CHECK(moveProposal(S::Submitted, M::Return, kOwningSupervisor).error().id == "proposal.own_review");

    const auto broken = moveProposal(S::Kept, M::MarkBroken, kDoorstep);
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().message == "The repayment-plan proposal is kept: you cannot mark it broken now.");
}

TEST_CASE("proposal: each state has a label for tables, capitalised, in the same Chinese words", "[proposal_state]")
{
    for (S s : kStates) {
        const std::string label = formatMessage(proposalStateLabel(s).value, {}, Language::English);
        const std::string inSentence = formatMessage(proposalStateName(s).value, {}, Language::English);
        CHECK(std::isupper(static_cast<unsigned char>(label.front())));
        CHECK_FALSE(label.starts_with("A "));
        CHECK(formatMessage(proposalStateLabel(s).value, {}, Language::Chinese) ==
              formatMessage(proposalStateName(s).value, {}, Language::Chinese));
        if (s != S::Draft) CHECK(label.substr(1) == inSentence.substr(1));  // the sentence's words, capitalised
    }
    CHECK(formatMessage(proposalStateLabel(S::Draft).value, {}, Language::English) == "Draft");
    CHECK(formatMessage(proposalStateLabel(S::Submitted).value, {}, Language::English) == "Submitted for approval");
}

TEST_CASE("proposal: submitting within the officer's authority approves at once, else it waits", "[proposal_state]")
{
    CHECK(submitProposal(S::Draft, kOwner, true) == S::Submitted);
    CHECK(submitProposal(S::Draft, kOwner, false) == S::Approved);
    CHECK(submitProposal(S::Returned, kOwner, true) == S::Submitted);
    CHECK(submitProposal(S::Returned, kOwner, false) == S::Approved);
    // Another officer may not submit at all, whatever the amounts.
    CHECK(submitProposal(S::Draft, kOtherOfficer, false).error().code == ErrorCode::PermissionDenied);
    CHECK(submitProposal(S::Draft, kSupervisor, false).error().code == ErrorCode::PermissionDenied);
    // Nor twice.
    CHECK(submitProposal(S::Submitted, kOwner, false).error().code == ErrorCode::Conflict);
    CHECK(submitProposal(S::Approved, kOwner, false).error().code == ErrorCode::Conflict);
}

TEST_CASE("proposal: the buttons each party sees", "[proposal_state]")
{
    using V = std::vector<M>;
    CHECK(allowedProposalMoves(S::Draft, kOwner) == V{M::Submit, M::Withdraw});
    CHECK(allowedProposalMoves(S::Draft, kSupervisor) == V{M::Withdraw});
    CHECK(allowedProposalMoves(S::Submitted, kSupervisor) == V{M::Approve, M::Return, M::Withdraw});
    CHECK(allowedProposalMoves(S::Submitted, kOwningSupervisor) == V{M::Withdraw});
    CHECK(allowedProposalMoves(S::Submitted, kOwner) == V{M::Withdraw});
    CHECK(allowedProposalMoves(S::Returned, kOwner) == V{M::Submit, M::Revise, M::Withdraw});
    CHECK(allowedProposalMoves(S::Approved, kOwner) == V{M::RecordAcceptance, M::Withdraw});
    CHECK(allowedProposalMoves(S::Accepted, kOwner).empty());
    CHECK(allowedProposalMoves(S::Accepted, kSupervisor) == V{M::Activate, M::Withdraw});
    CHECK(allowedProposalMoves(S::Active, kDoorstep) == V{M::MarkKept, M::MarkBroken});
    CHECK(allowedProposalMoves(S::Active, kSupervisor).empty());
    for (S s : kStates) {
        CHECK(allowedProposalMoves(s, kOtherOfficer).empty());
        CHECK(allowedProposalMoves(s, kAdmin).empty());
    }
}

TEST_CASE("proposal: final states and the stored codes", "[proposal_state]")
{
    std::set<std::string_view> codes;
    for (S s : kStates) {
        const std::string_view code = codeOf(kProposalStateCodes, s);
        CHECK_FALSE(code.empty());
        CHECK(codes.insert(code).second);
        CHECK(codeLookup(kProposalStateCodes, code) == s);
        CHECK(isFinal(s) == (s == S::Kept || s == S::Broken || s == S::Withdrawn));
        // Nothing leaves a final state.
        if (isFinal(s)) {
            for (Who w : kEveryone)
                CHECK(allowedProposalMoves(s, actor(w)).empty());
        }
    }
    CHECK(codeOf(kProposalStateCodes, S::Accepted) == "accepted");
    CHECK_FALSE(codeLookup(kProposalStateCodes, "rejected").has_value());
}
