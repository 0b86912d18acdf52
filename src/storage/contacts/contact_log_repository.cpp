#include "storage/contacts/contact_log_repository.h"

#include "domain/shared/code_table.h"

#include <string>

namespace doorstep::storage {
namespace {

Date dateOf(const std::string& text)
{
    return parseIsoDate(text).value_or(Date{});
}

constexpr const char* kColumns =
    "e.id, e.borrower_id, b.bank_id, b.district, e.contact_date, e.minute_of_day, e.channel, e.reached, "
    "e.outcome, e.promised_amount_fen, e.promised_date, e.source, c.event_id IS NOT NULL, "
    "coalesce(c.who, ''), coalesce(c.relation, ''), coalesce(c.number_id, ''), coalesce(c.result, ''), "
    "coalesce(c.note, ''), coalesce(c.exception_rule, ''), coalesce(c.exception_reason, ''), "
    "coalesce(c.appointment_id, 0), coalesce(c.logged_by, ''), coalesce(c.logged_at, '') "
    "FROM contact_events e JOIN borrowers b ON b.id = e.borrower_id "
    "LEFT JOIN contact_log c ON c.event_id = e.id ";

ContactRow readRow(const Statement& s)
{
    ContactRow r;
    r.eventId = s.columnInt(0);
    r.borrowerRowId = s.columnInt(1);
    r.borrowerBankId = s.columnText(2);
    r.district = s.columnText(3);
    r.date = dateOf(s.columnText(4));
    r.minuteOfDay = static_cast<int>(s.columnInt(5));
    r.channel = parseContactChannel(s.columnText(6)).value_or(ContactChannel::Other);
    r.reached = parseContactParty(s.columnText(7)).value_or(ContactParty::None);
    r.outcome = parseContactOutcome(s.columnText(8)).value_or(ContactOutcome::NoAnswer);
    r.promisedAmount = Money{s.columnInt(9)};
    if (auto d = s.columnText(10); !d.empty()) r.promisedDate = dateOf(d);
    r.source = s.columnText(11);
    r.logged = s.columnInt(12) != 0;
    if (r.logged) {
        r.who = parseContactParty(s.columnText(13)).value_or(ContactParty::Borrower);
        r.relation = s.columnText(14);
        r.numberId = s.columnText(15);
        const auto result = codeLookup(kContactResultCodes, s.columnText(16));
        if (!result) throw DatabaseError(0, "a contact-log row has an unknown outcome");
        r.result = *result;
        r.note = s.columnText(17);
        if (auto rule = s.columnText(18); !rule.empty()) {
            r.exceptionRule = codeLookup(kContactRuleCodes, rule);
            if (!r.exceptionRule) throw DatabaseError(0, "a contact-log row has an unknown rule exception");
        }
        r.exceptionReason = s.columnText(19);
        r.appointmentId = s.columnInt(20);
        r.loggedBy = s.columnText(21);
        r.loggedAt = s.columnText(22);
    }
    return r;
}

std::vector<ContactRow> readAll(Statement& s)
{
    std::vector<ContactRow> out;
    while (s.step())
        out.push_back(readRow(s));
    return out;
}

}  // namespace

std::int64_t ContactLogRepository::add(const ContactRow& row)
{
    m_db.prepare("INSERT INTO contact_events (borrower_id, loan_id, contact_date, minute_of_day, channel, reached, "
                 "outcome, promised_amount_fen, promised_date, source) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, "
                 "'doorstep')")
        .bind(1, row.borrowerRowId)
        .bind(2, formatIsoDate(row.date))
        .bind(3, std::int64_t{row.minuteOfDay})
        .bind(4, contactChannelName(row.channel))
        .bind(5, contactPartyName(row.reached))
        .bind(6, contactOutcomeName(row.outcome))
        .bind(7, row.promisedAmount.fen)
        .bind(8, row.promisedDate ? formatIsoDate(*row.promisedDate) : std::string())
        .run();
    const std::int64_t id = m_db.lastInsertId();
    auto log = m_db.prepare("INSERT INTO contact_log (event_id, who, relation, number_id, result, note, "
                            "exception_rule, exception_reason, appointment_id, logged_by, logged_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    log.bind(1, id)
        .bind(2, contactPartyName(row.who))
        .bind(3, row.relation)
        .bind(4, row.numberId)
        .bind(5, codeOf(kContactResultCodes, row.result))
        .bind(6, row.note)
        .bind(7, row.exceptionRule ? std::string(codeOf(kContactRuleCodes, *row.exceptionRule)) : std::string())
        .bind(8, row.exceptionReason);
    if (row.appointmentId != 0)
        log.bind(9, row.appointmentId);
    else
        log.bind(9, std::nullopt);
    log.bind(10, row.loggedBy).bind(11, row.loggedAt).run();
    return id;
}

bool ContactLogRepository::sameMinuteExists(const ContactRow& row) const
{
    auto s = m_db.prepare("SELECT 1 FROM contact_events WHERE borrower_id = ? AND contact_date = ? AND "
                          "minute_of_day = ? AND channel = ? AND reached = ? AND outcome = ? AND source = 'doorstep'");
    s.bind(1, row.borrowerRowId)
        .bind(2, formatIsoDate(row.date))
        .bind(3, std::int64_t{row.minuteOfDay})
        .bind(4, contactChannelName(row.channel))
        .bind(5, contactPartyName(row.reached))
        .bind(6, contactOutcomeName(row.outcome));
    return s.step();
}

std::vector<ContactRow> ContactLogRepository::onDay(std::int64_t borrowerRowId, Date date) const
{
    auto s = m_db.prepare(std::string("SELECT ") + kColumns +
                          "WHERE e.borrower_id = ? AND e.contact_date = ? ORDER BY e.minute_of_day, e.id");
    s.bind(1, borrowerRowId).bind(2, formatIsoDate(date));
    return readAll(s);
}

std::vector<ContactRow> ContactLogRepository::forBorrower(std::int64_t borrowerRowId) const
{
    auto s = m_db.prepare(std::string("SELECT ") + kColumns +
                          "WHERE e.borrower_id = ? ORDER BY e.contact_date, e.minute_of_day, e.id");
    s.bind(1, borrowerRowId);
    return readAll(s);
}

std::vector<ContactRow> ContactLogRepository::logged(Date from, Date to, const std::string& loggedBy) const
{
    auto s = m_db.prepare(std::string("SELECT ") + kColumns +
                          "WHERE c.event_id IS NOT NULL AND e.contact_date BETWEEN ? AND ? "
                          "AND (? = '' OR c.logged_by = ?) ORDER BY e.contact_date, e.minute_of_day, e.id");
    s.bind(1, formatIsoDate(from)).bind(2, formatIsoDate(to)).bind(3, loggedBy).bind(4, loggedBy);
    return readAll(s);
}

std::optional<std::int64_t> ContactLogRepository::borrowerOf(std::int64_t eventId) const
{
    auto s = m_db.prepare("SELECT borrower_id FROM contact_events WHERE id = ?");
    s.bind(1, eventId);
    if (!s.step()) return std::nullopt;
    return s.columnInt(0);
}

std::vector<ContactRow> ContactLogRepository::exceptions() const
{
    auto s = m_db.prepare(std::string("SELECT ") + kColumns +
                          "WHERE c.exception_rule <> '' ORDER BY e.contact_date DESC, e.minute_of_day DESC, e.id DESC");
    return readAll(s);
}

}  // namespace doorstep::storage
