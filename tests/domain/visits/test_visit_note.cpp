#include "domain/visits/visit_note.h"

#include <catch2/catch_test_macros.hpp>
#include <cctype>
#include <chrono>

using namespace doorstep;

namespace {
const Actor kAuthor = Actor::person(Role::Officer, true);
const Actor kOtherOfficer = Actor::person(Role::Officer, false);
const Actor kSupervisor = Actor::person(Role::Supervisor, false);
const Actor kAuthorSupervisor = Actor::person(Role::Supervisor, true);
const Actor kAdmin = Actor::person(Role::Administrator, false);
const Actor kDoorstep = Actor::doorstep();

const Date kVisit{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};

// A content that passes every check of a visit where the borrower was met.
VisitNoteContent complete()
{
    VisitNoteContent c;
    c.visitors = {"ofc1", "ofc2"};
    c.customerHome = true;
    c.metRelation = MetRelation::Borrower;
    c.arrived = ClockTime::at(10, 0);
    c.left = ClockTime::at(10, 40);
    c.protocol = {true, true, true, true};
    c.hardship = {HardshipReason::JobLoss};
    c.monthlyIncome = Money::fromYuan(4000);
    c.monthlyExpenses = Money::fromYuan(3000);
    c.ability = 2;
    c.willingness = 4;
    c.attitude = Attitude::Cooperative;
    c.promises = {PaymentPromise{Money::fromYuan(500), addDays(kVisit, 10)}};
    c.proposePlan = true;
    return c;
}

Appointment appointmentIn(AppointmentState state)
{
    Appointment a;
    a.id = "42";
    a.caseId = "C0001";
    a.date = kVisit;
    a.start = ClockTime::at(10, 0);
    a.staff = {"ofc1", "ofc2"};
    a.place = PlaceKind::Workplace;
    a.state = state;
    return a;
}

VisitNote draftNote()
{
    auto n = newVisitNote(appointmentIn(AppointmentState::Done), 7, "ofc1", "2026-11-20T03:00:00Z");
    REQUIRE(n);
    return *n;
}

std::string refusal(const Result<void>& r)
{
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::InvalidInput);
    return std::string(r.error().id);
}

}  // namespace

TEST_CASE("visit note: each move by the party the table names", "[visit_note]")
{
    CHECK(moveNote(NoteState::Draft, NoteMove::EditDraft, kAuthor) == NoteState::Draft);
    CHECK(moveNote(NoteState::Draft, NoteMove::Submit, kAuthor) == NoteState::Submitted);
    CHECK(moveNote(NoteState::Submitted, NoteMove::Approve, kSupervisor) == NoteState::Approved);
    CHECK(moveNote(NoteState::Submitted, NoteMove::Return, kSupervisor) == NoteState::Returned);
    CHECK(moveNote(NoteState::Returned, NoteMove::EditDraft, kAuthor) == NoteState::Returned);
    CHECK(moveNote(NoteState::Returned, NoteMove::AddAddendum, kAuthor) == NoteState::Submitted);
    // A supervisor who wrote the note works on it as its author.
    CHECK(moveNote(NoteState::Draft, NoteMove::Submit, kAuthorSupervisor) == NoteState::Submitted);
    CHECK(moveNote(NoteState::Returned, NoteMove::AddAddendum, kAuthorSupervisor) == NoteState::Submitted);
}

