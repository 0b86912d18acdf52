#include "app/visits/visit_note_service.h"

#include "app/appointments/appointment_settings.h"
#include "app/shared/use_case.h"
#include "domain/contacts/contact_facts.h"
#include "domain/shared/masking.h"
#include "storage/database/settings_repository.h"
#include "storage/plans/plan_repository.h"
#include "storage/users/user_repository.h"

#include <algorithm>
#include <charconv>

namespace doorstep::app {
namespace {

constexpr std::string_view kAttachmentLimitKey = "visits.attachment_max_bytes";
constexpr std::size_t kFileNameMaxBytes = 200;

Result<void> notFound()
{
    return fail(ErrorCode::NotFound, MessageId{"visit_note.not_found"});
}

// The file's own name, without the folders of the path it came from.
std::string baseName(const std::string& path)
{
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Returned first, then drafts, then submitted, then approved.
int listRank(NoteState state)
{
    switch (state) {
    case NoteState::Returned: return 0;
    case NoteState::Draft: return 1;
    case NoteState::Submitted: return 2;
    case NoteState::Approved: return 3;
    }
    return 3;
}

}  // namespace

Result<void> validateVisitSettings(const VisitSettings& settings)
{
    if (settings.attachmentMaxBytes < kAttachmentLimitMin || settings.attachmentMaxBytes > kAttachmentLimitMax)
        return fail(ErrorCode::InvalidInput, MessageId{"visit_note.attachment_limit_range"},
                    {MessageArg::number("min", kAttachmentLimitMin), MessageArg::number("max", kAttachmentLimitMax)});
    return {};
}

VisitSettings loadVisitSettings(const storage::Connection& connection)
{
    VisitSettings settings;
    const auto text = storage::SettingsRepository(connection).get(kAttachmentLimitKey);
    if (!text) return settings;
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    const VisitSettings stored{value};
    if (ec == std::errc() && ptr == text->data() + text->size() && validateVisitSettings(stored)) return stored;
    return settings;
}

Result<void> saveVisitSettings(Session& session, const VisitSettings& settings)
{
    return runUseCase(session, Permission::ChangeSettings, [&](UseCase& uc) -> Result<void> {
        if (auto ok = validateVisitSettings(settings); !ok) return ok;
        storage::SettingsRepository(uc.db()).set(kAttachmentLimitKey, std::to_string(settings.attachmentMaxBytes));
        uc.audit("settings.visits", "settings", "visits");
        uc.changed({Change::What::Settings});
        return {};
    });
}

bool VisitNoteService::canSee(const storage::Connection& db, const VisitNote& note) const
{
    if (m_session.can(Permission::ViewAllCases)) return true;
    const std::string& me = m_session.user().username;
    if (note.author == me) return true;
    const auto appointment = storage::AppointmentRepository(db).find(note.appointmentId);
    return appointment && appointment->appointment.hasStaff(me);
}

Result<VisitNote> VisitNoteService::visibleNote(const storage::Connection& db, std::int64_t noteId) const
{
    auto note = storage::VisitNoteRepository(db).find(noteId);
    if (!note || !canSee(db, *note)) return std::unexpected(notFound().error());
    return *note;
}

std::vector<NoteMove> VisitNoteService::allowedMoves(const VisitNote& note) const
{
    return allowedNoteMoves(note.state, noteActor(note, m_session.user().username, m_session.user().role));
}

Result<std::vector<storage::AppointmentRow>> VisitNoteService::visitsWithoutNote(int days) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    const Date since = addDays(localNow(m_session).date, -std::max(days, 0));
    storage::AppointmentRepository appointments(db);
    std::vector<storage::AppointmentRow> rows;
    for (std::int64_t id : storage::VisitNoteRepository(db).appointmentsWithoutNote(m_session.user().username, since)) {
        if (auto row = appointments.find(id)) rows.push_back(std::move(*row));
    }
    return rows;
}

Result<std::int64_t> VisitNoteService::open(std::int64_t appointmentId)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<std::int64_t> {
        const auto appointment = storage::AppointmentRepository(uc.db()).find(appointmentId);
        const std::string& me = m_session.user().username;
        if (!appointment || (!appointment->appointment.hasStaff(me) && !m_session.can(Permission::ViewAllCases)))
            return fail(ErrorCode::NotFound, MessageId{"visit_note.appointment_not_found"});
        if (!appointment->appointment.hasStaff(me))
            return fail(ErrorCode::PermissionDenied, MessageId{"visit_note.not_visiting_staff"});
        storage::VisitNoteRepository repo(uc.db());
        if (repo.noteForAppointment(appointmentId)) return fail(ErrorCode::Conflict, MessageId{"visit_note.exists"});
        auto note = newVisitNote(appointment->appointment, appointment->borrowerRowId, me, m_session.now());
        if (!note) return std::unexpected(note.error());
        note->appointmentId = appointmentId;
        const std::int64_t id = repo.add(*note);
        uc.audit("visit_note.open", "visit_note", std::to_string(id));
        uc.changed({Change::What::Visits});
        uc.changed({Change::What::Case, appointment->borrowerRowId});
        return id;
    });
}

