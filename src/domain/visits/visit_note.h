#pragma once
// The visit note (issue 11; DOMAIN.md section 7): what a home visit found, written by one of the visiting
// staff after a done or not-home appointment and reviewed by a supervisor. Its workflow, a typed state
// machine in the pattern of workflow.h:
//
//   draft ──submit──► submitted ──approve──► approved
//     ▲                 │   ▲
//   edit draft        return  add addendum
//                       ▼   │
//                     returned (edit draft: the addendum being written)
//
// The owner is the note's author: they edit the draft, submit, and answer a return with an addendum. A
// supervisor approves or returns a submitted note (with a comment), but never their own note (four eyes).
// Nobody edits a submitted note in place: each submission and each addendum is a numbered, immutable
// version (who, when, the content as it then stood, the addendum's text), and every review decision is
// kept with who, when and the comment.
#include "domain/appointments/appointment.h"
#include "domain/shared/calendar.h"
#include "domain/shared/clock_time.h"
#include "domain/shared/code_table.h"
#include "domain/shared/money.h"
#include "domain/shared/workflow.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace doorstep {

// Why the customer fell behind, as the visit found it (DOMAIN.md 7; stored as codes so reports can count).
enum class HardshipReason { JobLoss, OverSpending, TermsMisunderstood, IllnessOrFamilyEvent, BusinessFailure, Other };
// Who the staff met, as their relation to the borrower.
enum class MetRelation { Borrower, Spouse, Parent, Child, OtherFamily, Guarantor, Other };
enum class Attitude { NotRecorded, Cooperative, Neutral, Evasive, Hostile };

inline constexpr CodeTable<HardshipReason, 6> kHardshipReasonCodes{{
    {HardshipReason::JobLoss, "job_loss"},
    {HardshipReason::OverSpending, "over_spending"},
    {HardshipReason::TermsMisunderstood, "terms_misunderstood"},
    {HardshipReason::IllnessOrFamilyEvent, "illness_family"},
    {HardshipReason::BusinessFailure, "business_failure"},
    {HardshipReason::Other, "other"},
}};
inline constexpr CodeTable<MetRelation, 7> kMetRelationCodes{{
    {MetRelation::Borrower, "borrower"},
    {MetRelation::Spouse, "spouse"},
    {MetRelation::Parent, "parent"},
    {MetRelation::Child, "child"},
    {MetRelation::OtherFamily, "other_family"},
    {MetRelation::Guarantor, "guarantor"},
    {MetRelation::Other, "other"},
}};
inline constexpr CodeTable<Attitude, 5> kAttitudeCodes{{
    {Attitude::NotRecorded, "not_recorded"},
    {Attitude::Cooperative, "cooperative"},
    {Attitude::Neutral, "neutral"},
    {Attitude::Evasive, "evasive"},
    {Attitude::Hostile, "hostile"},
}};

// Ability and willingness to pay: 1 (none) … 5 (fully); 0 = not rated (allowed only when nobody was met).
inline constexpr int kScaleMin = 1;
inline constexpr int kScaleMax = 5;

// The visit protocol checklist (DOMAIN.md 7).
struct VisitProtocol {
    bool identificationShown = false;  // the staff showed their bank identification
    bool consentToEnterAsked = false;
    bool consentToEnterGiven = false;  // only when asked
    bool purposeTold = false;          // the customer was told why the bank came
    friend bool operator==(const VisitProtocol&, const VisitProtocol&) = default;
};

// A promise to pay made at the visit: the amount by the date.
struct PaymentPromise {
    Money amount;
    Date due{};
    friend bool operator==(const PaymentPromise&, const PaymentPromise&) = default;
};

// The note's content: what the form holds. Free texts may hold personal data (the person met, the place);
// they are never put into messages or logs.
struct VisitNoteContent {
    std::vector<std::string> visitors;  // user names of the two visiting staff
    bool customerHome = true;           // false: nobody was met (a not-home appointment)
    MetRelation metRelation = MetRelation::Borrower;
    std::string metName;  // the person met when not the borrower (personal data)
    PlaceKind place = PlaceKind::Home;
    std::string placeNote;  // where, when not the registered home (personal data)
    std::optional<ClockTime> arrived;
    std::optional<ClockTime> left;
    VisitProtocol protocol;
    std::vector<HardshipReason> hardship;  // each at most once, in the order chosen
    std::string hardshipOther;             // what "other" was
    std::optional<Money> monthlyIncome;    // the household's, as stated; none when not stated
    std::optional<Money> monthlyExpenses;
    int ability = 0;      // to pay, kScaleMin … kScaleMax, 0 = not rated
    int willingness = 0;  // to pay, likewise
    Attitude attitude = Attitude::NotRecorded;
    std::string customerRequests;  // what the customer asked for
    std::vector<PaymentPromise> promises;
    std::string nextSteps;     // the agreed next steps
    bool proposePlan = false;  // a repayment plan should be proposed (plan_service.h)
    std::string freeText;

    friend bool operator==(const VisitNoteContent&, const VisitNoteContent&) = default;
};

// What the officer is typing: the note itself while a draft, the addendum (its text and the corrected
// content) while the note is returned. Saved as they type; never audited per keystroke.
struct VisitNoteDraft {
    VisitNoteContent content;
    std::string addendumText;  // returned notes only
    friend bool operator==(const VisitNoteDraft&, const VisitNoteDraft&) = default;
};

enum class NoteState { Draft, Submitted, Returned, Approved };
enum class NoteMove {
    EditDraft,    // draft or returned: change what is being typed (保存草稿)
    Submit,       // draft → submitted: version 1 (提交)
    Approve,      // submitted → approved (审核通过)
    Return,       // submitted → returned, with a comment (退回)
    AddAddendum,  // returned → submitted: the next version, with the addendum's text (补充说明)
};