TEST_CASE("visit note: every move by every other party is refused as not theirs", "[visit_note]")
{
    struct Case {
        NoteState from;
        NoteMove move;
        std::vector<Actor> refused;
    };
    const std::vector<Case> cases{
        {NoteState::Draft, NoteMove::EditDraft, {kOtherOfficer, kSupervisor, kAdmin, kDoorstep}},
        {NoteState::Draft, NoteMove::Submit, {kOtherOfficer, kSupervisor, kAdmin, kDoorstep}},
        {NoteState::Submitted, NoteMove::Approve, {kAuthor, kOtherOfficer, kAdmin, kDoorstep}},
        {NoteState::Submitted, NoteMove::Return, {kAuthor, kOtherOfficer, kAdmin, kDoorstep}},
        {NoteState::Returned, NoteMove::EditDraft, {kOtherOfficer, kSupervisor, kAdmin, kDoorstep}},
        {NoteState::Returned, NoteMove::AddAddendum, {kOtherOfficer, kSupervisor, kAdmin, kDoorstep}},
    };
    for (const Case& c : cases) {
        for (const Actor& a : c.refused) {
            const auto r = moveNote(c.from, c.move, a);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code == ErrorCode::PermissionDenied);
            CHECK(r.error().id == "workflow.not_yours");
            CHECK_FALSE(canMoveNote(c.from, c.move, a));
        }
    }
}

TEST_CASE("visit note: a supervisor never reviews a note they wrote (four eyes)", "[visit_note]")
{
    for (NoteMove m : {NoteMove::Approve, NoteMove::Return}) {
        const auto r = moveNote(NoteState::Submitted, m, kAuthorSupervisor);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ErrorCode::PermissionDenied);
        CHECK(r.error().id == "visit_note.own_review");
        CHECK_FALSE(canMoveNote(NoteState::Submitted, m, kAuthorSupervisor));
    }
    CHECK(allowedNoteMoves(NoteState::Submitted, kAuthorSupervisor).empty());
}

TEST_CASE("visit note: a move the state does not allow is refused, naming the state", "[visit_note]")
{
    const std::vector<std::pair<NoteState, NoteMove>> wrong{
        {NoteState::Draft, NoteMove::Approve},     {NoteState::Draft, NoteMove::Return},
        {NoteState::Draft, NoteMove::AddAddendum}, {NoteState::Submitted, NoteMove::EditDraft},
        {NoteState::Submitted, NoteMove::Submit},  {NoteState::Submitted, NoteMove::AddAddendum},
        {NoteState::Returned, NoteMove::Submit},   {NoteState::Returned, NoteMove::Approve},
        {NoteState::Returned, NoteMove::Return},   {NoteState::Approved, NoteMove::EditDraft},
        {NoteState::Approved, NoteMove::Submit},   {NoteState::Approved, NoteMove::Approve},
        {NoteState::Approved, NoteMove::Return},   {NoteState::Approved, NoteMove::AddAddendum},
    };
    for (const auto& [from, move] : wrong) {
        for (const Actor& a : {kAuthor, kSupervisor}) {
            const auto r = moveNote(from, move, a);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code == ErrorCode::Conflict);
            CHECK(r.error().id == "workflow.wrong_state");
        }
    }
    const auto edit = moveNote(NoteState::Submitted, NoteMove::EditDraft, kAuthor);
    CHECK(edit.error().message == "The visit note is submitted for review: you cannot edit it now.");
    CHECK(formatMessage(edit.error().id, edit.error().args, Language::Chinese) ==
          "该走访记录当前为“待审核”，不能编辑。");
}

TEST_CASE("visit note: the allowed moves are what the buttons offer", "[visit_note]")
{
    using V = std::vector<NoteMove>;
    CHECK(allowedNoteMoves(NoteState::Draft, kAuthor) == V{NoteMove::EditDraft, NoteMove::Submit});
    CHECK(allowedNoteMoves(NoteState::Draft, kSupervisor).empty());
    CHECK(allowedNoteMoves(NoteState::Submitted, kSupervisor) == V{NoteMove::Approve, NoteMove::Return});
    CHECK(allowedNoteMoves(NoteState::Submitted, kAuthor).empty());
    CHECK(allowedNoteMoves(NoteState::Returned, kAuthor) == V{NoteMove::EditDraft, NoteMove::AddAddendum});
    CHECK(allowedNoteMoves(NoteState::Approved, kAuthor).empty());
    CHECK(allowedNoteMoves(NoteState::Approved, kSupervisor).empty());
    for (const auto& [state, code] : kNoteStateCodes)
        CHECK(codeLookup(kNoteStateCodes, code) == state);
}