Result<std::optional<std::int64_t>> VisitNoteService::noteForAppointment(std::int64_t appointmentId) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    const auto id = storage::VisitNoteRepository(db).noteForAppointment(appointmentId);
    if (!id) return std::optional<std::int64_t>{};
    if (!visibleNote(db, *id)) return std::optional<std::int64_t>{};
    return id;
}

Result<void> VisitNoteService::saveDraft(std::int64_t noteId, const VisitNoteDraft& draft)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<void> {
        auto note = visibleNote(uc.db(), noteId);
        if (!note) return std::unexpected(note.error());
        const Actor actor = noteActor(*note, m_session.user().username, m_session.user().role);
        auto edited = editNoteDraft(*note, actor, draft, m_session.now());
        if (!edited) return std::unexpected(edited.error());
        storage::VisitNoteRepository(uc.db()).saveDraft(noteId, *edited->draft, edited->updatedAt);
        return {};
    });
}

Result<void> VisitNoteService::submit(std::int64_t noteId, const VisitNoteDraft& draft)
{
    // Kept as the draft first, in its own transaction: a refused submission loses nothing typed.
    if (auto saved = saveDraft(noteId, draft); !saved) return saved;
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<void> {
        auto note = visibleNote(uc.db(), noteId);
        if (!note) return std::unexpected(note.error());
        const Actor actor = noteActor(*note, m_session.user().username, m_session.user().role);
        auto next = submitNote(*note, actor, draft, m_session.user().username, m_session.now());
        if (!next) return std::unexpected(next.error());
        storage::VisitNoteRepository repo(uc.db());
        repo.save(*note, *next);
        repo.bindAttachments(noteId, next->versions.back().number);
        uc.audit("visit_note.submit", "visit_note", std::to_string(noteId));
        uc.changed({Change::What::Visits});
        uc.changed({Change::What::Case, note->borrowerRowId});
        return {};
    });
}

Result<void> VisitNoteService::addAddendum(std::int64_t noteId, const VisitNoteDraft& draft)
{
    if (auto saved = saveDraft(noteId, draft); !saved) return saved;
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<void> {
        auto note = visibleNote(uc.db(), noteId);
        if (!note) return std::unexpected(note.error());
        const Actor actor = noteActor(*note, m_session.user().username, m_session.user().role);
        auto next = addNoteAddendum(*note, actor, draft, m_session.user().username, m_session.now());
        if (!next) return std::unexpected(next.error());
        storage::VisitNoteRepository repo(uc.db());
        repo.save(*note, *next);
        repo.bindAttachments(noteId, next->versions.back().number);
        uc.audit("visit_note.addendum", "visit_note", std::to_string(noteId));
        uc.changed({Change::What::Visits});
        uc.changed({Change::What::Case, note->borrowerRowId});
        return {};
    });
}

Result<void> VisitNoteService::approve(std::int64_t noteId, const std::string& comment)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<void> {
        auto note = visibleNote(uc.db(), noteId);
        if (!note) return std::unexpected(note.error());
        const Actor actor = noteActor(*note, m_session.user().username, m_session.user().role);
        auto next = approveNote(*note, actor, comment, m_session.user().username, m_session.now());
        if (!next) return std::unexpected(next.error());
        storage::VisitNoteRepository(uc.db()).save(*note, *next);
        uc.audit("visit_note.approve", "visit_note", std::to_string(noteId));
        uc.changed({Change::What::Visits});
        uc.changed({Change::What::Case, note->borrowerRowId});
        return {};
    });
}

Result<void> VisitNoteService::returnForCorrection(std::int64_t noteId, const std::string& comment)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<void> {
        auto note = visibleNote(uc.db(), noteId);
        if (!note) return std::unexpected(note.error());
        const Actor actor = noteActor(*note, m_session.user().username, m_session.user().role);
        auto next = returnNote(*note, actor, comment, m_session.user().username, m_session.now());
        if (!next) return std::unexpected(next.error());
        storage::VisitNoteRepository(uc.db()).save(*note, *next);
        uc.audit("visit_note.return", "visit_note", std::to_string(noteId));
        uc.changed({Change::What::Visits});
        uc.changed({Change::What::Case, note->borrowerRowId});
        return {};
    });
}

