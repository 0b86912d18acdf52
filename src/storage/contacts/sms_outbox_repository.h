#pragma once
// The SMS outbox (issue 10): Doorstep sends no SMS. An SMS logged through it is a contact (contact_log) and an
// outbox row holding the number and the filled text, which the day's export hands to the bank's SMS platform.
// A reminder names the appointment it is for, so tomorrow's reminders leave out the ones already sent.
#include "domain/shared/calendar.h"
#include "storage/database/sqlite.h"

#include <cstdint>
#include <string>
#include <vector>

namespace doorstep::storage {

struct OutboxRow {
    std::int64_t id = 0;
    std::int64_t eventId = 0;  // the contact_events row of the logged SMS
    std::int64_t borrowerRowId = 0;
    std::string borrowerBankId;      // joined for display and the export
    std::int64_t appointmentId = 0;  // 0 = not a reminder
    std::string templateName;
    std::string phone;  // the full number: for the SMS platform's file only, never for logs or messages
    std::string text;   // the filled template
    Date date{};
    int minuteOfDay = 0;
    std::string createdBy;
    std::string createdAt;
};

class SmsOutboxRepository final {
public:
    explicit SmsOutboxRepository(const Connection& connection) : m_db(connection) {}

    std::int64_t add(const OutboxRow& row);  // returns the new id
    // The messages of `date` in time order; `createdBy` "" = everyone's.
    std::vector<OutboxRow> onDay(Date date, const std::string& createdBy) const;
    // Whether a message for this appointment is already in the outbox (its reminder was sent).
    bool hasMessageFor(std::int64_t appointmentId) const;
    // The borrower's identity number, only to address them (先生 or 女士) in a message; "" when unknown.
    std::string customerIdNumber(std::int64_t borrowerRowId) const;

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
