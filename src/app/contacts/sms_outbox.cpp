#include "app/contacts/sms_outbox.h"

#include "app/appointments/appointment_settings.h"
#include "app/contacts/template_service.h"
#include "app/shared/use_case.h"
#include "domain/contacts/template_library.h"
#include "domain/shared/masking.h"
#include "io/shared/csv_writer.h"
#include "storage/appointments/appointment_repository.h"
#include "storage/contacts/template_repository.h"
#include "storage/users/user_repository.h"

#include <algorithm>
#include <string>

namespace doorstep::app {
namespace {

std::string displayNameOf(const storage::Connection& db, const std::string& username)
{
    if (auto user = storage::UserRepository(db).findByName(username); user && !user->displayName.empty())
        return user->displayName;
    return username;
}

// What a template is filled from for this case (and appointment): the customer as addressed, the officer's
// display name (a reminder: the visit's first staff member), the branch phone, the visit's date, time, place.
Result<TemplateValues> valuesFor(Session& session, const storage::CaseInfo& info, std::int64_t appointmentId)
{
    const auto& db = session.database().connection();
    TemplateValues v;
    v.customerName =
        customerSalutation(info.name, storage::SmsOutboxRepository(db).customerIdNumber(info.borrowerRowId));
    v.officer = session.user().displayName.empty() ? session.user().username : session.user().displayName;
    v.branchPhone = loadBranchPhone(db);
    if (appointmentId != 0) {
        auto row = storage::AppointmentRepository(db).find(appointmentId);
        if (!row || row->borrowerRowId != info.borrowerRowId)
            return fail(ErrorCode::NotFound, MessageId{"appointment.not_found"});
        v.appointmentDate = row->appointment.date;
        v.appointmentTime = row->appointment.start;
        v.appointmentPlace = appointmentPlaceText(row->appointment.place, row->placeNote);
        if (!row->appointment.staff.empty()) v.officer = displayNameOf(db, row->appointment.staff.front());
    }
    return v;
}

Result<storage::CaseInfo> caseInfoFor(Session& session, std::int64_t borrowerRowId)
{
    auto info = storage::AppointmentRepository(session.database().connection()).caseInfo(borrowerRowId);
    if (!info) return fail(ErrorCode::NotFound, MessageId{"contact.case_not_found"});
    if (!ownsCase(session, *info)) return fail(ErrorCode::PermissionDenied, MessageId{"contact.not_your_case"});
    return *info;
}

// The filled text for the request, checked as a send would check it.
Result<std::string> filledText(Session& session, const storage::CaseInfo& info, const SmsRequest& request,
                               std::string* templateName)
{
    const auto& db = session.database().connection();
    storage::TemplateRepository templates(db);
    auto tpl = templates.find(request.templateId);
    if (!tpl) return fail(ErrorCode::NotFound, MessageId{"template.not_found"});
    if (!audienceAllows(tpl->tpl.audience, request.entry.who))
        return fail(ErrorCode::InvalidInput, MessageId{"template.borrower_only"},
                    {MessageArg::text("name", tpl->tpl.name)});
    auto values = valuesFor(session, info, request.appointmentId);
    if (!values) return std::unexpected(values.error());
    if (templateName != nullptr) *templateName = tpl->tpl.name;
    return fillTemplate(MessageTemplate{tpl->tpl.name, tpl->tpl.text}, *values, request.entry.who, templates.phrases());
}

const storage::CaseNumber* numberOf(const storage::CaseInfo& info, const std::string& id)
{
    const auto it = std::ranges::find_if(info.numbers, [&](const storage::CaseNumber& n) { return n.id == id; });
    return it == info.numbers.end() ? nullptr : &*it;
}

// The borrower's own first number: where a reminder goes.
const storage::CaseNumber* borrowerNumber(const storage::CaseInfo& info)
{
    const auto it = std::ranges::find_if(info.numbers, [](const storage::CaseNumber& n) { return n.relation.empty(); });
    return it == info.numbers.end() ? nullptr : &*it;
}

std::optional<std::int64_t> reminderTemplate(const storage::Connection& db)
{
    storage::TemplateRepository templates(db);
    const auto phrases = templates.phrases();
    for (const storage::TemplateRow& t : templates.all()) {
        if (t.tpl.purpose != TemplatePurpose::AppointmentReminder) continue;
        if (auto review = reviewTemplate(t.tpl.text, phrases); review && review->usable()) return t.id;
    }
    return std::nullopt;
}

SmsRequest reminderRequest(const Session& session, const storage::CaseNumber& number, std::int64_t borrowerRowId,
                           std::int64_t appointmentId, std::int64_t templateId)
{
    const LocalDateTime now = localNow(session);
    SmsRequest r;
    r.entry.borrowerRowId = borrowerRowId;
    r.entry.who = ContactParty::Borrower;
    r.entry.numberId = number.id;
    r.entry.date = now.date;
    r.entry.time = now.time;
    r.templateId = templateId;
    r.appointmentId = appointmentId;
    return r;
}

}  // namespace

Result<std::string> SmsService::preview(const SmsRequest& request) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    auto info = caseInfoFor(m_session, request.entry.borrowerRowId);
    if (!info) return std::unexpected(info.error());
    return filledText(m_session, *info, request, nullptr);
}