inline constexpr CodeTable<NoteState, 4> kNoteStateCodes{{
    {NoteState::Draft, "draft"},
    {NoteState::Submitted, "submitted"},
    {NoteState::Returned, "returned"},
    {NoteState::Approved, "approved"},
}};

enum class VersionKind { Submission, Addendum };
inline constexpr CodeTable<VersionKind, 2> kVersionKindCodes{{
    {VersionKind::Submission, "submission"},
    {VersionKind::Addendum, "addendum"},
}};
enum class ReviewDecision { Approved, Returned };
inline constexpr CodeTable<ReviewDecision, 2> kReviewDecisionCodes{{
    {ReviewDecision::Approved, "approved"},
    {ReviewDecision::Returned, "returned"},
}};

// One submitted version: never changed once made.
struct VisitNoteVersion {
    int number = 0;  // 1, 2, … in the order made
    VersionKind kind = VersionKind::Submission;
    std::string by;  // user name
    std::string at;  // UTC, as Session::now()
    VisitNoteContent content;
    std::string addendumText;  // addenda only
    friend bool operator==(const VisitNoteVersion&, const VisitNoteVersion&) = default;
};

struct VisitNoteReview {
    int version = 0;  // the version reviewed
    ReviewDecision decision = ReviewDecision::Approved;
    std::string by;
    std::string at;
    std::string comment;  // required when returned
    friend bool operator==(const VisitNoteReview&, const VisitNoteReview&) = default;
};

struct VisitNote {
    std::int64_t id = 0;  // the store's id; 0 before it is saved
    std::int64_t appointmentId = 0;
    std::int64_t borrowerRowId = 0;
    Date visitDate{};    // the appointment's date
    std::string author;  // the owner: the visiting staff member who opened it
    NoteState state = NoteState::Draft;
    std::optional<VisitNoteDraft> draft;     // draft and returned notes
    std::vector<VisitNoteVersion> versions;  // oldest first
    std::vector<VisitNoteReview> reviews;    // oldest first
    std::string createdAt;
    std::string updatedAt;

    // The latest version's content, or the draft's before the first submission.
    const VisitNoteContent& currentContent() const;
    // The latest review's comment when the note is returned, else "".
    std::string returnComment() const;
};

// Limits on what a note may hold (a form, not a document store).
inline constexpr std::size_t kNoteTextMaxBytes = 20000;  // each free text
inline constexpr std::size_t kNotePromisesMax = 12;

// A new draft for a done (customer home) or not-home appointment, with its staff as the visitors and its
// place. InvalidInput (visit_note.appointment_state) for any other state of the appointment.
Result<VisitNote> newVisitNote(const Appointment& appointment, std::int64_t borrowerRowId, const std::string& author,
                               const std::string& at);

// What a draft may be saved with: only the size limits (typing is never refused for being incomplete).
Result<void> validateNoteDraft(const VisitNoteDraft& draft);
// What a note must hold to be submitted (`visitDate` the appointment's date): two distinct visitors; when
// someone was met, the relation (and the name of anyone but the borrower), both scales rated, consent given
// only when asked; arrival not after departure; "other" hardship explained; amounts not negative; each
// promise positive, due on or after the visit and within a year of it; nobody met means no promise.
Result<void> validateNoteContent(const VisitNoteContent& content, Date visitDate);

// The actor for `userName` with `role`: the owner when they wrote the note.
Actor noteActor(const VisitNote& note, std::string_view userName, Role role);

std::span<const Transition<NoteState, NoteMove>> noteTransitions();
// The new state, or an Error saying why not. Besides the table, four eyes: the author never approves or
// returns their own note, even as a supervisor (visit_note.own_review).
Result<NoteState> moveNote(NoteState from, NoteMove move, const Actor& actor);
bool canMoveNote(NoteState from, NoteMove move, const Actor& actor);
std::vector<NoteMove> allowedNoteMoves(NoteState from, const Actor& actor);

// One function per move, taking the note and returning the new one or an Error saying why not. `by`/`at`
// are the user name and the UTC time recorded with a version or a review.
Result<VisitNote> editNoteDraft(const VisitNote& note, const Actor& actor, const VisitNoteDraft& draft,
                                const std::string& at);
// The draft becomes version 1; the draft is cleared.
Result<VisitNote> submitNote(const VisitNote& note, const Actor& actor, const VisitNoteDraft& draft,
                             const std::string& by, const std::string& at);
Result<VisitNote> approveNote(const VisitNote& note, const Actor& actor, const std::string& comment,
                              const std::string& by, const std::string& at);
// A return needs a comment saying what to correct (visit_note.return_comment).
Result<VisitNote> returnNote(const VisitNote& note, const Actor& actor, const std::string& comment,
                             const std::string& by, const std::string& at);
// The next version: the corrected content and the addendum's text (required, visit_note.addendum_empty);
// the draft is cleared. Earlier versions are untouched.
Result<VisitNote> addNoteAddendum(const VisitNote& note, const Actor& actor, const VisitNoteDraft& draft,
                                  const std::string& by, const std::string& at);

MessageId noteStateName(NoteState state);   // inside a sentence: "… is a draft"
MessageId noteStateLabel(NoteState state);  // on its own, as a label: "Draft"
MessageId noteMoveName(NoteMove move);
MessageId hardshipReasonName(HardshipReason reason);
MessageId metRelationName(MetRelation relation);
MessageId attitudeName(Attitude attitude);
MessageId scaleName(int value);  // 1 … 5 in words; 0 "not rated"
MessageId versionKindName(VersionKind kind);
MessageId reviewDecisionName(ReviewDecision decision);

}  // namespace doorstep
