#include "app/visits/visit_note_service.h"

#include "domain/contacts/contact_facts.h"
#include "storage/screening/screening_repository.h"
#include "storage/visits/visit_note_repository.h"
#include "support/visit_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <csignal>
#include <sys/wait.h>
#include <tuple>
#include <unistd.h>

using namespace doorstep;
using app::VisitNoteService;
using test::kDay;

namespace {

std::vector<std::int64_t> ids(const std::vector<app::VisitNoteItem>& items)
{
    std::vector<std::int64_t> out;
    for (const auto& i : items)
        out.push_back(i.id);
    return out;
}

}  // namespace

TEST_CASE("visit_note_service: written, returned with a comment, answered with an addendum, approved", "[visits_app]")
{
    test::VisitBranch b;
    const auto appointmentId = b.madeVisit(true);
    auto ofc1 = b.login("ofc1");
    VisitNoteService officer(*ofc1);
    VisitNoteService supervisor(*b.sup);

    auto offered = officer.visitsWithoutNote();
    REQUIRE(offered);
    REQUIRE(offered->size() == 1);
    CHECK(offered->front().id == appointmentId);

    auto opened = officer.open(appointmentId);
    REQUIRE(opened);
    const std::int64_t id = *opened;
    CHECK(officer.visitsWithoutNote()->empty());
    const auto forAppointment = officer.noteForAppointment(appointmentId);
    REQUIRE(forAppointment);
    CHECK(*forAppointment == std::optional<std::int64_t>{id});
    const auto twice = officer.open(appointmentId);
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == ErrorCode::Conflict);
    CHECK(twice.error().id == "visit_note.exists");

    auto detail = officer.note(id);
    REQUIRE(detail);
    CHECK(detail->note.state == NoteState::Draft);
    CHECK(detail->appointment.id == appointmentId);
    CHECK(detail->allowedMoves == std::vector<NoteMove>{NoteMove::EditDraft, NoteMove::Submit});
    CHECK_FALSE(detail->borrowerBankId.empty());

    // Typing: saved, not audited, and an incomplete note is refused at submission without losing the typing.
    VisitNoteDraft draft = test::completeDraft();
    draft.content.willingness = 0;
    REQUIRE(officer.saveDraft(id, draft));
    const auto refused = officer.submit(id, draft);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().id == "visit_note.scale_missing");
    CHECK(officer.note(id)->note.draft == draft);
    CHECK(officer.note(id)->note.state == NoteState::Draft);

    // Nobody else writes in it, and the supervisor has nothing to review yet.
    auto ofc2 = b.login("ofc2");
    CHECK(VisitNoteService(*ofc2).saveDraft(id, draft).error().id == "workflow.not_yours");
    CHECK(supervisor.reviewQueue()->empty());

    draft.content.willingness = 4;
    REQUIRE(officer.submit(id, draft));
    auto queue = supervisor.reviewQueue();
    REQUIRE(queue);
    CHECK(ids(*queue) == std::vector<std::int64_t>{id});
    CHECK(queue->front().versions == 1);
    CHECK(officer.reviewQueue().error().code == ErrorCode::PermissionDenied);
    CHECK(officer.approve(id).error().code == ErrorCode::PermissionDenied);
    CHECK(officer.saveDraft(id, draft).error().id == "workflow.wrong_state");

    CHECK(supervisor.returnForCorrection(id, "").error().id == "visit_note.return_comment");
    REQUIRE(supervisor.returnForCorrection(id, "State the income per month, not per year."));
    CHECK(supervisor.reviewQueue()->empty());
    auto mine = officer.listMine();
    REQUIRE(mine);
    REQUIRE(mine->size() == 1);
    CHECK(mine->front().state == NoteState::Returned);
    CHECK(mine->front().returnComment == "State the income per month, not per year.");

    detail = officer.note(id);
    REQUIRE(detail);
    CHECK(detail->allowedMoves == std::vector<NoteMove>{NoteMove::EditDraft, NoteMove::AddAddendum});
    REQUIRE(detail->note.draft);
    VisitNoteDraft addendum = *detail->note.draft;
    CHECK(addendum.content == draft.content);
    addendum.content.monthlyIncome = Money::fromYuan(4300);
    CHECK(officer.addAddendum(id, addendum).error().id == "visit_note.addendum_empty");
    CHECK(officer.note(id)->note.draft == addendum);  // kept while refused
    addendum.addendumText = "Income corrected to the monthly figure.";
    REQUIRE(officer.addAddendum(id, addendum));
    CHECK(ids(*supervisor.reviewQueue()) == std::vector<std::int64_t>{id});

    REQUIRE(supervisor.approve(id, "Thank you."));
    detail = supervisor.note(id);
    REQUIRE(detail);
    const VisitNote& note = detail->note;
    CHECK(note.state == NoteState::Approved);
    REQUIRE(note.versions.size() == 2);
    CHECK(note.versions[0].kind == VersionKind::Submission);
    CHECK(note.versions[0].content == draft.content);
    CHECK(note.versions[0].by == "ofc1");
    CHECK(note.versions[1].kind == VersionKind::Addendum);
    CHECK(note.versions[1].content.monthlyIncome == Money::fromYuan(4300));
    CHECK(note.versions[1].addendumText == "Income corrected to the monthly figure.");
    REQUIRE(note.reviews.size() == 2);
    CHECK(note.reviews[0].decision == ReviewDecision::Returned);
    CHECK(note.reviews[0].version == 1);
    CHECK(note.reviews[0].by == "sup");
    CHECK(note.reviews[1].decision == ReviewDecision::Approved);
    CHECK(note.reviews[1].version == 2);
    CHECK(detail->allowedMoves.empty());
    // The promises of the latest version, tracked as of today (the clock: 10:50 on the visit day).
    REQUIRE(detail->promises.size() == 2);
    CHECK(detail->promises[0].check.status == PromiseStatus::Pending);

    // The audit trail: the note's creation and every submission and review; typing is not audited.
    CHECK(b.audit("visit_note.open").size() == 1);
    CHECK(b.audit("visit_note.submit").size() == 1);
    CHECK(b.audit("visit_note.return").size() == 1);
    CHECK(b.audit("visit_note.addendum").size() == 1);
    CHECK(b.audit("visit_note.approve").size() == 1);
    CHECK(b.audit("visit_note.open").front().recordId == std::to_string(id));
}

