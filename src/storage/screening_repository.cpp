#include "storage/screening_repository.h"

#include "domain/calendar.h"

namespace doorstep::storage {
namespace {

Date dateOf(const std::string& text)
{
    return parseIsoDate(text).value_or(Date{});
}

constexpr const char* kQueueColumns =
    "q.borrower_id, q.as_of, q.rule_set_version, q.score, q.hits, q.facts_fingerprint, q.max_dpd, "
    "q.total_overdue_fen, q.district, q.state, q.officer, q.decided_by, q.decided_at, q.dismiss_reason, "
    "q.dismiss_note, q.dismissed_fingerprint, b.name, b.bank_id";

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
    r.state = s.columnText(9);
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

}  // namespace

void ScreeningRepository::forEachBorrower(const std::string& monthAgo, const std::string& paymentsSince,
                                          const std::function<void(const BorrowerScreeningRow&)>& visit) const
{
    // Four cursors in borrower order: aggregates, contacts, recent payments; one borrower in memory.
    auto borrowers = m_db.prepare(
        "SELECT b.id, b.district, max(coalesce(s.dpd, 0)), sum(coalesce(s.total_overdue_fen, 0)), "
        "max(coalesce(s.bucket, 'M0')), coalesce(c.overdue_accounts_elsewhere, 0), coalesce(c.worst_dpd_24m, 0), "
        "coalesce(f.litigation, 0), coalesce(f.dispute, 0), coalesce(f.deceased, 0), coalesce(f.plan_kept, 0), "
        "(SELECT l2.officer FROM loans l2 LEFT JOIN loan_status s2 ON s2.loan_id = l2.id WHERE l2.borrower_id = b.id "
        " ORDER BY coalesce(s2.dpd, 0) DESC, l2.id LIMIT 1), "
        // The bucket a loan had a month ago: the from_bucket of its first change since then, else its bucket
        // now; the borrower's previous worst bucket is the worst of those over all their loans.
        "max(coalesce((SELECT h.from_bucket FROM status_history h WHERE h.loan_id = l.id AND h.as_of > ? "
        " ORDER BY h.as_of, h.id LIMIT 1), s.bucket, 'M0')) "
        "FROM borrowers b JOIN loans l ON l.borrower_id = b.id LEFT JOIN loan_status s ON s.loan_id = l.id "
        "LEFT JOIN credit_records c ON c.borrower_id = b.id LEFT JOIN case_flags f ON f.borrower_id = b.id "
        "GROUP BY b.id ORDER BY b.id");
    borrowers.bind(1, monthAgo);
    auto contacts = m_db.prepare("SELECT e.borrower_id, coalesce(l.bank_id, ''), e.contact_date, e.minute_of_day, "
                                 "e.channel, e.reached, e.outcome, e.promised_amount_fen, e.promised_date, e.source "
                                 "FROM contact_events e LEFT JOIN loans l ON l.id = e.loan_id "
                                 "ORDER BY e.borrower_id, e.contact_date, e.minute_of_day, e.id");
    auto payments =
        m_db.prepare("SELECT l.borrower_id, p.bank_id, l.bank_id, p.paid_date, p.amount_fen FROM payments p "
                     "JOIN loans l ON l.id = p.loan_id WHERE p.paid_date >= ? "
                     "ORDER BY l.borrower_id, p.paid_date, p.id");
    payments.bind(1, paymentsSince);
    bool moreContacts = contacts.step();
    bool morePayments = payments.step();
    BorrowerScreeningRow row;
    while (borrowers.step()) {
        row.borrowerRowId = borrowers.columnInt(0);
        row.district = borrowers.columnText(1);
        row.maxDpd = static_cast<int>(borrowers.columnInt(2));
        row.totalOverdue = Money{borrowers.columnInt(3)};
        row.worstBucket = borrowers.columnText(4);
        row.overdueElsewhere = static_cast<int>(borrowers.columnInt(5));
        row.worstDpd24Months = static_cast<int>(borrowers.columnInt(6));
        row.litigation = borrowers.columnInt(7) != 0;
        row.dispute = borrowers.columnInt(8) != 0;
        row.deceased = borrowers.columnInt(9) != 0;
        row.planKept = borrowers.columnInt(10) != 0;
        row.officer = borrowers.columnText(11);
        row.previousWorstBucket = borrowers.columnText(12);
        row.contacts.clear();
        row.payments.clear();
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
            row.contacts.push_back(std::move(a));
            moreContacts = contacts.step();
        }
        while (morePayments && payments.columnInt(0) < row.borrowerRowId)
            morePayments = payments.step();
        while (morePayments && payments.columnInt(0) == row.borrowerRowId) {
            row.payments.push_back(Payment{payments.columnText(1), payments.columnText(2),
                                           dateOf(payments.columnText(3)), Money{payments.columnInt(4)}});
            morePayments = payments.step();
        }
        visit(row);
    }
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
    auto s = m_db.prepare(std::string("SELECT ") + kQueueColumns +
                          " FROM visit_queue q JOIN borrowers b ON b.id = q.borrower_id WHERE q.borrower_id = ?");
    s.bind(1, borrowerRowId);
    if (!s.step()) return std::nullopt;
    return readEntry(s);
}