TEST_CASE("visit note: opened only from a done or not-home appointment, prefilled from it", "[visit_note]")
{
    const auto done = newVisitNote(appointmentIn(AppointmentState::Done), 7, "ofc1", "t");
    REQUIRE(done);
    CHECK(done->state == NoteState::Draft);
    CHECK(done->appointmentId == 42);
    CHECK(done->visitDate == kVisit);
    REQUIRE(done->draft);
    CHECK(done->draft->content.visitors == std::vector<std::string>{"ofc1", "ofc2"});
    CHECK(done->draft->content.customerHome);
    CHECK(done->draft->content.place == PlaceKind::Workplace);
    CHECK(done->draft->content.arrived == ClockTime::at(10, 0));
    const auto notHome = newVisitNote(appointmentIn(AppointmentState::NotHome), 7, "ofc1", "t");
    REQUIRE(notHome);
    CHECK_FALSE(notHome->draft->content.customerHome);
    for (AppointmentState s : {AppointmentState::Proposed, AppointmentState::Confirmed, AppointmentState::Rescheduled,
                               AppointmentState::Cancelled}) {
        const auto r = newVisitNote(appointmentIn(s), 7, "ofc1", "t");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().id == "visit_note.appointment_state");
    }
}

TEST_CASE("visit note: a complete content passes; each rule refuses at its boundary", "[visit_note]")
{
    CHECK(validateNoteContent(complete(), kVisit));

    auto c = complete();
    c.visitors = {"ofc1"};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.visitors");
    c.visitors = {"ofc1", "ofc1"};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.visitors");
    c.visitors = {"ofc1", " "};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.visitors");

    c = complete();
    c.arrived.reset();
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.arrival_missing");
    c = complete();
    c.left = ClockTime::at(9, 59);
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.left_before_arrival");
    c.left = ClockTime::at(10, 0);  // a visit of no minutes is odd but possible (nobody answered the door)
    CHECK(validateNoteContent(c, kVisit));
    c.left = ClockTime{24 * 60};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.time_invalid");

    c = complete();
    c.protocol = {true, false, true, true};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.consent_not_asked");
    c.protocol = {false, true, false, false};  // asked and refused: recorded as it happened
    CHECK(validateNoteContent(c, kVisit));

    c = complete();
    c.hardship = {HardshipReason::JobLoss, HardshipReason::JobLoss};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.hardship_twice");
    c.hardship = {HardshipReason::Other};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.hardship_other_missing");
    c.hardshipOther = "gambling debts of a relative";
    CHECK(validateNoteContent(c, kVisit));

    c = complete();
    c.monthlyIncome = Money{-1};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.amount_negative");
    c.monthlyIncome = Money{0};
    c.monthlyExpenses.reset();  // not stated
    CHECK(validateNoteContent(c, kVisit));

    c = complete();
    c.metRelation = MetRelation::Spouse;
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.met_name_missing");
    c.metName = "Wang";
    CHECK(validateNoteContent(c, kVisit));

    c = complete();
    c.place = PlaceKind::Other;
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.place_missing");
}

TEST_CASE("visit note: the scales are 1 to 5 when someone was met, and may be unrated when nobody was", "[visit_note]")
{
    auto c = complete();
    for (int v : {1, 5}) {
        c.ability = v;
        c.willingness = v;
        CHECK(validateNoteContent(c, kVisit));
    }
    for (int v : {0, 6, -1}) {
        c.ability = v;
        CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.scale_missing");
        c.ability = 3;
        c.willingness = v;
        CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.scale_missing");
        c.willingness = 3;
    }
    c = complete();
    c.customerHome = false;
    c.promises.clear();
    c.ability = 0;
    c.willingness = 0;
    CHECK(validateNoteContent(c, kVisit));
    c.ability = 6;
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.scale_missing");
}