TEST_CASE("visit_note_service: only the visiting staff open a note, and only for a visit made", "[visits_app]")
{
    test::VisitBranch b;
    const auto done = b.madeVisit(true);
    auto ofc3 = b.login("ofc3");
    CHECK(VisitNoteService(*ofc3).open(done).error().id == "visit_note.appointment_not_found");
    CHECK(VisitNoteService(*b.sup).open(done).error().id == "visit_note.not_visiting_staff");
    auto admin = b.branch.loginAdmin();
    CHECK(VisitNoteService(*admin).open(done).error().code == ErrorCode::PermissionDenied);

    // A confirmed visit not yet made has no note.
    const auto item = b.openCaseOf("ofc1");
    auto ofc1 = b.login("ofc1");
    app::BookingRequest r;
    r.borrowerRowId = item.borrowerRowId;
    r.date = addDays(kDay, 1);
    r.start = ClockTime::at(14, 0);
    r.staff = {"ofc1", "ofc2"};
    r.confirmed = true;
    auto ahead = app::AppointmentService(*ofc1).book(r);
    REQUIRE(ahead);
    const auto early = VisitNoteService(*ofc1).open(ahead->id);
    REQUIRE_FALSE(early);
    CHECK(early.error().id == "visit_note.appointment_state");

    // The second visitor may open it; an officer not on the visit does not even see the note.
    auto ofc2 = b.login("ofc2");
    auto id = VisitNoteService(*ofc2).open(done);
    REQUIRE(id);
    CHECK(VisitNoteService(*ofc3).note(*id).error().id == "visit_note.not_found");
    CHECK(VisitNoteService(*ofc1).note(*id));  // on the visit: reads it
    CHECK(VisitNoteService(*ofc1).saveDraft(*id, test::completeDraft()).error().id == "workflow.not_yours");
    CHECK(VisitNoteService(*ofc1).listMine()->empty());
}

TEST_CASE("visit_note_service: a not-home visit is written up with nobody met and no scales", "[visits_app]")
{
    test::VisitBranch b;
    const auto appointmentId = b.madeVisit(false);
    auto ofc1 = b.login("ofc1");
    VisitNoteService service(*ofc1);
    auto id = service.open(appointmentId);
    REQUIRE(id);
    const auto detail = service.note(*id);
    REQUIRE(detail->note.draft);
    VisitNoteDraft draft = *detail->note.draft;
    CHECK_FALSE(draft.content.customerHome);
    draft.content.left = ClockTime::at(10, 20);
    draft.content.nextSteps = "Leave a card; call tomorrow evening";
    REQUIRE(service.submit(*id, draft));
    CHECK(service.note(*id)->note.state == NoteState::Submitted);
    CHECK_FALSE(service.listMine()->front().customerHome);
}

