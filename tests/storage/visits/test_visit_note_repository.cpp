#include "storage/visits/visit_note_repository.h"

#include "storage/database/sqlite.h"
#include "support/visit_branch.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using test::kDay;

namespace {

VisitNote openedNote(test::VisitBranch& b, std::int64_t appointmentId)
{
    const auto appointment = storage::AppointmentRepository(b.db()).find(appointmentId);
    REQUIRE(appointment);
    auto note = newVisitNote(appointment->appointment, appointment->borrowerRowId, "ofc1", "2026-11-30T03:00:00Z");
    REQUIRE(note);
    note->appointmentId = appointmentId;
    return *note;
}

}  // namespace

TEST_CASE("visit_note_repository: every field of the form comes back as it was stored", "[visits_app]")
{
    test::VisitBranch b;
    const auto appointmentId = b.madeVisit(true);
    storage::VisitNoteRepository repo(b.db());
    VisitNote note = openedNote(b, appointmentId);
    note.draft = test::completeDraft();
    note.draft->content.metRelation = MetRelation::Guarantor;
    note.draft->content.metName = "Li";
    note.draft->content.placeNote = "Workshop, rear entrance";
    note.draft->content.monthlyExpenses.reset();  // not stated stays not stated
    note.draft->content.left.reset();
    note.draft->addendumText = "typed so far";
    note.id = repo.add(note);
    CHECK(repo.noteForAppointment(appointmentId) == note.id);

    const auto found = repo.find(note.id);
    REQUIRE(found);
    CHECK(found->draft == note.draft);
    CHECK(found->state == NoteState::Draft);
    CHECK(found->author == "ofc1");
    CHECK(found->visitDate == kDay);
    CHECK(found->versions.empty());

    // Submitted: the version holds the same content, with its promises; the draft is gone.
    const VisitNoteDraft submitted{note.draft->content, {}};
    auto next = submitNote(*found, Actor::person(Role::Officer, true), submitted, "ofc1", "2026-11-30T04:00:00Z");
    REQUIRE(next);
    repo.save(*found, *next);
    const auto stored = repo.find(note.id);
    REQUIRE(stored);
    CHECK_FALSE(stored->draft.has_value());
    REQUIRE(stored->versions.size() == 1);
    CHECK(stored->versions[0] == next->versions[0]);
    CHECK(stored->versions[0].content.promises.size() == 2);
    CHECK(stored->state == NoteState::Submitted);
}

TEST_CASE("visit_note_repository: a stored version cannot be changed, even by SQL", "[visits_app]")
{
    test::VisitBranch b;
    storage::VisitNoteRepository repo(b.db());
    VisitNote note = openedNote(b, b.madeVisit(true));
    note.id = repo.add(note);
    auto next = submitNote(note, Actor::person(Role::Officer, true), test::completeDraft(), "ofc1", "t");
    REQUIRE(next);
    repo.save(note, *next);
    auto edit = b.db().prepare("UPDATE visit_note_versions SET free_text = 'rewritten' WHERE note_id = ?");
    edit.bind(1, note.id);
    CHECK_THROWS_AS(edit.run(), storage::DatabaseError);
    auto promise = b.db().prepare("UPDATE visit_note_promises SET amount_fen = 1 WHERE note_id = ? AND version = 1");
    promise.bind(1, note.id);
    CHECK_THROWS_AS(promise.run(), storage::DatabaseError);
    CHECK(repo.find(note.id)->versions == next->versions);
}

TEST_CASE("visit_note_repository: the promises screening reads are the latest version's of submitted notes",
          "[visits_app]")
{
    test::VisitBranch b;
    storage::VisitNoteRepository repo(b.db());
    const Actor author = Actor::person(Role::Officer, true);
    const Actor supervisor = Actor::person(Role::Supervisor, false);

    VisitNote draft = openedNote(b, b.madeVisit(true, 0, 10));
    draft.draft = test::completeDraft();
    draft.id = repo.add(draft);

    VisitNote corrected = openedNote(b, b.madeVisit(true, 0, 13));
    corrected.id = repo.add(corrected);
    auto v1 = submitNote(corrected, author, test::completeDraft(), "ofc1", "t1");
    REQUIRE(v1);
    auto returned = returnNote(*v1, supervisor, "Check the amounts", "sup", "t2");
    REQUIRE(returned);
    VisitNoteDraft addendum = *returned->draft;
    addendum.content.promises = {PaymentPromise{Money::fromYuan(300), addDays(kDay, 3)}};
    addendum.addendumText = "The customer promised 300, not 800.";
    auto v2 = addNoteAddendum(*returned, author, addendum, "ofc1", "t3");
    REQUIRE(v2);
    repo.save(corrected, *v2);

    const auto rows = repo.promises(addDays(kDay, -30));
    REQUIRE(rows.size() == 1);  // the draft's promises do not count; version 1's were replaced by version 2's
    CHECK(rows[0].noteId == corrected.id);
    CHECK(rows[0].borrowerRowId == corrected.borrowerRowId);
    CHECK(rows[0].visitDate == kDay);
    CHECK(rows[0].visitMinute == 13 * 60);
    CHECK(rows[0].promise == PaymentPromise{Money::fromYuan(300), addDays(kDay, 3)});
    CHECK(repo.promises(addDays(kDay, 1)).empty());
    // Version 1 keeps its own promises.
    CHECK(repo.find(corrected.id)->versions[0].content.promises == test::completeDraft().content.promises);
}