TEST_CASE("visit note: promises are positive, due from the visit day to a year after, and need someone met",
          "[visit_note]")
{
    auto c = complete();
    c.promises = {PaymentPromise{Money{1}, kVisit}, PaymentPromise{Money{1}, addDays(kVisit, 366)}};
    CHECK(validateNoteContent(c, kVisit));
    c.promises = {PaymentPromise{Money{0}, kVisit}};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.promise_amount");
    c.promises = {PaymentPromise{Money{100}, addDays(kVisit, -1)}};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.promise_date");
    c.promises = {PaymentPromise{Money{100}, addDays(kVisit, 367)}};
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.promise_date");
    c = complete();
    c.customerHome = false;
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.promise_nobody_met");
    c = complete();
    c.promises.assign(kNotePromisesMax, PaymentPromise{Money{100}, kVisit});
    CHECK(validateNoteContent(c, kVisit));
    c.promises.push_back(PaymentPromise{Money{100}, kVisit});
    CHECK(refusal(validateNoteContent(c, kVisit)) == "visit_note.too_many_promises");
}

TEST_CASE("visit note: a draft is saved incomplete, but not beyond the size limits", "[visit_note]")
{
    VisitNoteDraft d;  // nothing filled in yet
    CHECK(validateNoteDraft(d));
    d.content.freeText.assign(kNoteTextMaxBytes, 'x');
    CHECK(validateNoteDraft(d));
    d.content.freeText.push_back('x');
    const auto r = validateNoteDraft(d);
    CHECK(refusal(r) == "visit_note.text_too_long");
    CHECK(r.error().message == "The remarks is too long: at most 20,000 bytes.");
    d.content.freeText.clear();
    d.addendumText.assign(kNoteTextMaxBytes + 1, 'x');
    CHECK(refusal(validateNoteDraft(d)) == "visit_note.text_too_long");
}

TEST_CASE("visit note: submit, return, addendum, approve keep every version and review unchanged", "[visit_note]")
{
    VisitNote note = draftNote();
    VisitNoteDraft draft{complete(), {}};

    auto edited = editNoteDraft(note, kAuthor, draft, "t1");
    REQUIRE(edited);
    CHECK(edited->draft == draft);
    CHECK_FALSE(editNoteDraft(note, kOtherOfficer, draft, "t1"));

    // An incomplete draft is refused at submission, and nothing changes.
    VisitNoteDraft incomplete = draft;
    incomplete.content.ability = 0;
    const auto refused = submitNote(*edited, kAuthor, incomplete, "ofc1", "t2");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().id == "visit_note.scale_missing");

    auto submitted = submitNote(*edited, kAuthor, draft, "ofc1", "t2");
    REQUIRE(submitted);
    CHECK(submitted->state == NoteState::Submitted);
    CHECK_FALSE(submitted->draft.has_value());
    REQUIRE(submitted->versions.size() == 1);
    const VisitNoteVersion v1 = submitted->versions[0];
    CHECK(v1.number == 1);
    CHECK(v1.kind == VersionKind::Submission);
    CHECK(v1.by == "ofc1");
    CHECK(v1.at == "t2");
    CHECK(v1.content == draft.content);
    // Nobody edits a submitted note in place.
    CHECK(editNoteDraft(*submitted, kAuthor, draft, "t3").error().id == "workflow.wrong_state");

    // A return needs a comment; the returned note offers its content as the addendum's starting point.
    CHECK(returnNote(*submitted, kSupervisor, "  ", "sup", "t3").error().id == "visit_note.return_comment");
    auto returned = returnNote(*submitted, kSupervisor, "Income not stated per month", "sup", "t3");
    REQUIRE(returned);
    CHECK(returned->state == NoteState::Returned);
    CHECK(returned->returnComment() == "Income not stated per month");
    REQUIRE(returned->reviews.size() == 1);
    CHECK(returned->reviews[0] ==
          VisitNoteReview{1, ReviewDecision::Returned, "sup", "t3", "Income not stated per month"});
    REQUIRE(returned->draft);
    CHECK(returned->draft->content == v1.content);
    CHECK(returned->draft->addendumText.empty());

    VisitNoteDraft addendum = *returned->draft;
    addendum.content.monthlyIncome = Money::fromYuan(4500);
    CHECK(addNoteAddendum(*returned, kAuthor, addendum, "ofc1", "t4").error().id == "visit_note.addendum_empty");
    addendum.addendumText = "Income corrected: 4,500 a month including a pension.";
    CHECK(addNoteAddendum(*returned, kSupervisor, addendum, "sup", "t4").error().code == ErrorCode::PermissionDenied);
    auto answered = addNoteAddendum(*returned, kAuthor, addendum, "ofc1", "t4");
    REQUIRE(answered);
    CHECK(answered->state == NoteState::Submitted);
    REQUIRE(answered->versions.size() == 2);
    CHECK(answered->versions[0] == v1);  // the first version as it was
    CHECK(answered->versions[1].number == 2);
    CHECK(answered->versions[1].kind == VersionKind::Addendum);
    CHECK(answered->versions[1].addendumText == addendum.addendumText);
    CHECK(answered->versions[1].content.monthlyIncome == Money::fromYuan(4500));
    CHECK(answered->currentContent().monthlyIncome == Money::fromYuan(4500));
    CHECK(answered->returnComment().empty());

    auto approved = approveNote(*answered, kSupervisor, "", "sup", "t5");
    REQUIRE(approved);
    CHECK(approved->state == NoteState::Approved);
    REQUIRE(approved->reviews.size() == 2);
    CHECK(approved->reviews[0] == returned->reviews[0]);
    CHECK(approved->reviews[1].version == 2);
    CHECK(approved->reviews[1].decision == ReviewDecision::Approved);
    CHECK(approved->versions == answered->versions);
    CHECK(addNoteAddendum(*approved, kAuthor, addendum, "ofc1", "t6").error().id == "workflow.wrong_state");
}