TEST_CASE("visit_note_service: the draft is there after the program is killed mid-edit", "[visits_app]")
{
    test::VisitBranch b;
    const auto appointmentId = b.madeVisit(true);
    std::int64_t id = 0;
    {
        auto ofc1 = b.login("ofc1");
        auto opened = VisitNoteService(*ofc1).open(appointmentId);
        REQUIRE(opened);
        id = *opened;
    }
    VisitNoteDraft typed = test::completeDraft();
    typed.content.freeText = "Typed just before the power went.";
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The program as the officer uses it: logs in, saves the draft as they type, and dies without closing.
        auto session = b.login("ofc1");
        const bool saved = VisitNoteService(*session).saveDraft(id, typed).has_value();
        if (!saved) _exit(2);
        std::raise(SIGKILL);
        _exit(3);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    auto again = b.login("ofc1");
    const auto detail = VisitNoteService(*again).note(id);
    REQUIRE(detail);
    REQUIRE(detail->note.draft);
    CHECK(*detail->note.draft == typed);
}

TEST_CASE("visit_note_service: the officer's list puts returned notes first, then drafts, then submitted",
          "[visits_app]")
{
    test::VisitBranch b;
    auto ofc1 = b.login("ofc1");
    VisitNoteService officer(*ofc1);
    VisitNoteService supervisor(*b.sup);
    std::vector<std::int64_t> notes;
    for (int i = 0; i < 4; ++i) {
        auto id = officer.open(b.madeVisit(true, 0, 10, i));
        REQUIRE(id);
        notes.push_back(*id);
    }
    REQUIRE(officer.submit(notes[0], test::completeDraft()));  // submitted first: the longest waiting
    REQUIRE(officer.submit(notes[2], test::completeDraft()));
    REQUIRE(officer.submit(notes[3], test::completeDraft()));
    b.branch.clock.set(test::shanghai(addDays(kDay, 4), 9, 0));
    REQUIRE(supervisor.returnForCorrection(notes[2], "Which relative?"));
    REQUIRE(supervisor.approve(notes[3]));

    auto mine = officer.listMine();
    REQUIRE(mine);
    CHECK(ids(*mine) == std::vector<std::int64_t>{notes[2], notes[1], notes[0], notes[3]});
    CHECK(ids(*supervisor.reviewQueue()) == std::vector<std::int64_t>{notes[0]});
    auto ofc2 = b.login("ofc2");
    CHECK(VisitNoteService(*ofc2).listMine()->empty());
    // The date-range list: an officer's visits (ofc2 visited all four), a supervisor's all.
    CHECK(VisitNoteService(*ofc2).notes(kDay, addDays(kDay, 3))->size() == 4);
    CHECK(supervisor.notes(addDays(kDay, 1), addDays(kDay, 2))->size() == 2);
    CHECK(supervisor.notes(addDays(kDay, 4), addDays(kDay, 9))->empty());
}

TEST_CASE("visit_note_service: attachments up to the branch's limit, kept once submitted", "[visits_app]")
{
    test::VisitBranch b;
    auto ofc1 = b.login("ofc1");
    VisitNoteService service(*ofc1);
    auto id = service.open(b.madeVisit(true));
    REQUIRE(id);

    const app::VisitSettings defaults;
    CHECK(app::loadVisitSettings(b.db()) == defaults);
    CHECK(defaults.attachmentMaxBytes == 5 * 1024 * 1024);
    auto admin = b.branch.loginAdmin();
    const auto outOfRange = app::saveVisitSettings(*admin, app::VisitSettings{app::kAttachmentLimitMin - 1});
    REQUIRE_FALSE(outOfRange);
    CHECK(outOfRange.error().id == "visit_note.attachment_limit_range");
    REQUIRE(app::saveVisitSettings(*admin, app::VisitSettings{100 * 1024}));
    CHECK(b.audit("settings.visits").size() == 1);

    const std::string atLimit(100 * 1024, '\x7f');
    auto kept = service.addAttachment(*id, "C:\\scans\\income-statement.pdf", atLimit);
    REQUIRE(kept);
    const auto over = service.addAttachment(*id, "photo.jpg", atLimit + "x");
    REQUIRE_FALSE(over);
    CHECK(over.error().id == "visit_note.attachment_too_large");
    CHECK(over.error().message == "The file is 102,401 bytes; an attachment may be at most 102,400 bytes. Scan it at "
                                  "a lower resolution or split it.");
    CHECK(service.addAttachment(*id, "empty.jpg", "").error().id == "visit_note.attachment_empty");
    auto dropped = service.addAttachment(*id, "wrong.jpg", "\x01\x02\x03");
    REQUIRE(dropped);

    auto listed = service.attachments(*id);
    REQUIRE(listed);
    REQUIRE(listed->size() == 2);
    CHECK(listed->front().fileName == "income-statement.pdf");
    CHECK(listed->front().sizeBytes == 100 * 1024);
    CHECK(listed->front().version == 0);
    CHECK(service.attachmentData(*kept) == atLimit);

    auto ofc3 = b.login("ofc3");
    CHECK(VisitNoteService(*ofc3).attachmentData(*kept).error().id == "visit_note.attachment_not_found");
    auto ofc2 = b.login("ofc2");
    CHECK(VisitNoteService(*ofc2).removeAttachment(*dropped).error().code == ErrorCode::PermissionDenied);
    REQUIRE(service.removeAttachment(*dropped));
    REQUIRE(service.submit(*id, test::completeDraft()));
    listed = service.attachments(*id);
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().version == 1);
    CHECK(service.removeAttachment(*kept).error().id == "visit_note.attachment_submitted");
    CHECK(service.addAttachment(*id, "late.jpg", "abc").error().id == "visit_note.attachments_closed");
    CHECK(b.audit("visit_note.attachment_add").size() == 2);
    CHECK(b.audit("visit_note.attachment_remove").size() == 1);
}

