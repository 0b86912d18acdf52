#include "storage/screening/screening_repository.h"

#include "domain/appointments/appointment.h"
#include "domain/shared/calendar.h"
#include "storage/database/sql_text.h"
#include "storage/visits/visit_note_repository.h"

#include <algorithm>
#include <array>
#include <limits>
#include <tuple>

namespace doorstep::storage {
namespace {

Date dateOf(const std::string& text)
{
    return parseIsoDate(text).value_or(Date{});
}

// The stored columns, then the two display columns readEntry also reads: joined from borrowers, or empty.
constexpr const char* kStoredQueueColumns =
    "q.borrower_id, q.as_of, q.rule_set_version, q.score, q.hits, q.facts_fingerprint, q.max_dpd, "
    "q.total_overdue_fen, q.district, q.state, q.officer, q.decided_by, q.decided_at, q.dismiss_reason, "
    "q.dismiss_note, q.dismissed_fingerprint";
const std::string kQueueColumns = std::string(kStoredQueueColumns) + ", b.name, b.bank_id";

// visit_queue's columns in bindEntry's order (sql_text.h).
constexpr std::array<std::string_view, 16> kEntryColumns = {"borrower_id",
                                                            "as_of",
                                                            "rule_set_version",
                                                            "score",
                                                            "hits",
                                                            "facts_fingerprint",
                                                            "max_dpd",
                                                            "total_overdue_fen",
                                                            "district",
                                                            "state",
                                                            "officer",
                                                            "decided_by",
                                                            "decided_at",
                                                            "dismiss_reason",
                                                            "dismiss_note",
                                                            "dismissed_fingerprint"};

std::string saveEntrySql()
{
    return upsertSql("visit_queue", kEntryColumns, std::array<std::string_view, 1>{"borrower_id"}, false);
}

// The one place a queue state becomes text and back.
std::string_view stateText(QueueState state)
{
    return codeOf(kQueueStateCodes, state);
}

QueueState stateFrom(const std::string& text)
{
    const auto state = codeLookup(kQueueStateCodes, text);
    if (!state) throw DatabaseError(0, "a visit-queue entry has an unknown state");
    return *state;
}

void bindEntry(Statement& s, const QueueEntryRow& r)
{
    s.bind(1, r.borrowerRowId)
        .bind(2, r.asOf)
        .bind(3, std::int64_t{r.ruleSetVersion})
        .bind(4, std::int64_t{r.score})
        .bind(5, r.hits)
        .bind(6, r.factsFingerprint)
        .bind(7, std::int64_t{r.maxDpd})
        .bind(8, r.totalOverdue.fen)
        .bind(9, r.district)
        .bind(10, stateText(r.state))
        .bind(11, r.officer)
        .bind(12, r.decidedBy)
        .bind(13, r.decidedAt)
        .bind(14, r.dismissReason)
        .bind(15, r.dismissNote)
        .bind(16, r.dismissedFingerprint);
}

QueueEntryRow readEntry(const Statement& s)
{
    QueueEntryRow r;
    r.borrowerRowId = s.columnInt(0);
    r.asOf = s.columnText(1);
    r.ruleSetVersion = static_cast<int>(s.columnInt(2));
    r.score = static_cast<int>(s.columnInt(3));
    r.hits = s.columnText(4);
    r.factsFingerprint = s.columnText(5);
    r.maxDpd = static_cast<int>(s.columnInt(6));
    r.totalOverdue = Money{s.columnInt(7)};
    r.district = s.columnText(8);
    r.state = stateFrom(s.columnText(9));
    r.officer = s.columnText(10);
    r.decidedBy = s.columnText(11);
    r.decidedAt = s.columnText(12);
    r.dismissReason = s.columnText(13);
    r.dismissNote = s.columnText(14);
    r.dismissedFingerprint = s.columnText(15);
    r.borrowerName = s.columnText(16);
    r.borrowerBankId = s.columnText(17);
    return r;
}

// The stored queue entries in borrower order, read a batch at a time: between batches no statement reads the
// queue, so the walk's visitor may write the entries of the borrowers it has been given (SQLite leaves it
// undefined what a statement still reading a table sees of changes made to it meanwhile). Each batch starts
// after the highest borrower read so far, which is at or past every borrower already visited.
class QueueBatches {
public:
    explicit QueueBatches(const Connection& db)
        : m_select(db.prepare(std::string("SELECT ") + kStoredQueueColumns +
                              ", '', '' FROM visit_queue q WHERE q.borrower_id > ? ORDER BY q.borrower_id LIMIT ?"))
    {
        fill();
    }
    // The next entry, or nullptr when none is left.
    const QueueEntryRow* current() const { return m_next < m_batch.size() ? &m_batch[m_next] : nullptr; }
    QueueEntryRow take()
    {
        QueueEntryRow row = std::move(m_batch[m_next++]);
        if (m_next == m_batch.size() && !m_done) fill();
        return row;
    }

private:
    static constexpr std::int64_t kBatch = 1024;
    void fill()
    {
        m_batch.clear();
        m_next = 0;
        m_select.reset();
        m_select.bind(1, m_last).bind(2, kBatch);
        while (m_select.step())
            m_batch.push_back(readEntry(m_select));
        m_select.reset();  // done reading until the next batch
        m_done = static_cast<std::int64_t>(m_batch.size()) < kBatch;
        if (!m_batch.empty()) m_last = m_batch.back().borrowerRowId;
    }
    Statement m_select;
    std::vector<QueueEntryRow> m_batch;
    std::size_t m_next = 0;
    std::int64_t m_last = std::numeric_limits<std::int64_t>::min();
    bool m_done = false;
};

// The contacts come ordered by date and minute; those on the same minute go in id (recording) order. `appended`:
// contacts were added after the ordered ones (a visit note's promises), so everything is sorted.
void sortTiesById(std::vector<ContactAttempt>& contacts, const std::vector<std::int64_t>& ids,
                  std::vector<std::size_t>& order, bool appended)
{
    bool ties = appended;
    for (std::size_t i = 1; i < contacts.size() && !ties; ++i)
        ties = contacts[i].date == contacts[i - 1].date && contacts[i].minuteOfDay == contacts[i - 1].minuteOfDay;
    if (!ties) return;
    order.resize(contacts.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::ranges::sort(order, [&](std::size_t a, std::size_t b) {
        const auto& x = contacts[a];
        const auto& y = contacts[b];
        return std::tie(x.date, x.minuteOfDay, ids[a]) < std::tie(y.date, y.minuteOfDay, ids[b]);
    });
    std::vector<ContactAttempt> sorted;
    sorted.reserve(contacts.size());
    for (std::size_t i : order)
        sorted.push_back(std::move(contacts[i]));
    contacts = std::move(sorted);
}

}  // namespace

std::vector<QueueEntryRow>
ScreeningRepository::forEachBorrower(const std::string& monthAgo, const std::string& paymentsSince,
                                     const std::string& promisesSince,
                                     const std::function<void(const BorrowerScreeningRow&)>& visit) const
{
    // The bucket a loan had a month ago is the from_bucket of its first change since then, else its bucket
    // now. Only the last month's changes are read (by the as_of index), in loan order, first one per loan kept.
    std::vector<std::pair<std::int64_t, std::string>> monthAgoBuckets;
    {
        auto history = m_db.prepare("SELECT loan_id, from_bucket FROM status_history WHERE as_of > ? "
                                    "ORDER BY loan_id, as_of, id");
        history.bind(1, monthAgo);
        while (history.step()) {
            const std::int64_t loan = history.columnInt(0);
            if (monthAgoBuckets.empty() || monthAgoBuckets.back().first != loan)
                monthAgoBuckets.emplace_back(loan, history.columnText(1));
        }
    }
    const auto bucketMonthAgo = [&](std::int64_t loan) -> const std::string* {
        const auto it =
            std::ranges::lower_bound(monthAgoBuckets, loan, {}, &std::pair<std::int64_t, std::string>::first);
        return it != monthAgoBuckets.end() && it->first == loan ? &it->second : nullptr;
    };

    // Cursors in borrower order: one row per loan (with the borrower's columns), contacts, queue entries.
    auto loans = m_db.prepare(
        "SELECT b.id, b.district, coalesce(c.overdue_accounts_elsewhere, 0), coalesce(c.worst_dpd_24m, 0), "
        "coalesce(f.litigation, 0), coalesce(f.dispute, 0), coalesce(f.deceased, 0), coalesce(f.plan_kept, 0), "
        "l.id, l.officer, coalesce(s.dpd, 0), coalesce(s.total_overdue_fen, 0), coalesce(s.bucket, 'M0') "
        "FROM borrowers b JOIN loans l ON l.borrower_id = b.id AND l.left_book_after IS NULL "
        "LEFT JOIN loan_status s ON s.loan_id = l.id "
        "LEFT JOIN credit_records c ON c.borrower_id = b.id LEFT JOIN case_flags f ON f.borrower_id = b.id "
        "ORDER BY b.id, l.id");
    // Ordered as the unique index (borrower, date, minute, …) is, so no sort; ties on the minute are put in
    // id order per borrower below.
    auto contacts = m_db.prepare("SELECT e.borrower_id, coalesce(l.bank_id, ''), e.contact_date, e.minute_of_day, "
                                 "e.channel, e.reached, e.outcome, e.promised_amount_fen, e.promised_date, e.source, "
                                 "e.id FROM contact_events e LEFT JOIN loans l ON l.id = e.loan_id "
                                 "ORDER BY e.borrower_id, e.contact_date, e.minute_of_day");
    auto payments = m_db.prepare("SELECT p.bank_id, l.bank_id, p.paid_date, p.amount_fen FROM loans l "
                                 "JOIN payments p ON p.loan_id = l.id AND p.paid_date >= ? "
                                 "WHERE l.borrower_id = ? ORDER BY p.paid_date, p.id");
    QueueBatches queue(m_db);
    // Borrowers with a confirmed appointment (issue 10), for the open-appointment exclusion.
    std::vector<std::int64_t> confirmed;
    {
        auto appointments =
            m_db.prepare("SELECT DISTINCT borrower_id FROM appointments WHERE state = ? ORDER BY borrower_id");
        appointments.bind(1, codeOf(kAppointmentStateCodes, AppointmentState::Confirmed));
        while (appointments.step())
            confirmed.push_back(appointments.columnInt(0));
    }
    const Date promisesFrom = dateOf(promisesSince);
    // Promises to pay made at visits (issue 11), from submitted notes, in borrower order: they count as the
    // promises of calls do. Sorted after the contact_events rows of the same minute.
    const std::vector<NotePromiseRow> visitPromises = VisitNoteRepository(m_db).promises(promisesFrom);
    constexpr std::int64_t kVisitPromiseIds = std::numeric_limits<std::int64_t>::max() / 2;
    std::size_t nextVisitPromise = 0;

    std::vector<QueueEntryRow> notVisited;
    bool moreLoans = loans.step();
    bool moreContacts = contacts.step();
    BorrowerScreeningRow row;
    std::vector<std::int64_t> contactIds;
    std::vector<std::size_t> order;
    while (moreLoans) {
        row.borrowerRowId = loans.columnInt(0);
        row.district = loans.columnText(1);
        row.overdueElsewhere = static_cast<int>(loans.columnInt(2));
        row.worstDpd24Months = static_cast<int>(loans.columnInt(3));
        row.litigation = loans.columnInt(4) != 0;
        row.dispute = loans.columnInt(5) != 0;
        row.deceased = loans.columnInt(6) != 0;
        row.planKept = loans.columnInt(7) != 0;
        row.openAppointment = std::ranges::binary_search(confirmed, row.borrowerRowId);
        // Over the loans in id order: the worst DPD (its first loan's officer), the overdue total, the worst
        // bucket now and a month ago (bucket names compare as text, as SQL's max() did).
        row.maxDpd = 0;
        row.totalOverdue = Money{};
        row.worstBucket.clear();
        row.previousWorstBucket.clear();
        bool first = true;
        do {
            const auto dpd = loans.columnInt(10);
            if (first || dpd > row.maxDpd) {
                row.maxDpd = static_cast<int>(dpd);
                row.officer = loans.columnText(9);
            }
            row.totalOverdue += Money{loans.columnInt(11)};
            std::string bucket = loans.columnText(12);
            const std::string* before = bucketMonthAgo(loans.columnInt(8));
            if (first || (before ? *before : bucket) > row.previousWorstBucket)
                row.previousWorstBucket = before ? *before : bucket;
            if (first || bucket > row.worstBucket) row.worstBucket = std::move(bucket);
            first = false;
            moreLoans = loans.step();
        } while (moreLoans && loans.columnInt(0) == row.borrowerRowId);

        row.contacts.clear();
        contactIds.clear();
        bool promised = false;
        while (moreContacts && contacts.columnInt(0) < row.borrowerRowId)
            moreContacts = contacts.step();
        while (moreContacts && contacts.columnInt(0) == row.borrowerRowId) {
            ContactAttempt a;
            a.loanId = contacts.columnText(1);
            a.date = dateOf(contacts.columnText(2));
            a.minuteOfDay = static_cast<int>(contacts.columnInt(3));
            a.channel = parseContactChannel(contacts.columnText(4)).value_or(ContactChannel::Other);
            a.reached = parseContactParty(contacts.columnText(5)).value_or(ContactParty::None);
            a.outcome = parseContactOutcome(contacts.columnText(6)).value_or(ContactOutcome::NoAnswer);
            a.promisedAmount = Money{contacts.columnInt(7)};
            if (auto d = contacts.columnText(8); !d.empty()) a.promisedDate = dateOf(d);
            a.source = contacts.columnText(9);
            if (a.outcome == ContactOutcome::PromiseToPay && !(a.date < promisesFrom)) promised = true;
            contactIds.push_back(contacts.columnInt(10));
            row.contacts.push_back(std::move(a));
            moreContacts = contacts.step();
        }
        bool appended = false;
        while (nextVisitPromise < visitPromises.size() &&
               visitPromises[nextVisitPromise].borrowerRowId < row.borrowerRowId)
            ++nextVisitPromise;
        for (; nextVisitPromise < visitPromises.size() &&
               visitPromises[nextVisitPromise].borrowerRowId == row.borrowerRowId;
             ++nextVisitPromise) {
            const NotePromiseRow& p = visitPromises[nextVisitPromise];
            ContactAttempt a;
            a.date = p.visitDate;
            a.minuteOfDay = p.visitMinute;
            a.channel = ContactChannel::Visit;
            a.reached = ContactParty::Borrower;
            a.outcome = ContactOutcome::PromiseToPay;
            a.promisedAmount = p.promise.amount;
            a.promisedDate = p.promise.due;
            a.source = "doorstep";
            promised = true;
            appended = true;
            contactIds.push_back(kVisitPromiseIds + static_cast<std::int64_t>(nextVisitPromise));
            row.contacts.push_back(std::move(a));
        }
        sortTiesById(row.contacts, contactIds, order, appended);

        row.payments.clear();
        if (promised) {
            payments.reset();
            payments.bind(1, paymentsSince).bind(2, row.borrowerRowId);
            while (payments.step())
                row.payments.push_back(Payment{payments.columnText(0), payments.columnText(1),
                                               dateOf(payments.columnText(2)), Money{payments.columnInt(3)}});
        }

        row.queueEntry.reset();
        while (queue.current() != nullptr && queue.current()->borrowerRowId < row.borrowerRowId)
            notVisited.push_back(queue.take());
        if (queue.current() != nullptr && queue.current()->borrowerRowId == row.borrowerRowId)
            row.queueEntry = queue.take();
        visit(row);
    }
    while (queue.current() != nullptr)
        notVisited.push_back(queue.take());
    return notVisited;
}

std::optional<std::pair<int, std::string>> ScreeningRepository::latestRuleSet() const
{
    auto s = m_db.prepare("SELECT version, body FROM screening_rule_sets ORDER BY version DESC LIMIT 1");
    if (!s.step()) return std::nullopt;
    return std::pair{static_cast<int>(s.columnInt(0)), s.columnText(1)};
}

std::optional<std::string> ScreeningRepository::ruleSet(int version) const
{
    auto s = m_db.prepare("SELECT body FROM screening_rule_sets WHERE version = ?");
    s.bind(1, std::int64_t{version});
    if (!s.step()) return std::nullopt;
    return s.columnText(0);
}

int ScreeningRepository::addRuleSet(const std::string& body, const std::string& createdBy, const std::string& at)
{
    m_db.prepare("INSERT INTO screening_rule_sets (version, created_at, created_by, body) "
                 "VALUES ((SELECT coalesce(max(version), 0) + 1 FROM screening_rule_sets), ?, ?, ?)")
        .bind(1, at)
        .bind(2, createdBy)
        .bind(3, body)
        .run();
    auto s = m_db.prepare("SELECT max(version) FROM screening_rule_sets");
    s.step();
    return static_cast<int>(s.columnInt(0));
}

std::optional<QueueEntryRow> ScreeningRepository::entry(std::int64_t borrowerRowId) const
{
    auto s = m_db.prepare("SELECT " + kQueueColumns +
                          " FROM visit_queue q JOIN borrowers b ON b.id = q.borrower_id WHERE q.borrower_id = ?");
    s.bind(1, borrowerRowId);
    if (!s.step()) return std::nullopt;
    return readEntry(s);
}

void ScreeningRepository::saveEntry(const QueueEntryRow& r)
{
    auto s = m_db.prepare(saveEntrySql());
    bindEntry(s, r);
    s.run();
}

QueueWriter::QueueWriter(const Connection& connection)
    : m_save(connection.prepare(saveEntrySql())),
      m_remove(connection.prepare("DELETE FROM visit_queue WHERE borrower_id = ?"))
{}

void QueueWriter::save(const QueueEntryRow& row)
{
    m_save.reset();
    bindEntry(m_save, row);
    m_save.run();
}

void QueueWriter::remove(std::int64_t borrowerRowId)
{
    m_remove.reset();
    m_remove.bind(1, borrowerRowId).run();
}

std::vector<QueueEntryRow> ScreeningRepository::queue(const std::string& officer, bool includeDismissed) const
{
    std::string sql =
        "SELECT " + kQueueColumns + " FROM visit_queue q JOIN borrowers b ON b.id = q.borrower_id WHERE 1=1";
    if (!officer.empty()) sql += " AND q.officer = ?";
    if (!includeDismissed) sql += " AND q.state <> ?";
    sql += " ORDER BY q.score DESC, q.max_dpd DESC, q.total_overdue_fen DESC, b.bank_id";
    auto s = m_db.prepare(sql);
    int index = 1;
    if (!officer.empty()) s.bind(index++, officer);
    if (!includeDismissed) s.bind(index++, stateText(QueueState::Dismissed));
    std::vector<QueueEntryRow> out;
    while (s.step())
        out.push_back(readEntry(s));
    return out;
}

void ScreeningRepository::decide(std::int64_t borrowerRowId, QueueState state, const std::string& by,
                                 const std::string& at, const std::string& reason, const std::string& note)
{
    m_db.prepare("UPDATE visit_queue SET state = ?, decided_by = ?, decided_at = ?, dismiss_reason = ?, "
                 "dismiss_note = ?, dismissed_fingerprint = CASE WHEN ? THEN facts_fingerprint "
                 "ELSE '' END WHERE borrower_id = ?")
        .bind(1, stateText(state))
        .bind(2, by)
        .bind(3, at)
        .bind(4, reason)
        .bind(5, note)
        .bind(6, std::int64_t{state == QueueState::Dismissed})
        .bind(7, borrowerRowId)
        .run();
}

void ScreeningRepository::assign(std::int64_t borrowerRowId, const std::string& officer)
{
    m_db.prepare("UPDATE visit_queue SET officer = ? WHERE borrower_id = ?")
        .bind(1, officer)
        .bind(2, borrowerRowId)
        .run();
}

void ScreeningRepository::setFlags(std::int64_t borrowerRowId, const CaseFlags& flags)
{
    m_db.prepare("INSERT INTO case_flags (borrower_id, litigation, dispute, deceased, plan_kept) VALUES (?,?,?,?,?) "
                 "ON CONFLICT (borrower_id) DO UPDATE SET litigation=excluded.litigation, dispute=excluded.dispute, "
                 "deceased=excluded.deceased, plan_kept=excluded.plan_kept")
        .bind(1, borrowerRowId)
        .bindBool(2, flags.litigation)
        .bindBool(3, flags.dispute)
        .bindBool(4, flags.deceased)
        .bindBool(5, flags.planBeingKept)
        .run();
}

CaseFlags ScreeningRepository::flags(std::int64_t borrowerRowId) const
{
    auto s = m_db.prepare("SELECT litigation, dispute, deceased, plan_kept FROM case_flags WHERE borrower_id = ?");
    s.bind(1, borrowerRowId);
    if (!s.step()) return {};
    return {.litigation = s.columnInt(0) != 0,
            .dispute = s.columnInt(1) != 0,
            .deceased = s.columnInt(2) != 0,
            .planBeingKept = s.columnInt(3) != 0};
}

}  // namespace doorstep::storage