Result<std::vector<VisitNoteItem>> VisitNoteService::listMine() const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    storage::VisitNoteQuery query;
    query.author = m_session.user().username;
    auto rows = storage::VisitNoteRepository(m_session.database().connection()).list(query);
    std::ranges::stable_sort(rows, [](const VisitNoteItem& a, const VisitNoteItem& b) {
        if (listRank(a.state) != listRank(b.state)) return listRank(a.state) < listRank(b.state);
        if (a.state == NoteState::Approved) return b.visitDate < a.visitDate;  // the latest approvals first
        return false;                                                          // the list's visit-date order
    });
    return rows;
}

Result<std::vector<VisitNoteItem>> VisitNoteService::reviewQueue() const
{
    if (auto r = m_session.require(Permission::ReviewWork); !r) return std::unexpected(r.error());
    storage::VisitNoteQuery query;
    query.state = NoteState::Submitted;
    auto rows = storage::VisitNoteRepository(m_session.database().connection()).list(query);
    std::ranges::stable_sort(rows, [](const VisitNoteItem& a, const VisitNoteItem& b) {
        if (a.lastVersionAt != b.lastVersionAt) return a.lastVersionAt < b.lastVersionAt;
        return a.id < b.id;
    });
    return rows;
}

Result<std::vector<VisitNoteItem>> VisitNoteService::notes(Date from, Date to) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    storage::VisitNoteQuery query;
    query.from = from;
    query.to = to;
    if (!m_session.can(Permission::ViewAllCases)) query.visitor = m_session.user().username;
    return storage::VisitNoteRepository(m_session.database().connection()).list(query);
}

Result<VisitNoteDetail> VisitNoteService::note(std::int64_t noteId) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    auto note = visibleNote(db, noteId);
    if (!note) return std::unexpected(note.error());
    VisitNoteDetail detail;
    storage::AppointmentRepository appointments(db);
    if (auto a = appointments.find(note->appointmentId)) detail.appointment = std::move(*a);
    if (auto info = appointments.caseInfo(note->borrowerRowId)) {
        detail.borrowerBankId = info->bankId;
        detail.borrowerName = info->name;
    }
    storage::VisitNoteRepository repo(db);
    detail.attachments = repo.attachments(noteId);
    detail.allowedMoves = allowedMoves(*note);
    if (!note->versions.empty() && !note->versions.back().content.promises.empty()) {
        const Date today = localNow(m_session).date;
        const auto payments = repo.borrowerPayments(note->borrowerRowId, note->visitDate);
        const int grace = ContactFactWindows{}.promiseGraceDays;
        for (const PaymentPromise& p : note->versions.back().content.promises) {
            detail.promises.push_back(
                NotePromiseStatus{p, trackPromise(Promise{note->visitDate, p.amount, p.due}, payments, today, grace)});
        }
    }
    detail.note = std::move(*note);
    return detail;
}

Result<std::int64_t> VisitNoteService::addAttachment(std::int64_t noteId, const std::string& fileName,
                                                     std::string_view bytes)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<std::int64_t> {
        auto note = visibleNote(uc.db(), noteId);
        if (!note) return std::unexpected(note.error());
        const Actor actor = noteActor(*note, m_session.user().username, m_session.user().role);
        if (!canMoveNote(note->state, NoteMove::EditDraft, actor)) {
            if (!actor.owns) return fail(ErrorCode::PermissionDenied, MessageId{"visit_note.not_visiting_staff"});
            return fail(ErrorCode::Conflict, MessageId{"visit_note.attachments_closed"});
        }
        const std::string name = baseName(fileName);
        if (name.empty() || name.size() > kFileNameMaxBytes)
            return fail(ErrorCode::InvalidInput, MessageId{"visit_note.attachment_name"});
        if (bytes.empty()) return fail(ErrorCode::InvalidInput, MessageId{"visit_note.attachment_empty"});
        const std::int64_t limit = loadVisitSettings(uc.db()).attachmentMaxBytes;
        if (static_cast<std::int64_t>(bytes.size()) > limit)
            return fail(ErrorCode::InvalidInput, MessageId{"visit_note.attachment_too_large"},
                        {MessageArg::number("size", static_cast<std::int64_t>(bytes.size())),
                         MessageArg::number("max", limit)});
        const std::int64_t id = storage::VisitNoteRepository(uc.db()).addAttachment(
            noteId, name, bytes, m_session.user().username, m_session.now());
        uc.audit("visit_note.attachment_add", "visit_note", std::to_string(noteId));
        uc.changed({Change::What::Visits});
        return id;
    });
}