TEST_CASE("visit_note_repository: the household budget stated is the newest submitted or approved note's that "
          "states one",
          "[visits_app]")
{
    test::VisitBranch b;
    storage::VisitNoteRepository repo(b.db());
    const Actor author = Actor::person(Role::Officer, true);
    const Actor supervisor = Actor::person(Role::Supervisor, false);
    // A done visit to `borrower` on kDay + `day` at `hour`, stored as booking and marking it done leave it.
    const auto visit = [&](std::int64_t borrower, int day, int hour) {
        storage::AppointmentRow a;
        a.borrowerRowId = borrower;
        a.appointment.date = addDays(kDay, day);
        a.appointment.start = ClockTime::at(hour, 0);
        a.appointment.staff = {"ofc1", "ofc2"};
        a.appointment.state = AppointmentState::Done;
        return storage::AppointmentRepository(b.db()).add(a);
    };
    const std::int64_t borrower = b.openCaseOf("ofc1", 0).borrowerRowId;
    const std::int64_t otherBorrower = b.openCaseOf("ofc1", 1).borrowerRowId;
    // A note of a visit to `who` on kDay + `day` at `hour` stating the figures given, submitted unless a draft.
    const auto note = [&](std::int64_t who, int day, int hour, std::optional<Money> income,
                          std::optional<Money> expenses, bool submit) {
        VisitNote n = openedNote(b, visit(who, day, hour));
        VisitNoteDraft d = test::completeDraft();
        d.content.arrived = ClockTime::at(hour, 5);
        d.content.left = ClockTime::at(hour, 45);
        d.content.monthlyIncome = income;
        d.content.monthlyExpenses = expenses;
        n.draft = d;
        n.id = repo.add(n);
        if (!submit) return n;
        auto next = submitNote(n, author, d, "ofc1", "t1");
        REQUIRE(next);
        repo.save(n, *next);
        return *next;
    };

    CHECK_FALSE(repo.latestStatedHousehold(borrower).has_value());
    const VisitNote first = note(borrower, 0, 9, Money::fromYuan(5000), std::nullopt, true);
    auto stated = repo.latestStatedHousehold(borrower);
    REQUIRE(stated);
    CHECK(stated->noteId == first.id);
    CHECK(stated->visitDate == kDay);
    CHECK(stated->monthlyIncome == Money::fromYuan(5000));
    CHECK_FALSE(stated->monthlyExpenses.has_value());

    // Later visits: a draft, and a submitted note stating neither figure, do not count.
    note(borrower, 0, 13, Money::fromYuan(6000), Money::fromYuan(3000), false);
    note(borrower, 1, 9, std::nullopt, std::nullopt, true);
    CHECK(repo.latestStatedHousehold(borrower)->noteId == first.id);

    // An approved note counts; a returned one does not (until its addendum is submitted).
    const VisitNote approved = note(borrower, 1, 13, Money::fromYuan(6100), Money::fromYuan(2900), true);
    auto approval = approveNote(approved, supervisor, "", "sup", "t2");
    REQUIRE(approval);
    repo.save(approved, *approval);
    const VisitNote toReturn = note(borrower, 2, 9, Money::fromYuan(1), Money::fromYuan(1), true);
    auto returned = returnNote(toReturn, supervisor, "Per month, please.", "sup", "t3");
    REQUIRE(returned);
    repo.save(toReturn, *returned);
    stated = repo.latestStatedHousehold(borrower);
    REQUIRE(stated);
    CHECK(stated->noteId == approved.id);
    CHECK(stated->visitDate == addDays(kDay, 1));
    CHECK(stated->monthlyIncome == Money::fromYuan(6100));
    CHECK(stated->monthlyExpenses == Money::fromYuan(2900));

    // Another customer's note is theirs alone.
    const VisitNote other = note(otherBorrower, 2, 13, Money::fromYuan(9000), std::nullopt, true);
    REQUIRE(otherBorrower != borrower);
    CHECK(repo.latestStatedHousehold(borrower)->noteId == approved.id);
    CHECK(repo.latestStatedHousehold(otherBorrower)->noteId == other.id);
    CHECK_FALSE(repo.latestStatedHousehold(999'999).has_value());
}
