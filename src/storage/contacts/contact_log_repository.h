#pragma once
// Contacts in the database (issue 10): Doorstep's own contacts are contact_events rows with source "doorstep",
// read by screening exactly like the call centre's; contact_log beside each keeps what only Doorstep records
// (who was contacted, the number used, the log's outcome, the note, a rule exception and its reason).
#include "domain/contacts/contact_history.h"
#include "domain/contacts/contact_rules.h"
#include "domain/shared/calendar.h"
#include "storage/database/sqlite.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::storage {

struct ContactRow {
    std::int64_t eventId = 0;
    std::int64_t borrowerRowId = 0;
    std::string borrowerBankId;  // joined for display
    std::string district;        // joined for display
    Date date{};
    int minuteOfDay = 0;
    ContactChannel channel = ContactChannel::Call;
    ContactParty reached = ContactParty::None;
    ContactOutcome outcome = ContactOutcome::NoAnswer;
    Money promisedAmount;
    std::optional<Date> promisedDate;
    std::string source;  // "call_centre" or "doorstep"
    // Doorstep's own log (contact_log); `logged` is false for the call centre's rows.
    bool logged = false;
    ContactParty who = ContactParty::Borrower;
    std::string relation;
    std::string numberId;
    ContactResult result = ContactResult::NoAnswer;
    std::string note;
    std::optional<ContactRule> exceptionRule;
    std::string exceptionReason;
    std::int64_t appointmentId = 0;
    std::string loggedBy;
    std::string loggedAt;
};

class ContactLogRepository final {
public:
    explicit ContactLogRepository(const Connection& connection) : m_db(connection) {}

    // Inserts the contact_events row (source "doorstep") and its contact_log row; returns the event id.
    std::int64_t add(const ContactRow& row);
    // Whether contact_events already holds this row's unique key (borrower, date, minute, channel, reached,
    // outcome, source "doorstep"): the table keeps one such row.
    bool sameMinuteExists(const ContactRow& row) const;
    // Every contact with the borrower on `date`, both sources, in time order.
    std::vector<ContactRow> onDay(std::int64_t borrowerRowId, Date date) const;
    // Every contact with the borrower from both sources, oldest first (the case window's timeline).
    std::vector<ContactRow> forBorrower(std::int64_t borrowerRowId) const;
    // Doorstep's own contacts dated from `from` to `to` (both included), by date and time; `loggedBy` "" = all.
    std::vector<ContactRow> logged(Date from, Date to, const std::string& loggedBy) const;
    // The borrower a contact_events row belongs to.
    std::optional<std::int64_t> borrowerOf(std::int64_t eventId) const;
    // Contacts logged through a rule exception, newest first.
    std::vector<ContactRow> exceptions() const;

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