Result<void> VisitNoteService::removeAttachment(std::int64_t attachmentId)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<void> {
        storage::VisitNoteRepository repo(uc.db());
        const auto attachment = repo.attachment(attachmentId);
        if (!attachment) return fail(ErrorCode::NotFound, MessageId{"visit_note.attachment_not_found"});
        auto note = visibleNote(uc.db(), attachment->noteId);
        if (!note) return fail(ErrorCode::NotFound, MessageId{"visit_note.attachment_not_found"});
        const Actor actor = noteActor(*note, m_session.user().username, m_session.user().role);
        if (!actor.owns) return fail(ErrorCode::PermissionDenied, MessageId{"visit_note.not_visiting_staff"});
        if (attachment->version != 0) return fail(ErrorCode::Conflict, MessageId{"visit_note.attachment_submitted"});
        repo.removeAttachment(attachmentId);
        uc.audit("visit_note.attachment_remove", "visit_note", std::to_string(attachment->noteId));
        uc.changed({Change::What::Visits});
        return {};
    });
}

Result<std::vector<AttachmentRow>> VisitNoteService::attachments(std::int64_t noteId) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    if (auto note = visibleNote(db, noteId); !note) return std::unexpected(note.error());
    return storage::VisitNoteRepository(db).attachments(noteId);
}

Result<std::string> VisitNoteService::attachmentData(std::int64_t attachmentId) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    storage::VisitNoteRepository repo(db);
    const auto attachment = repo.attachment(attachmentId);
    if (!attachment || !visibleNote(db, attachment->noteId))
        return fail(ErrorCode::NotFound, MessageId{"visit_note.attachment_not_found"});
    auto data = repo.attachmentData(attachmentId);
    if (!data) return fail(ErrorCode::NotFound, MessageId{"visit_note.attachment_not_found"});
    return std::move(*data);
}

Result<VisitReportFacts> VisitNoteService::factsFor(std::int64_t noteId) const
{
    auto detail = note(noteId);
    if (!detail) return std::unexpected(detail.error());
    const auto& db = m_session.database().connection();
    VisitReportFacts f;
    if (const auto who = storage::PlanRepository(db).identity(detail->note.borrowerRowId))
        f.maskedIdNumber = maskIdNumber(who->second);
    if (const auto info = storage::AppointmentRepository(db).caseInfo(detail->note.borrowerRowId))
        f.district = info->district;
    if (!m_session.can(Permission::ViewAllCases)) {
        const auto maskName = [](std::string& name) {
            if (!name.empty()) name = maskMiddle(name, 1, 0, 1);
        };
        const auto maskContent = [&](VisitNoteContent& c) {
            maskName(c.metName);
            if (!c.placeNote.empty()) c.placeNote = "***";
        };
        maskName(detail->borrowerName);
        for (auto& v : detail->note.versions)
            maskContent(v.content);
        if (detail->note.draft) maskContent(detail->note.draft->content);
    }
    f.detail = std::move(*detail);
    f.printedBy = m_session.user().username;
    f.printedAt = m_session.now();
    for (const User& u : storage::UserRepository(m_session.database().connection()).list())
        f.staffNames[u.username] = u.displayName;
    return f;
}

Result<VisitReportFacts> VisitNoteService::reportFacts(std::int64_t noteId)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<VisitReportFacts> {
        auto facts = factsFor(noteId);
        if (!facts) return facts;
        // Who printed which note: its id, nothing personal.
        uc.audit("visit_note.print", "visit_note", std::to_string(noteId));
        return facts;
    });
}

Result<std::vector<VisitReportFacts>> VisitNoteService::reportFacts(Date from, Date to)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<std::vector<VisitReportFacts>> {
        storage::VisitNoteQuery query;
        query.from = from;
        query.to = to;
        std::vector<VisitReportFacts> all;
        for (const VisitNoteItem& item : storage::VisitNoteRepository(uc.db()).list(query)) {
            if (item.state == NoteState::Draft) continue;
            auto facts = factsFor(item.id);
            if (!facts) return std::unexpected(facts.error());
            all.push_back(std::move(*facts));
        }
        if (!all.empty()) uc.audit("visit_note.print_range", "visit_notes", std::to_string(all.size()));
        return all;
    });
}

}  // namespace doorstep::app