TEST_CASE("visit_note_service: a submitted note's promises count in screening like a call's; a draft's do not",
          "[visits_app]")
{
    test::VisitBranch b;
    const auto appointmentId = b.madeVisit(true);
    auto ofc1 = b.login("ofc1");
    VisitNoteService service(*ofc1);
    auto id = service.open(appointmentId);
    REQUIRE(id);
    const std::int64_t borrower = service.note(*id)->note.borrowerRowId;

    const auto screeningRow = [&] {
        storage::BorrowerScreeningRow found;
        storage::ScreeningRepository(b.db()).forEachBorrower("2026-10-31", "2026-08-01", "2026-09-01",
                                                             [&](const storage::BorrowerScreeningRow& row) {
                                                                 if (row.borrowerRowId == borrower) found = row;
                                                             });
        REQUIRE(found.borrowerRowId == borrower);
        return found;
    };
    const auto promisesIn = [](const storage::BorrowerScreeningRow& row) {
        std::vector<ContactAttempt> out;
        for (const ContactAttempt& a : row.contacts) {
            if (a.outcome == ContactOutcome::PromiseToPay) out.push_back(a);
        }
        return out;
    };
    const auto before = promisesIn(screeningRow());

    const VisitNoteDraft draft = test::completeDraft();
    REQUIRE(service.saveDraft(*id, draft));
    CHECK(promisesIn(screeningRow()).size() == before.size());

    REQUIRE(service.submit(*id, draft));
    const auto row = screeningRow();
    const auto after = promisesIn(row);
    REQUIRE(after.size() == before.size() + 2);
    std::vector<ContactAttempt> fromVisit;
    for (const ContactAttempt& a : after) {
        if (a.channel == ContactChannel::Visit) fromVisit.push_back(a);
    }
    REQUIRE(fromVisit.size() == 2);
    CHECK(fromVisit[0].date == kDay);
    CHECK(fromVisit[0].minuteOfDay == 10 * 60);
    CHECK(fromVisit[0].reached == ContactParty::Borrower);
    CHECK(fromVisit[0].promisedAmount == draft.content.promises[0].amount);
    CHECK(fromVisit[0].promisedDate == draft.content.promises[0].due);
    CHECK(fromVisit[1].promisedAmount == draft.content.promises[1].amount);
    // Still oldest first.
    for (std::size_t i = 1; i < row.contacts.size(); ++i)
        CHECK_FALSE(std::tie(row.contacts[i].date, row.contacts[i].minuteOfDay) <
                    std::tie(row.contacts[i - 1].date, row.contacts[i - 1].minuteOfDay));

    // Once both dates and their grace have passed, screening's facts count each as tracked: kept or broken.
    const ContactFactWindows windows{};
    const Date later = addDays(kDay, 60);
    const auto facts = contactFacts(row.contacts, row.payments, later, windows);
    const auto factsWithout = contactFacts(std::vector<ContactAttempt>(), row.payments, later, windows);
    int broken = 0;
    for (const PaymentPromise& p : draft.content.promises) {
        const auto check = trackPromise(Promise{kDay, p.amount, p.due}, row.payments, later, windows.promiseGraceDays);
        if (check.status == PromiseStatus::Broken) ++broken;
    }
    int brokenBefore = 0;
    for (const ContactAttempt& a : before) {
        const auto check = trackPromise(Promise{a.date, a.promisedAmount, a.promisedDate.value_or(a.date)},
                                        row.payments, later, windows.promiseGraceDays);
        if (check.status == PromiseStatus::Broken && daysBetween(a.date, later) <= windows.promiseLookbackDays)
            ++brokenBefore;
    }
    CHECK(factsWithout.brokenPromises == 0);
    CHECK(facts.brokenPromises == brokenBefore + broken);
    CHECK(facts.lastVisit == kDay);
}
