#pragma once
// SMS through Doorstep (issue 10): Doorstep sends no SMS. It fills a template for the case, logs the SMS as a
// contact through the contact-rule guard, and puts the number and the filled text in the outbox, which is
// exported day by day as CSV for the bank's SMS platform. Tomorrow's reminders are the confirmed visits of
// the next day whose customer has no reminder in the outbox yet, each with the reminder template filled.
#include "app/appointments/appointment_service.h"
#include "app/contacts/contact_service.h"
#include "app/users/session.h"
#include "domain/contacts/message_template.h"
#include "domain/messages/error.h"
#include "storage/contacts/sms_outbox_repository.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::app {

using OutboxItem = storage::OutboxRow;

struct SmsRequest {
    ContactEntry entry;              // channel and result are set to SMS / message sent by the service
    std::int64_t templateId = 0;     //
    std::int64_t appointmentId = 0;  // fills the appointment's date, time and place; marks a reminder
};

struct SentSms {
    LoggedContact contact;
    std::int64_t outboxId = 0;
    std::string text;
};

struct Reminder {
    AppointmentItem appointment;
    std::string customer;            // how the message addresses them (王先生)
    std::vector<std::string> staff;  // the visiting staff's display names
    std::string numberMasked;        // the borrower's number it goes to, masked
    std::string text;                // the filled reminder; "" when it cannot be filled
    std::optional<Error> problem;    // why it cannot be sent (no number, no usable template, a value missing)
};

struct OutboxExportSummary {
    std::int64_t messages = 0;
};

class SmsService final {
public:
    explicit SmsService(Session& session) : m_session(session) {}

    // The filled text for the request's recipient, or why the template cannot be used (tone, a debt detail
    // for a third party, a missing value, a borrower's template for someone else).
    Result<std::string> preview(const SmsRequest& request) const;
    // Logs the SMS as a contact (the guard decides) and adds it to the outbox, in one transaction. Audited
    // contact.log and sms.outbox.
    Result<SentSms> send(const SmsRequest& request);

    // The confirmed appointments of the day after today (local) without a reminder yet: officers their own,
    // supervisors all; by time.
    Result<std::vector<Reminder>> tomorrowsReminders() const;
    // Sends one reminder now: the borrower's first number, the first usable reminder template.
    Result<SentSms> sendReminder(std::int64_t appointmentId);

    // The outbox of `date`: officers what they logged, supervisors all.
    Result<std::vector<OutboxItem>> outbox(Date date) const;
    // Writes the outbox of `date` as CSV for the SMS platform (docs/data-formats.md). Audited sms.export.
    Result<OutboxExportSummary> exportOutbox(Date date, const std::filesystem::path& path);

private:
    Session& m_session;
};

}  // namespace doorstep::app
