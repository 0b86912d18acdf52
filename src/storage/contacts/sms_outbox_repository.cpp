#include "storage/contacts/sms_outbox_repository.h"

namespace doorstep::storage {

std::int64_t SmsOutboxRepository::add(const OutboxRow& row)
{
    auto s = m_db.prepare("INSERT INTO sms_outbox (event_id, borrower_id, appointment_id, template_name, phone, body, "
                          "outbox_date, minute_of_day, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, row.eventId).bind(2, row.borrowerRowId);
    if (row.appointmentId != 0)
        s.bind(3, row.appointmentId);
    else
        s.bind(3, std::nullopt);
    s.bind(4, row.templateName)
        .bind(5, row.phone)
        .bind(6, row.text)
        .bind(7, formatIsoDate(row.date))
        .bind(8, std::int64_t{row.minuteOfDay})
        .bind(9, row.createdBy)
        .bind(10, row.createdAt)
        .run();
    return m_db.lastInsertId();
}

std::vector<OutboxRow> SmsOutboxRepository::onDay(Date date, const std::string& createdBy) const
{
    auto s = m_db.prepare("SELECT o.id, o.event_id, o.borrower_id, b.bank_id, coalesce(o.appointment_id, 0), "
                          "o.template_name, o.phone, o.body, o.outbox_date, o.minute_of_day, o.created_by, "
                          "o.created_at FROM sms_outbox o JOIN borrowers b ON b.id = o.borrower_id "
                          "WHERE o.outbox_date = ? AND (? = '' OR o.created_by = ?) ORDER BY o.minute_of_day, o.id");
    s.bind(1, formatIsoDate(date)).bind(2, createdBy).bind(3, createdBy);
    std::vector<OutboxRow> out;
    while (s.step()) {
        OutboxRow r;
        r.id = s.columnInt(0);
        r.eventId = s.columnInt(1);
        r.borrowerRowId = s.columnInt(2);
        r.borrowerBankId = s.columnText(3);
        r.appointmentId = s.columnInt(4);
        r.templateName = s.columnText(5);
        r.phone = s.columnText(6);
        r.text = s.columnText(7);
        r.date = parseIsoDate(s.columnText(8)).value_or(Date{});
        r.minuteOfDay = static_cast<int>(s.columnInt(9));
        r.createdBy = s.columnText(10);
        r.createdAt = s.columnText(11);
        out.push_back(std::move(r));
    }
    return out;
}

bool SmsOutboxRepository::hasMessageFor(std::int64_t appointmentId) const
{
    auto s = m_db.prepare("SELECT 1 FROM sms_outbox WHERE appointment_id = ? LIMIT 1");
    s.bind(1, appointmentId);
    return s.step();
}

std::string SmsOutboxRepository::customerIdNumber(std::int64_t borrowerRowId) const
{
    auto s = m_db.prepare("SELECT id_number FROM borrowers WHERE id = ?");
    s.bind(1, borrowerRowId);
    return s.step() ? s.columnText(0) : std::string();
}

}  // namespace doorstep::storage