TEST_CASE("visit note: the codes of the form are stored text both ways and have words", "[visit_note]")
{
    for (const auto& [reason, code] : kHardshipReasonCodes) {
        CHECK(codeLookup(kHardshipReasonCodes, code) == reason);
        CHECK(std::string(hardshipReasonName(reason).value).ends_with(code));
    }
    for (const auto& [relation, code] : kMetRelationCodes) {
        CHECK(codeLookup(kMetRelationCodes, code) == relation);
        CHECK(std::string(metRelationName(relation).value).ends_with(code));
    }
    for (const auto& [attitude, code] : kAttitudeCodes) {
        CHECK(codeLookup(kAttitudeCodes, code) == attitude);
        CHECK(std::string(attitudeName(attitude).value).ends_with(code));
    }
    CHECK(std::string(scaleName(1).value) == "visit_note.scale.1");
    CHECK(std::string(scaleName(0).value) == "visit_note.scale.0");
    CHECK(formatMessage(versionKindName(VersionKind::Addendum).value, {}, Language::Chinese) == "补充说明");
    CHECK(formatMessage(reviewDecisionName(ReviewDecision::Returned).value, {}, Language::Chinese) == "退回");
    // A state in a sentence ("… is a draft") and as a label in tables ("Draft"), in the same Chinese words.
    for (NoteState state : {NoteState::Draft, NoteState::Submitted, NoteState::Returned, NoteState::Approved}) {
        const std::string label = formatMessage(noteStateLabel(state).value, {}, Language::English);
        CHECK(std::isupper(static_cast<unsigned char>(label.front())));
        CHECK(formatMessage(noteStateLabel(state).value, {}, Language::Chinese) ==
              formatMessage(noteStateName(state).value, {}, Language::Chinese));
    }
    CHECK(formatMessage(noteStateName(NoteState::Draft).value, {}, Language::English) == "a draft");
    CHECK(formatMessage(noteStateLabel(NoteState::Draft).value, {}, Language::English) == "Draft");
    CHECK(formatMessage(noteStateLabel(NoteState::Submitted).value, {}, Language::English) == "Submitted for review");
}
