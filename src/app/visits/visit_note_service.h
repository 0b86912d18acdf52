#pragma once
// Visit notes and the supervisor's review (issue 11): the use cases over domain/visits/visit_note.h. One of the
// visiting staff opens the note of a done or not-home appointment (one note per appointment) and becomes its
// author; the draft is saved as they type (cheap, not audited per keystroke: the note's creation and each
// submission are) and survives a crash; submitting makes version 1. A supervisor other than the author
// approves it or returns it with a comment; the author answers a return with an addendum, the next version.
// Versions and review decisions are never changed. Officers see the notes they wrote or whose visit they
// made; supervisors see all. Attachments (scans, photos) are kept inside the encrypted database up to the
// branch's size limit. Each use case goes through runUseCase (role, transaction, audit, Change::What::Visits).
//
// A done visit already feeds screening's "visited recently" through the appointment (appointment_service.h);
// the promises to pay of a submitted note are read by screening like the promises of calls
// (storage/screening/screening_repository.cpp, domain/contacts/promise_tracking.h).
#include "app/users/session.h"
#include "domain/contacts/promise_tracking.h"
#include "domain/messages/error.h"
#include "domain/visits/visit_note.h"
#include "storage/appointments/appointment_repository.h"
#include "storage/visits/visit_note_repository.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep::app {

using storage::AttachmentRow;
using VisitNoteItem = storage::VisitNoteListRow;

// The branch's settings for visit notes, with defaults where nothing is stored.
struct VisitSettings {
    std::int64_t attachmentMaxBytes = 5 * 1024 * 1024;  // per file; 64 KiB … 50 MiB
    friend bool operator==(const VisitSettings&, const VisitSettings&) = default;
};
inline constexpr std::int64_t kAttachmentLimitMin = 64 * 1024;
inline constexpr std::int64_t kAttachmentLimitMax = 50 * 1024 * 1024;

// InvalidInput (visit_note.attachment_limit_range) outside the range.
Result<void> validateVisitSettings(const VisitSettings& settings);
// A stored value outside the range is replaced by the default.
VisitSettings loadVisitSettings(const storage::Connection& connection);
// Administrators (the settings form); audited (settings.visits).
Result<void> saveVisitSettings(Session& session, const VisitSettings& settings);

// A promise of the note's latest version and how it stands today.
struct NotePromiseStatus {
    PaymentPromise promise;
    PromiseCheck check;
};

// Everything the note's page shows.
struct VisitNoteDetail {
    VisitNote note;                           // with its draft, every version and every review
    storage::AppointmentRow appointment;      // the visit: date, time, staff, place, its state
    std::vector<AttachmentRow> attachments;   // without their bytes (attachmentData)
    std::vector<NoteMove> allowedMoves;       // what the current user may do, for the buttons
    std::vector<NotePromiseStatus> promises;  // of the latest version, as of today (none before submission)
    // Display only (personal data: for the screen, never for messages or logs).
    std::string borrowerBankId;
    std::string borrowerName;
};

// What the visit report prints (report/visit_report.h), with personal data as the reader's role requires:
// supervisors see the customer's and the person met's names and the place in full; the visiting staff see
// the names after their first character masked and the place hidden. The ID number is always masked.
struct VisitReportFacts {
    VisitNoteDetail detail;  // borrowerName, the contents' metName and placeNote masked as the role requires
    std::string maskedIdNumber;
    std::string district;
    std::string printedBy;
    std::string printedAt;                          // UTC, as Session::now()
    std::map<std::string, std::string> staffNames;  // user name → display name of every user, to print staff by name
};

class VisitNoteService final {
public:
    explicit VisitNoteService(Session& session) : m_session(session) {}

    // Done and not-home appointments the current user visited on that have no note yet, newest first, from
    // the last `days` days: what the Visits page offers to write up.
    Result<std::vector<storage::AppointmentRow>> visitsWithoutNote(int days = 90) const;
    // One of the appointment's visiting staff opens its note: a draft with the staff, place and start time
    // filled in. Refused when the appointment is not done or not home (visit_note.appointment_state) or has a
    // note already (Conflict, visit_note.exists). Audited (visit_note.open). Returns the note's id.
    Result<std::int64_t> open(std::int64_t appointmentId);
    // The note of an appointment, if it has one (visible notes only).
    Result<std::optional<std::int64_t>> noteForAppointment(std::int64_t appointmentId) const;

    // The author saves what they are typing: the draft of a draft note, the addendum of a returned one.
    // Cheap and not audited; notifies nobody (the note's state does not change).
    Result<void> saveDraft(std::int64_t noteId, const VisitNoteDraft& draft);
    // The author submits `draft` as version 1 (it is stored first, so nothing typed is lost to a refusal).
    Result<void> submit(std::int64_t noteId, const VisitNoteDraft& draft);
    // The author answers a return: `draft` (corrected content and the addendum's text) becomes the next version.
    Result<void> addAddendum(std::int64_t noteId, const VisitNoteDraft& draft);
    // A supervisor other than the author.
    Result<void> approve(std::int64_t noteId, const std::string& comment = {});
    Result<void> returnForCorrection(std::int64_t noteId, const std::string& comment);

    // The current user's own notes: returned first, then drafts, then submitted (each oldest visit first),
    // then approved (newest visit first).
    Result<std::vector<VisitNoteItem>> listMine() const;
    // Supervisors: submitted notes, the longest waiting first (by their latest version's time).
    Result<std::vector<VisitNoteItem>> reviewQueue() const;
    // Notes whose visit was from `from` to `to` (both included): an officer's own, a supervisor's all.
    Result<std::vector<VisitNoteItem>> notes(Date from, Date to) const;
    Result<VisitNoteDetail> note(std::int64_t noteId) const;
    // What the current user may do with the note, for the buttons.
    std::vector<NoteMove> allowedMoves(const VisitNote& note) const;

    // The author adds a file to a draft or returned note (it joins the next version); refused above the
    // branch's limit (visit_note.attachment_too_large) or when empty. Audited. Returns the attachment's id.
    Result<std::int64_t> addAttachment(std::int64_t noteId, const std::string& fileName, std::string_view bytes);
    // The author removes a file not yet submitted; a submitted version's files are kept. Audited.
    Result<void> removeAttachment(std::int64_t attachmentId);
    Result<std::vector<AttachmentRow>> attachments(std::int64_t noteId) const;
    Result<std::string> attachmentData(std::int64_t attachmentId) const;

    // For printing one note's report; audited (visit_note.print, the note's id).
    Result<VisitReportFacts> reportFacts(std::int64_t noteId);
    // Supervisors, for the branch file: every note not in draft whose visit was from `from` to `to`, in visit
    // date order; audited once when there is any (visit_note.print_range, the number of notes).
    Result<std::vector<VisitReportFacts>> reportFacts(Date from, Date to);

private:
    Result<VisitNote> visibleNote(const storage::Connection& db, std::int64_t noteId) const;
    bool canSee(const storage::Connection& db, const VisitNote& note) const;
    Result<VisitReportFacts> factsFor(std::int64_t noteId) const;
    Session& m_session;
};

}  // namespace doorstep::app
