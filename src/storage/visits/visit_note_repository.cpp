#include "storage/visits/visit_note_repository.h"

#include <string_view>

namespace doorstep::storage {
namespace {

// The content's columns, in the order bindContent writes them and readContent reads them; the same in
// visit_note_drafts and visit_note_versions.
constexpr std::string_view kContentColumns =
    "customer_home, met_relation, met_name, place, place_note, visitors, arrived_minute, left_minute, id_shown, "
    "consent_asked, consent_given, purpose_told, hardship, hardship_other, income_fen, expenses_fen, ability, "
    "willingness, attitude, requests, next_steps, propose_plan, free_text, addendum_text";
constexpr int kContentCount = 24;

template <typename E, std::size_t N> E decode(const CodeTable<E, N>& table, const std::string& text, const char* what)
{
    const auto value = codeLookup(table, text);
    if (!value) throw DatabaseError(0, std::string("a visit note has an unknown ") + what);
    return *value;
}

Date dateOf(const std::string& text)
{
    const auto d = parseIsoDate(text);
    if (!d) throw DatabaseError(0, "a visit note has a date that cannot be read");
    return *d;
}

std::string placeholders(int count)
{
    std::string s;
    for (int i = 0; i < count; ++i)
        s += i == 0 ? "?" : ", ?";
    return s;
}

std::string joined(const std::vector<std::string>& parts)
{
    std::string s;
    for (const auto& p : parts) {
        if (!s.empty()) s += '\n';
        s += p;
    }
    return s;
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    if (text.empty()) return parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return parts;
}

void bindOptional(Statement& s, int index, const std::optional<std::int64_t>& value)
{
    if (value)
        s.bind(index, *value);
    else
        s.bind(index, std::nullopt);
}

// Binds the content at `index` onwards (kContentCount parameters); returns the next index.
int bindContent(Statement& s, int i, const VisitNoteContent& c, const std::string& addendumText)
{
    s.bindBool(i++, c.customerHome);
    s.bind(i++, codeOf(kMetRelationCodes, c.metRelation));
    s.bind(i++, c.metName);
    s.bind(i++, codeOf(kPlaceKindCodes, c.place));
    s.bind(i++, c.placeNote);
    s.bind(i++, joined(c.visitors));
    bindOptional(s, i++, c.arrived ? std::optional<std::int64_t>{c.arrived->minutes} : std::nullopt);
    bindOptional(s, i++, c.left ? std::optional<std::int64_t>{c.left->minutes} : std::nullopt);
    s.bindBool(i++, c.protocol.identificationShown);
    s.bindBool(i++, c.protocol.consentToEnterAsked);
    s.bindBool(i++, c.protocol.consentToEnterGiven);
    s.bindBool(i++, c.protocol.purposeTold);
    std::string hardship;
    for (HardshipReason r : c.hardship) {
        if (!hardship.empty()) hardship += ',';
        hardship += codeOf(kHardshipReasonCodes, r);
    }
    s.bind(i++, hardship);
    s.bind(i++, c.hardshipOther);
    bindOptional(s, i++, c.monthlyIncome ? std::optional<std::int64_t>{c.monthlyIncome->fen} : std::nullopt);
    bindOptional(s, i++, c.monthlyExpenses ? std::optional<std::int64_t>{c.monthlyExpenses->fen} : std::nullopt);
    s.bind(i++, std::int64_t{c.ability});
    s.bind(i++, std::int64_t{c.willingness});
    s.bind(i++, codeOf(kAttitudeCodes, c.attitude));
    s.bind(i++, c.customerRequests);
    s.bind(i++, c.nextSteps);
    s.bindBool(i++, c.proposePlan);
    s.bind(i++, c.freeText);
    s.bind(i++, addendumText);
    return i;
}

// Reads the content from column `i` onwards (without the promises); returns the addendum text.
std::string readContent(const Statement& s, int i, VisitNoteContent& c)
{
    c.customerHome = s.columnInt(i++) != 0;
    c.metRelation = decode(kMetRelationCodes, s.columnText(i++), "relation");
    c.metName = s.columnText(i++);
    c.place = decode(kPlaceKindCodes, s.columnText(i++), "place");
    c.placeNote = s.columnText(i++);
    c.visitors = split(s.columnText(i++), '\n');
    if (!s.columnIsNull(i)) c.arrived = ClockTime{static_cast<int>(s.columnInt(i))};
    ++i;
    if (!s.columnIsNull(i)) c.left = ClockTime{static_cast<int>(s.columnInt(i))};
    ++i;
    c.protocol.identificationShown = s.columnInt(i++) != 0;
    c.protocol.consentToEnterAsked = s.columnInt(i++) != 0;
    c.protocol.consentToEnterGiven = s.columnInt(i++) != 0;
    c.protocol.purposeTold = s.columnInt(i++) != 0;
    for (const std::string& code : split(s.columnText(i++), ','))
        c.hardship.push_back(decode(kHardshipReasonCodes, code, "hardship reason"));
    c.hardshipOther = s.columnText(i++);
    if (!s.columnIsNull(i)) c.monthlyIncome = Money{s.columnInt(i)};
    ++i;
    if (!s.columnIsNull(i)) c.monthlyExpenses = Money{s.columnInt(i)};
    ++i;
    c.ability = static_cast<int>(s.columnInt(i++));
    c.willingness = static_cast<int>(s.columnInt(i++));
    c.attitude = decode(kAttitudeCodes, s.columnText(i++), "attitude");
    c.customerRequests = s.columnText(i++);
    c.nextSteps = s.columnText(i++);
    c.proposePlan = s.columnInt(i++) != 0;
    c.freeText = s.columnText(i++);
    return s.columnText(i);
}

std::vector<PaymentPromise> readPromises(const Connection& db, std::int64_t noteId, int version)
{
    auto s = db.prepare("SELECT amount_fen, due_date FROM visit_note_promises WHERE note_id = ? AND version = ? "
                        "ORDER BY seq");
    s.bind(1, noteId).bind(2, std::int64_t{version});
    std::vector<PaymentPromise> out;
    while (s.step())
        out.push_back(PaymentPromise{Money{s.columnInt(0)}, dateOf(s.columnText(1))});
    return out;
}

void writePromises(const Connection& db, std::int64_t noteId, int version, const std::vector<PaymentPromise>& promises)
{
    auto s = db.prepare("INSERT INTO visit_note_promises (note_id, version, seq, amount_fen, due_date) "
                        "VALUES (?, ?, ?, ?, ?)");
    int seq = 0;
    for (const PaymentPromise& p : promises) {
        s.reset();
        s.bind(1, noteId).bind(2, std::int64_t{version}).bind(3, std::int64_t{++seq}).bind(4, p.amount.fen);
        s.bind(5, formatIsoDate(p.due));
        s.run();
    }
}

void writeDraft(const Connection& db, std::int64_t noteId, const VisitNoteDraft& draft, const std::string& at)
{
    auto s = db.prepare("INSERT OR REPLACE INTO visit_note_drafts (note_id, " + std::string(kContentColumns) +
                        ", saved_at) VALUES (?, " + placeholders(kContentCount) + ", ?)");
    s.bind(1, noteId);
    const int next = bindContent(s, 2, draft.content, draft.addendumText);
    s.bind(next, at);
    s.run();
    auto clear = db.prepare("DELETE FROM visit_note_promises WHERE note_id = ? AND version = 0");
    clear.bind(1, noteId);
    clear.run();
    writePromises(db, noteId, 0, draft.content.promises);
}

void removeDraft(const Connection& db, std::int64_t noteId)
{
    auto s = db.prepare("DELETE FROM visit_note_drafts WHERE note_id = ?");
    s.bind(1, noteId);
    s.run();
    auto p = db.prepare("DELETE FROM visit_note_promises WHERE note_id = ? AND version = 0");
    p.bind(1, noteId);
    p.run();
}

void insertVersion(const Connection& db, std::int64_t noteId, const VisitNoteVersion& v)
{
    auto s = db.prepare("INSERT INTO visit_note_versions (note_id, version, kind, by_user, at, " +
                        std::string(kContentColumns) + ") VALUES (?, ?, ?, ?, ?, " + placeholders(kContentCount) + ")");
    s.bind(1, noteId).bind(2, std::int64_t{v.number}).bind(3, codeOf(kVersionKindCodes, v.kind));
    s.bind(4, v.by).bind(5, v.at);
    bindContent(s, 6, v.content, v.addendumText);
    s.run();
    writePromises(db, noteId, v.number, v.content.promises);
}

void insertReview(const Connection& db, std::int64_t noteId, const VisitNoteReview& r)
{
    auto s = db.prepare("INSERT INTO visit_note_reviews (note_id, version, decision, by_user, at, comment) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, noteId).bind(2, std::int64_t{r.version}).bind(3, codeOf(kReviewDecisionCodes, r.decision));
    s.bind(4, r.by).bind(5, r.at).bind(6, r.comment);
    s.run();
}

AttachmentRow readAttachment(const Statement& s)
{
    AttachmentRow a;
    a.id = s.columnInt(0);
    a.noteId = s.columnInt(1);
    a.version = static_cast<int>(s.columnInt(2));
    a.fileName = s.columnText(3);
    a.sizeBytes = s.columnInt(4);
    a.addedBy = s.columnText(5);
    a.addedAt = s.columnText(6);
    return a;
}

constexpr std::string_view kAttachmentColumns = "id, note_id, version, file_name, size_bytes, added_by, added_at";

}  // namespace

std::int64_t VisitNoteRepository::add(const VisitNote& note)
{
    auto s = m_db.prepare("INSERT INTO visit_notes (appointment_id, borrower_id, visit_date, author, state, "
                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, note.appointmentId).bind(2, note.borrowerRowId).bind(3, formatIsoDate(note.visitDate));
    s.bind(4, note.author).bind(5, codeOf(kNoteStateCodes, note.state)).bind(6, note.createdAt);
    s.bind(7, note.updatedAt);
    s.run();
    const std::int64_t id = m_db.lastInsertId();
    if (note.draft) writeDraft(m_db, id, *note.draft, note.updatedAt);
    for (const VisitNoteVersion& v : note.versions)
        insertVersion(m_db, id, v);
    for (const VisitNoteReview& r : note.reviews)
        insertReview(m_db, id, r);
    return id;
}

std::optional<VisitNote> VisitNoteRepository::find(std::int64_t id) const
{
    auto s = m_db.prepare("SELECT id, appointment_id, borrower_id, visit_date, author, state, created_at, updated_at "
                          "FROM visit_notes WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    VisitNote note;
    note.id = s.columnInt(0);
    note.appointmentId = s.columnInt(1);
    note.borrowerRowId = s.columnInt(2);
    note.visitDate = dateOf(s.columnText(3));
    note.author = s.columnText(4);
    note.state = decode(kNoteStateCodes, s.columnText(5), "state");
    note.createdAt = s.columnText(6);
    note.updatedAt = s.columnText(7);

    auto d = m_db.prepare("SELECT " + std::string(kContentColumns) + " FROM visit_note_drafts WHERE note_id = ?");
    d.bind(1, id);
    if (d.step()) {
        VisitNoteDraft draft;
        draft.addendumText = readContent(d, 0, draft.content);
        draft.content.promises = readPromises(m_db, id, 0);
        note.draft = std::move(draft);
    }
    auto v = m_db.prepare("SELECT version, kind, by_user, at, " + std::string(kContentColumns) +
                          " FROM visit_note_versions WHERE note_id = ? ORDER BY version");
    v.bind(1, id);
    while (v.step()) {
        VisitNoteVersion version;
        version.number = static_cast<int>(v.columnInt(0));
        version.kind = decode(kVersionKindCodes, v.columnText(1), "version kind");
        version.by = v.columnText(2);
        version.at = v.columnText(3);
        version.addendumText = readContent(v, 4, version.content);
        version.content.promises = readPromises(m_db, id, version.number);
        note.versions.push_back(std::move(version));
    }
    auto r = m_db.prepare("SELECT version, decision, by_user, at, comment FROM visit_note_reviews WHERE note_id = ? "
                          "ORDER BY id");
    r.bind(1, id);
    while (r.step()) {
        note.reviews.push_back(VisitNoteReview{static_cast<int>(r.columnInt(0)),
                                               decode(kReviewDecisionCodes, r.columnText(1), "decision"),
                                               r.columnText(2), r.columnText(3), r.columnText(4)});
    }
    return note;
}

std::optional<std::int64_t> VisitNoteRepository::noteForAppointment(std::int64_t appointmentId) const
{
    auto s = m_db.prepare("SELECT id FROM visit_notes WHERE appointment_id = ?");
    s.bind(1, appointmentId);
    if (!s.step()) return std::nullopt;
    return s.columnInt(0);
}

std::vector<std::int64_t> VisitNoteRepository::appointmentsWithoutNote(const std::string& staff, Date since) const
{
    auto s = m_db.prepare("SELECT a.id FROM appointments a WHERE a.state IN (?, ?) AND a.visit_date >= ? "
                          "AND (a.staff1 = ? OR a.staff2 = ?) "
                          "AND NOT EXISTS (SELECT 1 FROM visit_notes n WHERE n.appointment_id = a.id) "
                          "ORDER BY a.visit_date DESC, a.start_minute DESC, a.id DESC");
    s.bind(1, codeOf(kAppointmentStateCodes, AppointmentState::Done));
    s.bind(2, codeOf(kAppointmentStateCodes, AppointmentState::NotHome));
    s.bind(3, formatIsoDate(since)).bind(4, staff).bind(5, staff);
    std::vector<std::int64_t> ids;
    while (s.step())
        ids.push_back(s.columnInt(0));
    return ids;
}

void VisitNoteRepository::save(const VisitNote& before, const VisitNote& note)
{
    auto s = m_db.prepare("UPDATE visit_notes SET state = ?, updated_at = ? WHERE id = ?");
    s.bind(1, codeOf(kNoteStateCodes, note.state)).bind(2, note.updatedAt).bind(3, note.id);
    s.run();
    if (note.draft) {
        if (!before.draft || !(*before.draft == *note.draft)) writeDraft(m_db, note.id, *note.draft, note.updatedAt);
    } else if (before.draft) {
        removeDraft(m_db, note.id);
    }
    for (std::size_t i = before.versions.size(); i < note.versions.size(); ++i)
        insertVersion(m_db, note.id, note.versions[i]);
    for (std::size_t i = before.reviews.size(); i < note.reviews.size(); ++i)
        insertReview(m_db, note.id, note.reviews[i]);
}

void VisitNoteRepository::saveDraft(std::int64_t noteId, const VisitNoteDraft& draft, const std::string& at)
{
    writeDraft(m_db, noteId, draft, at);
    auto s = m_db.prepare("UPDATE visit_notes SET updated_at = ? WHERE id = ?");
    s.bind(1, at).bind(2, noteId);
    s.run();
}

std::vector<VisitNoteListRow> VisitNoteRepository::list(const VisitNoteQuery& query) const
{
    std::string sql =
        "SELECT n.id, n.appointment_id, n.borrower_id, n.visit_date, n.author, n.state, n.created_at, n.updated_at, "
        "(SELECT count(*) FROM visit_note_versions v WHERE v.note_id = n.id), "
        "coalesce((SELECT max(v.at) FROM visit_note_versions v WHERE v.note_id = n.id), ''), "
        "coalesce((SELECT r.comment FROM visit_note_reviews r WHERE r.note_id = n.id ORDER BY r.id DESC LIMIT 1), ''), "
        "coalesce((SELECT v.customer_home FROM visit_note_versions v WHERE v.note_id = n.id "
        "ORDER BY v.version DESC LIMIT 1), (SELECT d.customer_home FROM visit_note_drafts d WHERE d.note_id = n.id), "
        "1), "
        "b.bank_id, b.name, b.district "
        "FROM visit_notes n JOIN borrowers b ON b.id = n.borrower_id WHERE 1=1";
    if (!query.author.empty()) sql += " AND n.author = ?";
    if (!query.visitor.empty())
        sql += " AND n.appointment_id IN (SELECT a.id FROM appointments a WHERE a.staff1 = ? OR a.staff2 = ?)";
    if (query.state) sql += " AND n.state = ?";
    if (query.from) sql += " AND n.visit_date >= ?";
    if (query.to) sql += " AND n.visit_date <= ?";
    if (query.borrowerRowId) sql += " AND n.borrower_id = ?";
    sql += " ORDER BY n.visit_date, n.id";
    auto s = m_db.prepare(sql);
    int i = 1;
    if (!query.author.empty()) s.bind(i++, query.author);
    if (!query.visitor.empty()) {
        s.bind(i++, query.visitor);
        s.bind(i++, query.visitor);
    }
    if (query.state) s.bind(i++, codeOf(kNoteStateCodes, *query.state));
    if (query.from) s.bind(i++, formatIsoDate(*query.from));
    if (query.to) s.bind(i++, formatIsoDate(*query.to));
    if (query.borrowerRowId) s.bind(i++, *query.borrowerRowId);
    std::vector<VisitNoteListRow> rows;
    while (s.step()) {
        VisitNoteListRow r;
        r.id = s.columnInt(0);
        r.appointmentId = s.columnInt(1);
        r.borrowerRowId = s.columnInt(2);
        r.visitDate = dateOf(s.columnText(3));
        r.author = s.columnText(4);
        r.state = decode(kNoteStateCodes, s.columnText(5), "state");
        r.createdAt = s.columnText(6);
        r.updatedAt = s.columnText(7);
        r.versions = static_cast<int>(s.columnInt(8));
        r.lastVersionAt = s.columnText(9);
        if (r.state == NoteState::Returned) r.returnComment = s.columnText(10);
        r.customerHome = s.columnInt(11) != 0;
        r.borrowerBankId = s.columnText(12);
        r.borrowerName = s.columnText(13);
        r.district = s.columnText(14);
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<NotePromiseRow> VisitNoteRepository::promises(Date since, std::optional<std::int64_t> borrowerRowId) const
{
    std::string sql = "SELECT n.id, n.borrower_id, n.visit_date, a.start_minute, p.amount_fen, p.due_date "
                      "FROM visit_notes n JOIN appointments a ON a.id = n.appointment_id "
                      "JOIN visit_note_promises p ON p.note_id = n.id "
                      "AND p.version = (SELECT max(v.version) FROM visit_note_versions v WHERE v.note_id = n.id) "
                      "WHERE n.state <> ? AND n.visit_date >= ?";
    if (borrowerRowId) sql += " AND n.borrower_id = ?";
    sql += " ORDER BY n.borrower_id, n.visit_date, a.start_minute, n.id, p.seq";
    auto s = m_db.prepare(sql);
    s.bind(1, codeOf(kNoteStateCodes, NoteState::Draft)).bind(2, formatIsoDate(since));
    if (borrowerRowId) s.bind(3, *borrowerRowId);
    std::vector<NotePromiseRow> rows;
    while (s.step()) {
        NotePromiseRow r;
        r.noteId = s.columnInt(0);
        r.borrowerRowId = s.columnInt(1);
        r.visitDate = dateOf(s.columnText(2));
        r.visitMinute = static_cast<int>(s.columnInt(3));
        r.promise = PaymentPromise{Money{s.columnInt(4)}, dateOf(s.columnText(5))};
        rows.push_back(r);
    }
    return rows;
}

std::optional<StatedHousehold> VisitNoteRepository::latestStatedHousehold(std::int64_t borrowerRowId) const
{
    auto s = m_db.prepare("SELECT n.id, n.visit_date, v.income_fen, v.expenses_fen "
                          "FROM visit_notes n JOIN appointments a ON a.id = n.appointment_id "
                          "JOIN visit_note_versions v ON v.note_id = n.id "
                          "AND v.version = (SELECT max(x.version) FROM visit_note_versions x WHERE x.note_id = n.id) "
                          "WHERE n.borrower_id = ? AND n.state IN (?, ?) "
                          "AND (v.income_fen IS NOT NULL OR v.expenses_fen IS NOT NULL) "
                          "ORDER BY n.visit_date DESC, a.start_minute DESC, n.id DESC LIMIT 1");
    s.bind(1, borrowerRowId);
    s.bind(2, codeOf(kNoteStateCodes, NoteState::Submitted)).bind(3, codeOf(kNoteStateCodes, NoteState::Approved));
    if (!s.step()) return std::nullopt;
    StatedHousehold h;
    h.noteId = s.columnInt(0);
    h.visitDate = dateOf(s.columnText(1));
    if (!s.columnIsNull(2)) h.monthlyIncome = Money{s.columnInt(2)};
    if (!s.columnIsNull(3)) h.monthlyExpenses = Money{s.columnInt(3)};
    return h;
}

std::vector<Payment> VisitNoteRepository::borrowerPayments(std::int64_t borrowerRowId, Date since) const
{
    auto s = m_db.prepare("SELECT p.bank_id, l.bank_id, p.paid_date, p.amount_fen FROM loans l "
                          "JOIN payments p ON p.loan_id = l.id AND p.paid_date >= ? "
                          "WHERE l.borrower_id = ? ORDER BY p.paid_date, p.id");
    s.bind(1, formatIsoDate(since)).bind(2, borrowerRowId);
    std::vector<Payment> out;
    while (s.step())
        out.push_back(Payment{s.columnText(0), s.columnText(1), dateOf(s.columnText(2)), Money{s.columnInt(3)}});
    return out;
}

std::int64_t VisitNoteRepository::addAttachment(std::int64_t noteId, const std::string& fileName,
                                                std::string_view bytes, const std::string& by, const std::string& at)
{
    auto s = m_db.prepare("INSERT INTO visit_note_attachments (note_id, version, file_name, size_bytes, data, "
                          "added_by, added_at) VALUES (?, 0, ?, ?, ?, ?, ?)");
    s.bind(1, noteId).bind(2, fileName).bind(3, static_cast<std::int64_t>(bytes.size()));
    s.bindBlob(4, bytes);
    s.bind(5, by).bind(6, at);
    s.run();
    return m_db.lastInsertId();
}

std::vector<AttachmentRow> VisitNoteRepository::attachments(std::int64_t noteId) const
{
    auto s = m_db.prepare("SELECT " + std::string(kAttachmentColumns) +
                          " FROM visit_note_attachments WHERE note_id = ? ORDER BY id");
    s.bind(1, noteId);
    std::vector<AttachmentRow> rows;
    while (s.step())
        rows.push_back(readAttachment(s));
    return rows;
}

std::optional<AttachmentRow> VisitNoteRepository::attachment(std::int64_t attachmentId) const
{
    auto s = m_db.prepare("SELECT " + std::string(kAttachmentColumns) + " FROM visit_note_attachments WHERE id = ?");
    s.bind(1, attachmentId);
    if (!s.step()) return std::nullopt;
    return readAttachment(s);
}

std::optional<std::string> VisitNoteRepository::attachmentData(std::int64_t attachmentId) const
{
    auto s = m_db.prepare("SELECT data FROM visit_note_attachments WHERE id = ?");
    s.bind(1, attachmentId);
    if (!s.step()) return std::nullopt;
    return std::string(s.columnBlob(0));
}

void VisitNoteRepository::removeAttachment(std::int64_t attachmentId)
{
    auto s = m_db.prepare("DELETE FROM visit_note_attachments WHERE id = ? AND version = 0");
    s.bind(1, attachmentId);
    s.run();
}

void VisitNoteRepository::bindAttachments(std::int64_t noteId, int version)
{
    auto s = m_db.prepare("UPDATE visit_note_attachments SET version = ? WHERE note_id = ? AND version = 0");
    s.bind(1, std::int64_t{version}).bind(2, noteId);
    s.run();
}

}  // namespace doorstep::storage