Result<SentSms> SmsService::send(const SmsRequest& request)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<SentSms> {
        auto info = caseInfoFor(m_session, request.entry.borrowerRowId);
        if (!info) return std::unexpected(info.error());
        const storage::CaseNumber* number = numberOf(*info, request.entry.numberId);
        if (number == nullptr) return fail(ErrorCode::InvalidInput, MessageId{"contact.number_unknown"});
        std::string templateName;
        auto text = filledText(m_session, *info, request, &templateName);
        if (!text) return std::unexpected(text.error());
        ContactEntry entry = request.entry;
        entry.channel = ContactChannel::Sms;
        entry.result = ContactResult::MessageSent;
        if (entry.note.empty()) entry.note = templateName;
        auto logged = logContactIn(uc, entry, request.appointmentId);
        if (!logged) return std::unexpected(logged.error());

        storage::OutboxRow row;
        row.eventId = logged->eventId;
        row.borrowerRowId = entry.borrowerRowId;
        row.appointmentId = request.appointmentId;
        row.templateName = templateName;
        row.phone = number->phone;
        row.text = *text;
        row.date = entry.date;
        row.minuteOfDay = entry.time.minutes;
        row.createdBy = m_session.user().username;
        row.createdAt = m_session.now();
        const std::int64_t id = storage::SmsOutboxRepository(uc.db()).add(row);
        uc.audit("sms.outbox", "sms_outbox", std::to_string(id));
        return SentSms{*logged, id, *text};
    });
}

Result<std::vector<Reminder>> SmsService::tomorrowsReminders() const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    const Date tomorrow = addDays(localNow(m_session).date, 1);
    const std::string who = m_session.can(Permission::ViewAllCases) ? std::string() : m_session.user().username;
    const auto templateId = reminderTemplate(db);
    const storage::SmsOutboxRepository outbox(db);
    std::vector<Reminder> out;
    for (const storage::AppointmentRow& row : storage::AppointmentRepository(db).between(tomorrow, tomorrow, who)) {
        if (row.appointment.state != AppointmentState::Confirmed || outbox.hasMessageFor(row.id)) continue;
        Reminder reminder;
        reminder.appointment = row;
        auto info = storage::AppointmentRepository(db).caseInfo(row.borrowerRowId);
        if (!info) continue;
        // An officer visiting with a colleague on the colleague's case leaves the reminder to them: only the case's
        // officers may contact its customer (a send would be refused).
        if (!ownsCase(m_session, *info)) continue;
        reminder.customer = customerSalutation(info->name, outbox.customerIdNumber(row.borrowerRowId));
        for (const std::string& s : row.appointment.staff)
            reminder.staff.push_back(displayNameOf(db, s));
        const storage::CaseNumber* number = borrowerNumber(*info);
        if (number == nullptr) {
            reminder.problem = fail(ErrorCode::InvalidInput, MessageId{"sms.no_borrower_number"}).error();
        } else if (!templateId) {
            reminder.numberMasked = maskPhone(number->phone);
            reminder.problem = fail(ErrorCode::InvalidInput, MessageId{"sms.no_reminder_template"}).error();
        } else {
            reminder.numberMasked = maskPhone(number->phone);
            auto text = filledText(
                m_session, *info, reminderRequest(m_session, *number, row.borrowerRowId, row.id, *templateId), nullptr);
            if (text)
                reminder.text = *text;
            else
                reminder.problem = text.error();
        }
        out.push_back(std::move(reminder));
    }
    return out;
}

Result<SentSms> SmsService::sendReminder(std::int64_t appointmentId)
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    auto row = storage::AppointmentRepository(db).find(appointmentId);
    if (!row) return fail(ErrorCode::NotFound, MessageId{"appointment.not_found"});
    if (storage::SmsOutboxRepository(db).hasMessageFor(appointmentId))
        return fail(ErrorCode::AlreadyExists, MessageId{"sms.reminder_sent"});
    auto info = caseInfoFor(m_session, row->borrowerRowId);
    if (!info) return std::unexpected(info.error());
    const storage::CaseNumber* number = borrowerNumber(*info);
    if (number == nullptr) return fail(ErrorCode::InvalidInput, MessageId{"sms.no_borrower_number"});
    const auto templateId = reminderTemplate(db);
    if (!templateId) return fail(ErrorCode::InvalidInput, MessageId{"sms.no_reminder_template"});
    return send(reminderRequest(m_session, *number, row->borrowerRowId, appointmentId, *templateId));
}

Result<std::vector<OutboxItem>> SmsService::outbox(Date date) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const std::string who = m_session.can(Permission::ViewAllCases) ? std::string() : m_session.user().username;
    return storage::SmsOutboxRepository(m_session.database().connection()).onDay(date, who);
}

Result<OutboxExportSummary> SmsService::exportOutbox(Date date, const std::filesystem::path& path)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<OutboxExportSummary> {
        const std::string who = m_session.can(Permission::ViewAllCases) ? std::string() : m_session.user().username;
        const auto rows = storage::SmsOutboxRepository(uc.db()).onDay(date, who);
        auto writer = io::CsvWriter::create(path);
        if (!writer) return std::unexpected(writer.error());
        if (auto r =
                writer->write({"message_id", "date", "time", "phone", "text", "customer_no", "sent_by", "template"});
            !r)
            return std::unexpected(r.error());
        for (const storage::OutboxRow& row : rows) {
            const std::string id = std::to_string(row.id);
            const std::string day = formatIsoDate(row.date);
            const std::string time = formatClockTime(ClockTime{row.minuteOfDay});
            if (auto r = writer->write(
                    {id, day, time, row.phone, row.text, row.borrowerBankId, row.createdBy, row.templateName});
                !r)
                return std::unexpected(r.error());
        }
        if (auto r = writer->close(); !r) return std::unexpected(r.error());
        uc.audit("sms.export", "sms_outbox_day", formatIsoDate(date));
        return OutboxExportSummary{static_cast<std::int64_t>(rows.size())};
    });
}

}  // namespace doorstep::app