void ScreeningRepository::saveEntry(const QueueEntryRow& r)
{
    m_db.prepare("INSERT INTO visit_queue (borrower_id, as_of, rule_set_version, score, hits, facts_fingerprint, "
                 "max_dpd, total_overdue_fen, district, state, officer, decided_by, decided_at, dismiss_reason, "
                 "dismiss_note, dismissed_fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                 "ON CONFLICT (borrower_id) DO UPDATE SET as_of=excluded.as_of, "
                 "rule_set_version=excluded.rule_set_version, score=excluded.score, hits=excluded.hits, "
                 "facts_fingerprint=excluded.facts_fingerprint, max_dpd=excluded.max_dpd, "
                 "total_overdue_fen=excluded.total_overdue_fen, district=excluded.district, state=excluded.state, "
                 "officer=excluded.officer, decided_by=excluded.decided_by, decided_at=excluded.decided_at, "
                 "dismiss_reason=excluded.dismiss_reason, dismiss_note=excluded.dismiss_note, "
                 "dismissed_fingerprint=excluded.dismissed_fingerprint")
        .bind(1, r.borrowerRowId)
        .bind(2, r.asOf)
        .bind(3, std::int64_t{r.ruleSetVersion})
        .bind(4, std::int64_t{r.score})
        .bind(5, r.hits)
        .bind(6, r.factsFingerprint)
        .bind(7, std::int64_t{r.maxDpd})
        .bind(8, r.totalOverdue.fen)
        .bind(9, r.district)
        .bind(10, r.state)
        .bind(11, r.officer)
        .bind(12, r.decidedBy)
        .bind(13, r.decidedAt)
        .bind(14, r.dismissReason)
        .bind(15, r.dismissNote)
        .bind(16, r.dismissedFingerprint)
        .run();
}

void ScreeningRepository::markEntriesStale()
{
    m_db.prepare("UPDATE visit_queue SET as_of = '' WHERE state <> 'accepted'").run();
}

void ScreeningRepository::removeEntriesNotIn(const std::string& asOf)
{
    // Accepted cases stay until the visit is done; open and dismissed ones that no longer qualify go.
    m_db.prepare("DELETE FROM visit_queue WHERE as_of <> ? AND state <> 'accepted'").bind(1, asOf).run();
}

std::vector<QueueEntryRow> ScreeningRepository::queue(const std::string& officer, bool includeDismissed) const
{
    std::string sql = std::string("SELECT ") + kQueueColumns +
                      " FROM visit_queue q JOIN borrowers b ON b.id = q.borrower_id WHERE 1=1";
    if (!officer.empty()) sql += " AND q.officer = ?";
    if (!includeDismissed) sql += " AND q.state <> 'dismissed'";
    sql += " ORDER BY q.score DESC, q.max_dpd DESC, q.total_overdue_fen DESC, b.bank_id";
    auto s = m_db.prepare(sql);
    if (!officer.empty()) s.bind(1, officer);
    std::vector<QueueEntryRow> out;
    while (s.step())
        out.push_back(readEntry(s));
    return out;
}

void ScreeningRepository::decide(std::int64_t borrowerRowId, const std::string& state, const std::string& by,
                                 const std::string& at, const std::string& reason, const std::string& note)
{
    m_db.prepare("UPDATE visit_queue SET state = ?, decided_by = ?, decided_at = ?, dismiss_reason = ?, "
                 "dismiss_note = ?, dismissed_fingerprint = CASE WHEN ? = 'dismissed' THEN facts_fingerprint "
                 "ELSE '' END WHERE borrower_id = ?")
        .bind(1, state)
        .bind(2, by)
        .bind(3, at)
        .bind(4, reason)
        .bind(5, note)
        .bind(6, state)
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

void ScreeningRepository::setFlags(std::int64_t borrowerRowId, bool litigation, bool dispute, bool deceased,
                                   bool planKept)
{
    m_db.prepare("INSERT INTO case_flags (borrower_id, litigation, dispute, deceased, plan_kept) VALUES (?,?,?,?,?) "
                 "ON CONFLICT (borrower_id) DO UPDATE SET litigation=excluded.litigation, dispute=excluded.dispute, "
                 "deceased=excluded.deceased, plan_kept=excluded.plan_kept")
        .bind(1, borrowerRowId)
        .bindBool(2, litigation)
        .bindBool(3, dispute)
        .bindBool(4, deceased)
        .bindBool(5, planKept)
        .run();
}

std::array<bool, 4> ScreeningRepository::flags(std::int64_t borrowerRowId) const
{
    auto s = m_db.prepare("SELECT litigation, dispute, deceased, plan_kept FROM case_flags WHERE borrower_id = ?");
    s.bind(1, borrowerRowId);
    if (!s.step()) return {false, false, false, false};
    return {s.columnInt(0) != 0, s.columnInt(1) != 0, s.columnInt(2) != 0, s.columnInt(3) != 0};
}

}  // namespace doorstep::storage
