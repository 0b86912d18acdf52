#pragma once
// Visit notes in the database (issue 11): the note (one per appointment), its draft, its immutable versions
// and promises, its reviews and its attachments. The one place a note's state, a version's kind, a review's
// decision and the form's codes become stored text and back.
#include "domain/portfolio/portfolio.h"
#include "domain/visits/visit_note.h"
#include "storage/database/sqlite.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::storage {

// A note as listed: no content, the display fields joined on read.
struct VisitNoteListRow {
    std::int64_t id = 0;
    std::int64_t appointmentId = 0;
    std::int64_t borrowerRowId = 0;
    Date visitDate{};
    std::string author;
    NoteState state = NoteState::Draft;
    int versions = 0;           // submitted versions so far
    std::string lastVersionAt;  // when the latest version was made ("" for a draft never submitted)
    std::string returnComment;  // the latest review's comment when returned
    bool customerHome = true;   // from the latest version, or the draft
    std::string createdAt;
    std::string updatedAt;
    // Display only, joined on read.
    std::string borrowerBankId;
    std::string borrowerName;
    std::string district;
};

struct AttachmentRow {
    std::int64_t id = 0;
    std::int64_t noteId = 0;
    int version = 0;  // 0 until the note is submitted with it
    std::string fileName;
    std::int64_t sizeBytes = 0;
    std::string addedBy;
    std::string addedAt;
};

// A promise to pay of a submitted note, for screening and the promise list.
struct NotePromiseRow {
    std::int64_t noteId = 0;
    std::int64_t borrowerRowId = 0;
    Date visitDate{};
    int visitMinute = 0;  // the appointment's start
    PaymentPromise promise;
};

// The household's budget as a visit note states it (either figure may be missing), and which note.
struct StatedHousehold {
    std::int64_t noteId = 0;
    Date visitDate{};
    std::optional<Money> monthlyIncome;
    std::optional<Money> monthlyExpenses;
};

struct VisitNoteQuery {
    std::string author;              // "" = anyone's
    std::string visitor;             // "" = anyone's; else notes whose appointment this user visited on
    std::optional<NoteState> state;  // none = every state
    std::optional<Date> from;        // visit date, both ends included
    std::optional<Date> to;
    std::optional<std::int64_t> borrowerRowId;
};

class VisitNoteRepository final {
public:
    explicit VisitNoteRepository(const Connection& connection) : m_db(connection) {}

    // Inserts the note with its draft; returns the id.
    std::int64_t add(const VisitNote& note);
    // The note with its draft, versions (with their promises) and reviews.
    std::optional<VisitNote> find(std::int64_t id) const;
    std::optional<std::int64_t> noteForAppointment(std::int64_t appointmentId) const;
    // Done and not-home appointments dated on or after `since` with `staff` among their visiting staff and no
    // note yet, newest first.
    std::vector<std::int64_t> appointmentsWithoutNote(const std::string& staff, Date since) const;
    // Writes what changed since `before`: the state and times, the draft (replaced or removed), and the versions
    // and reviews `note` has beyond `before`'s (inserted; stored versions are never updated).
    void save(const VisitNote& before, const VisitNote& note);
    // Only the draft and updated_at (the cheap path of typing).
    void saveDraft(std::int64_t noteId, const VisitNoteDraft& draft, const std::string& at);

    // Notes by the query, ordered by visit date then id.
    std::vector<VisitNoteListRow> list(const VisitNoteQuery& query) const;
    // Promises of notes not in draft, from each note's latest version, whose visit date is on or after `since`.
    std::vector<NotePromiseRow> promises(Date since, std::optional<std::int64_t> borrowerRowId = std::nullopt) const;

    // The household figures of the borrower's newest note (by visit date, then the appointment's start, then id)
    // that is submitted or approved and whose latest version states income or expenses. Drafts do not count
    // (nothing was submitted), nor returned notes (a supervisor sent them back for correction; the addendum that
    // answers it counts again). For drafting a repayment plan (app/plans/plan_service.h).
    std::optional<StatedHousehold> latestStatedHousehold(std::int64_t borrowerRowId) const;

    // The borrower's payments on all their loans dated on or after `since`, oldest first (for promise tracking).
    std::vector<Payment> borrowerPayments(std::int64_t borrowerRowId, Date since) const;

    // Attachments: metadata and the bytes.
    std::int64_t addAttachment(std::int64_t noteId, const std::string& fileName, std::string_view bytes,
                               const std::string& by, const std::string& at);
    std::vector<AttachmentRow> attachments(std::int64_t noteId) const;
    std::optional<AttachmentRow> attachment(std::int64_t attachmentId) const;
    std::optional<std::string> attachmentData(std::int64_t attachmentId) const;
    void removeAttachment(std::int64_t attachmentId);
    // Binds the note's pending attachments (version 0) to `version`.
    void bindAttachments(std::int64_t noteId, int version);

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
