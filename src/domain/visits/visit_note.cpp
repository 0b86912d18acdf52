#include "domain/visits/visit_note.h"

#include <algorithm>
#include <array>

namespace doorstep {
namespace {

using S = NoteState;
using M = NoteMove;

constexpr std::array<Transition<S, M>, 6> kTransitions{{
    {S::Draft, M::EditDraft, S::Draft, Party::Owner},
    {S::Draft, M::Submit, S::Submitted, Party::Owner},
    {S::Submitted, M::Approve, S::Approved, Party::Supervisor},
    {S::Submitted, M::Return, S::Returned, Party::Supervisor},
    // A returned note is answered, never rewritten: the owner types an addendum and submits it as the next version.
    {S::Returned, M::EditDraft, S::Returned, Party::Owner},
    {S::Returned, M::AddAddendum, S::Submitted, Party::Owner},
}};

constexpr WorkflowWords<S, M> kWords{MessageId{"visit_note.record"}, noteStateName, noteMoveName};

// Four eyes: a supervisor who wrote the note neither approves nor returns it; another supervisor does.
bool reviewsOwnNote(NoteMove move, const Actor& actor)
{
    return !actor.system && actor.owns && (move == M::Approve || move == M::Return);
}

Result<void> checkText(const std::string& text, MessageId field)
{
    if (text.size() <= kNoteTextMaxBytes) return {};
    return fail(
        ErrorCode::InvalidInput, MessageId{"visit_note.text_too_long"},
        {MessageArg::ref("field", field), MessageArg::number("max", static_cast<std::int64_t>(kNoteTextMaxBytes))});
}

Result<void> invalid(MessageId id, MessageArgs args = {})
{
    return fail(ErrorCode::InvalidInput, id, std::move(args));
}

bool validScale(int value)
{
    return value >= kScaleMin && value <= kScaleMax;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

}  // namespace

const VisitNoteContent& VisitNote::currentContent() const
{
    static const VisitNoteContent empty;
    if (!versions.empty()) return versions.back().content;
    if (draft) return draft->content;
    return empty;
}

std::string VisitNote::returnComment() const
{
    if (state != NoteState::Returned || reviews.empty()) return {};
    return reviews.back().comment;
}

Result<VisitNote> newVisitNote(const Appointment& appointment, std::int64_t borrowerRowId, const std::string& author,
                               const std::string& at)
{
    if (appointment.state != AppointmentState::Done && appointment.state != AppointmentState::NotHome)
        return fail(ErrorCode::Conflict, MessageId{"visit_note.appointment_state"},
                    {MessageArg::ref("state", appointmentStateName(appointment.state))});
    VisitNote note;
    note.appointmentId = appointment.id.empty() ? 0 : std::stoll(appointment.id);
    note.borrowerRowId = borrowerRowId;
    note.visitDate = appointment.date;
    note.author = author;
    note.state = NoteState::Draft;
    VisitNoteDraft draft;
    draft.content.visitors = appointment.staff;
    draft.content.customerHome = appointment.state == AppointmentState::Done;
    draft.content.place = appointment.place;
    draft.content.arrived = appointment.start;
    note.draft = std::move(draft);
    note.createdAt = note.updatedAt = at;
    return note;
}

Result<void> validateNoteDraft(const VisitNoteDraft& draft)
{
    const VisitNoteContent& c = draft.content;
    for (const auto& [text, field] : std::array<std::pair<const std::string*, MessageId>, 7>{{
             {&c.metName, MessageId{"visit_note.field.met_name"}},
             {&c.placeNote, MessageId{"visit_note.field.place_note"}},
             {&c.hardshipOther, MessageId{"visit_note.field.hardship_other"}},
             {&c.customerRequests, MessageId{"visit_note.field.requests"}},
             {&c.nextSteps, MessageId{"visit_note.field.next_steps"}},
             {&c.freeText, MessageId{"visit_note.field.free_text"}},
             {&draft.addendumText, MessageId{"visit_note.field.addendum"}},
         }}) {
        if (auto ok = checkText(*text, field); !ok) return ok;
    }
    if (c.promises.size() > kNotePromisesMax)
        return invalid(MessageId{"visit_note.too_many_promises"},
                       {MessageArg::number("max", static_cast<std::int64_t>(kNotePromisesMax))});
    if (c.visitors.size() > 4) return invalid(MessageId{"visit_note.visitors"});
    return {};
}

Result<void> validateNoteContent(const VisitNoteContent& c, Date visitDate)
{
    if (auto ok = validateNoteDraft(VisitNoteDraft{c, {}}); !ok) return ok;
    if (c.visitors.size() != 2 || trimmed(c.visitors[0]).empty() || trimmed(c.visitors[1]).empty() ||
        c.visitors[0] == c.visitors[1])
        return invalid(MessageId{"visit_note.visitors"});
    if (!c.arrived) return invalid(MessageId{"visit_note.arrival_missing"});
    if (!c.arrived->valid() || (c.left && !c.left->valid())) return invalid(MessageId{"visit_note.time_invalid"});
    if (c.left && *c.left < *c.arrived)
        return invalid(MessageId{"visit_note.left_before_arrival"},
                       {MessageArg::text("arrived", formatClockTime(*c.arrived)),
                        MessageArg::text("left", formatClockTime(*c.left))});
    if (c.place == PlaceKind::Other && trimmed(c.placeNote).empty())
        return invalid(MessageId{"visit_note.place_missing"});
    if (c.protocol.consentToEnterGiven && !c.protocol.consentToEnterAsked)
        return invalid(MessageId{"visit_note.consent_not_asked"});
    for (std::size_t i = 0; i < c.hardship.size(); ++i) {
        for (std::size_t j = i + 1; j < c.hardship.size(); ++j) {
            if (c.hardship[i] == c.hardship[j]) return invalid(MessageId{"visit_note.hardship_twice"});
        }
    }
    const bool other = std::ranges::find(c.hardship, HardshipReason::Other) != c.hardship.end();
    if (other && trimmed(c.hardshipOther).empty()) return invalid(MessageId{"visit_note.hardship_other_missing"});
    if ((c.monthlyIncome && c.monthlyIncome->fen < 0) || (c.monthlyExpenses && c.monthlyExpenses->fen < 0))
        return invalid(MessageId{"visit_note.amount_negative"});
    if (c.customerHome) {
        if (c.metRelation != MetRelation::Borrower && trimmed(c.metName).empty())
            return invalid(MessageId{"visit_note.met_name_missing"});
        if (!validScale(c.ability) || !validScale(c.willingness))
            return invalid(MessageId{"visit_note.scale_missing"},
                           {MessageArg::number("min", kScaleMin), MessageArg::number("max", kScaleMax)});
    } else {
        if (!c.promises.empty()) return invalid(MessageId{"visit_note.promise_nobody_met"});
        if ((c.ability != 0 && !validScale(c.ability)) || (c.willingness != 0 && !validScale(c.willingness)))
            return invalid(MessageId{"visit_note.scale_missing"},
                           {MessageArg::number("min", kScaleMin), MessageArg::number("max", kScaleMax)});
    }
    const Date lastDue = addDays(visitDate, 366);
    for (const PaymentPromise& p : c.promises) {
        if (!p.amount.isPositive()) return invalid(MessageId{"visit_note.promise_amount"});
        if (p.due < visitDate || lastDue < p.due)
            return invalid(MessageId{"visit_note.promise_date"}, {MessageArg::text("date", formatIsoDate(p.due)),
                                                                  MessageArg::text("visit", formatIsoDate(visitDate))});
    }
    return {};
}

Actor noteActor(const VisitNote& note, std::string_view userName, Role role)
{
    return Actor::person(role, !userName.empty() && note.author == userName);
}

std::span<const Transition<NoteState, NoteMove>> noteTransitions()
{
    return kTransitions;
}

Result<NoteState> moveNote(NoteState from, NoteMove move, const Actor& actor)
{
    auto to = applyMove(noteTransitions(), kWords, from, move, actor);
    if (to && reviewsOwnNote(move, actor))
        return fail(ErrorCode::PermissionDenied, MessageId{"visit_note.own_review"},
                    {MessageArg::ref("move", noteMoveName(move))});
    return to;
}

bool canMoveNote(NoteState from, NoteMove move, const Actor& actor)
{
    return canMove(noteTransitions(), from, move, actor) && !reviewsOwnNote(move, actor);
}

std::vector<NoteMove> allowedNoteMoves(NoteState from, const Actor& actor)
{
    std::vector<NoteMove> moves = allowedMoves(noteTransitions(), from, actor);
    std::erase_if(moves, [&](NoteMove m) { return reviewsOwnNote(m, actor); });
    return moves;
}

Result<VisitNote> editNoteDraft(const VisitNote& note, const Actor& actor, const VisitNoteDraft& draft,
                                const std::string& at)
{
    auto to = moveNote(note.state, NoteMove::EditDraft, actor);
    if (!to) return std::unexpected(to.error());
    if (auto ok = validateNoteDraft(draft); !ok) return std::unexpected(ok.error());
    VisitNote next = note;
    next.draft = draft;
    next.updatedAt = at;
    return next;
}

Result<VisitNote> submitNote(const VisitNote& note, const Actor& actor, const VisitNoteDraft& draft,
                             const std::string& by, const std::string& at)
{
    auto to = moveNote(note.state, NoteMove::Submit, actor);
    if (!to) return std::unexpected(to.error());
    if (auto ok = validateNoteContent(draft.content, note.visitDate); !ok) return std::unexpected(ok.error());
    VisitNote next = note;
    next.versions.push_back(VisitNoteVersion{
        static_cast<int>(note.versions.size()) + 1, VersionKind::Submission, by, at, draft.content, {}});
    next.draft.reset();
    next.state = *to;
    next.updatedAt = at;
    return next;
}

namespace {

Result<VisitNote> review(const VisitNote& note, const Actor& actor, NoteMove move, const std::string& comment,
                         const std::string& by, const std::string& at)
{
    auto to = moveNote(note.state, move, actor);
    if (!to) return std::unexpected(to.error());
    if (auto ok = checkText(comment, MessageId{"visit_note.field.comment"}); !ok) return std::unexpected(ok.error());
    if (move == NoteMove::Return && trimmed(comment).empty())
        return fail(ErrorCode::InvalidInput, MessageId{"visit_note.return_comment"});
    VisitNote next = note;
    next.reviews.push_back(VisitNoteReview{
        note.versions.empty() ? 0 : note.versions.back().number,
        move == NoteMove::Approve ? ReviewDecision::Approved : ReviewDecision::Returned, by, at, comment});
    next.state = *to;
    next.updatedAt = at;
    if (*to == NoteState::Returned) next.draft = VisitNoteDraft{note.currentContent(), {}};
    return next;
}

}  // namespace

Result<VisitNote> approveNote(const VisitNote& note, const Actor& actor, const std::string& comment,
                              const std::string& by, const std::string& at)
{
    return review(note, actor, NoteMove::Approve, comment, by, at);
}

Result<VisitNote> returnNote(const VisitNote& note, const Actor& actor, const std::string& comment,
                             const std::string& by, const std::string& at)
{
    return review(note, actor, NoteMove::Return, comment, by, at);
}

Result<VisitNote> addNoteAddendum(const VisitNote& note, const Actor& actor, const VisitNoteDraft& draft,
                                  const std::string& by, const std::string& at)
{
    auto to = moveNote(note.state, NoteMove::AddAddendum, actor);
    if (!to) return std::unexpected(to.error());
    if (trimmed(draft.addendumText).empty())
        return fail(ErrorCode::InvalidInput, MessageId{"visit_note.addendum_empty"});
    if (auto ok = validateNoteContent(draft.content, note.visitDate); !ok) return std::unexpected(ok.error());
    if (auto ok = checkText(draft.addendumText, MessageId{"visit_note.field.addendum"}); !ok)
        return std::unexpected(ok.error());
    VisitNote next = note;
    next.versions.push_back(VisitNoteVersion{static_cast<int>(note.versions.size()) + 1, VersionKind::Addendum, by, at,
                                             draft.content, draft.addendumText});
    next.draft.reset();
    next.state = *to;
    next.updatedAt = at;
    return next;
}

MessageId noteStateName(NoteState state)
{
    switch (state) {
    case NoteState::Draft: return MessageId{"visit_note.state.draft"};
    case NoteState::Submitted: return MessageId{"visit_note.state.submitted"};
    case NoteState::Returned: return MessageId{"visit_note.state.returned"};
    case NoteState::Approved: return MessageId{"visit_note.state.approved"};
    }
    return MessageId{"visit_note.state.draft"};
}

MessageId noteStateLabel(NoteState state)
{
    switch (state) {
    case NoteState::Draft: return MessageId{"visit_note.state_label.draft"};
    case NoteState::Submitted: return MessageId{"visit_note.state_label.submitted"};
    case NoteState::Returned: return MessageId{"visit_note.state_label.returned"};
    case NoteState::Approved: return MessageId{"visit_note.state_label.approved"};
    }
    return MessageId{"visit_note.state_label.draft"};
}

MessageId noteMoveName(NoteMove move)
{
    switch (move) {
    case NoteMove::EditDraft: return MessageId{"visit_note.move.edit_draft"};
    case NoteMove::Submit: return MessageId{"visit_note.move.submit"};
    case NoteMove::Approve: return MessageId{"visit_note.move.approve"};
    case NoteMove::Return: return MessageId{"visit_note.move.return"};
    case NoteMove::AddAddendum: return MessageId{"visit_note.move.add_addendum"};
    }
    return MessageId{"visit_note.move.submit"};
}

MessageId hardshipReasonName(HardshipReason reason)
{
    switch (reason) {
    case HardshipReason::JobLoss: return MessageId{"visit_note.hardship.job_loss"};
    case HardshipReason::OverSpending: return MessageId{"visit_note.hardship.over_spending"};
    case HardshipReason::TermsMisunderstood: return MessageId{"visit_note.hardship.terms_misunderstood"};
    case HardshipReason::IllnessOrFamilyEvent: return MessageId{"visit_note.hardship.illness_family"};
    case HardshipReason::BusinessFailure: return MessageId{"visit_note.hardship.business_failure"};
    case HardshipReason::Other: return MessageId{"visit_note.hardship.other"};
    }
    return MessageId{"visit_note.hardship.other"};
}

MessageId metRelationName(MetRelation relation)
{
    switch (relation) {
    case MetRelation::Borrower: return MessageId{"visit_note.relation.borrower"};
    case MetRelation::Spouse: return MessageId{"visit_note.relation.spouse"};
    case MetRelation::Parent: return MessageId{"visit_note.relation.parent"};
    case MetRelation::Child: return MessageId{"visit_note.relation.child"};
    case MetRelation::OtherFamily: return MessageId{"visit_note.relation.other_family"};
    case MetRelation::Guarantor: return MessageId{"visit_note.relation.guarantor"};
    case MetRelation::Other: return MessageId{"visit_note.relation.other"};
    }
    return MessageId{"visit_note.relation.other"};
}

MessageId attitudeName(Attitude attitude)
{
    switch (attitude) {
    case Attitude::NotRecorded: return MessageId{"visit_note.attitude.not_recorded"};
    case Attitude::Cooperative: return MessageId{"visit_note.attitude.cooperative"};
    case Attitude::Neutral: return MessageId{"visit_note.attitude.neutral"};
    case Attitude::Evasive: return MessageId{"visit_note.attitude.evasive"};
    case Attitude::Hostile: return MessageId{"visit_note.attitude.hostile"};
    }
    return MessageId{"visit_note.attitude.not_recorded"};
}

MessageId scaleName(int value)
{
    switch (value) {
    case 1: return MessageId{"visit_note.scale.1"};
    case 2: return MessageId{"visit_note.scale.2"};
    case 3: return MessageId{"visit_note.scale.3"};
    case 4: return MessageId{"visit_note.scale.4"};
    case 5: return MessageId{"visit_note.scale.5"};
    default: return MessageId{"visit_note.scale.0"};
    }
}

MessageId versionKindName(VersionKind kind)
{
    return kind == VersionKind::Addendum ? MessageId{"visit_note.version.addendum"}
                                         : MessageId{"visit_note.version.submission"};
}

MessageId reviewDecisionName(ReviewDecision decision)
{
    return decision == ReviewDecision::Returned ? MessageId{"visit_note.decision.returned"}
                                                : MessageId{"visit_note.decision.approved"};
}

}  // namespace doorstep
