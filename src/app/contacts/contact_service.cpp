#include "app/contacts/contact_service.h"

#include "app/appointments/appointment_settings.h"
#include "app/shared/use_case.h"
#include "domain/shared/masking.h"

#include <algorithm>
#include <string>

namespace doorstep::app {

bool ownsCase(const Session& session, const storage::CaseInfo& info)
{
    return session.user().role != Role::Officer ||
           std::ranges::find(info.officers, session.user().username) != info.officers.end();
}

namespace {

bool spoke(ContactResult r)
{
    switch (r) {
    case ContactResult::Reached:
    case ContactResult::CallbackRequested:
    case ContactResult::AppointmentAgreed:
    case ContactResult::PromiseToPay:
    case ContactResult::Refused:
    case ContactResult::Paid:
    case ContactResult::MessageSent: return true;
    case ContactResult::NoAnswer:
    case ContactResult::Busy:
    case ContactResult::WrongNumber: return false;
    }
    return false;
}

// The earlier contacts of the day as the guard reads them: Doorstep's own with their number and outcome,
// the call centre's through dayContactOf.
std::vector<DayContact> dayContacts(const std::vector<storage::ContactRow>& rows)
{
    std::vector<DayContact> out;
    for (const storage::ContactRow& r : rows) {
        if (r.logged) {
            out.push_back(DayContact{r.date, r.channel, r.numberId, r.reached, r.result});
        } else {
            ContactAttempt a;
            a.date = r.date;
            a.minuteOfDay = r.minuteOfDay;
            a.channel = r.channel;
            a.reached = r.reached;
            a.outcome = r.outcome;
            out.push_back(dayContactOf(a));
        }
    }
    return out;
}

Result<storage::CaseInfo> caseFor(Session& session, std::int64_t borrowerRowId)
{
    auto info = storage::AppointmentRepository(session.database().connection()).caseInfo(borrowerRowId);
    if (!info) return fail(ErrorCode::NotFound, MessageId{"contact.case_not_found"});
    if (!ownsCase(session, *info)) return fail(ErrorCode::PermissionDenied, MessageId{"contact.not_your_case"});
    return *info;
}

ProposedContact proposedOf(const ContactEntry& e)
{
    ProposedContact p;
    p.who = e.who;
    p.relation = e.relation;
    p.channel = e.channel;
    p.numberId = e.numberId;
    p.date = e.date;
    p.time = e.time;
    p.borrowerUnreachable = e.borrowerUnreachable;
    p.exceptionReason = e.exceptionReason;
    return p;
}

Result<void> checkEntry(const ContactEntry& e, const storage::CaseInfo& info)
{
    if (!e.numberId.empty() &&
        std::ranges::none_of(info.numbers, [&](const storage::CaseNumber& n) { return n.id == e.numberId; }))
        return fail(ErrorCode::InvalidInput, MessageId{"contact.number_unknown"});
    if ((e.channel == ContactChannel::Sms) != (e.result == ContactResult::MessageSent))
        return fail(ErrorCode::InvalidInput, MessageId{"contact.result_channel"});
    if (e.result == ContactResult::PromiseToPay &&
        (e.promisedAmount.fen <= 0 || !e.promisedDate || *e.promisedDate < e.date))
        return fail(ErrorCode::InvalidInput, MessageId{"contact.promise_details"});
    return {};
}

}  // namespace

ContactParty reachedOf(ContactParty who, ContactResult result)
{
    return spoke(result) ? who : ContactParty::None;
}

ContactOutcome outcomeOf(ContactResult result)
{
    switch (result) {
    case ContactResult::NoAnswer:
    case ContactResult::Busy: return ContactOutcome::NoAnswer;
    case ContactResult::WrongNumber: return ContactOutcome::WrongNumber;
    case ContactResult::PromiseToPay: return ContactOutcome::PromiseToPay;
    case ContactResult::Refused: return ContactOutcome::Refused;
    case ContactResult::Paid: return ContactOutcome::Paid;
    case ContactResult::Reached:
    case ContactResult::MessageSent:
    case ContactResult::CallbackRequested:
    case ContactResult::AppointmentAgreed: return ContactOutcome::Reached;
    }
    return ContactOutcome::Reached;
}

Result<std::vector<CaseNumberChoice>> ContactService::caseNumbers(std::int64_t borrowerRowId) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    auto info = caseFor(m_session, borrowerRowId);
    if (!info) return std::unexpected(info.error());
    std::vector<CaseNumberChoice> out;
    for (const storage::CaseNumber& n : info->numbers)
        out.push_back({n.id, maskPhone(n.phone), n.relation});
    return out;
}

Result<ContactDecision> ContactService::check(const ContactEntry& entry) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    auto info = caseFor(m_session, entry.borrowerRowId);
    if (!info) return std::unexpected(info.error());
    const auto& db = m_session.database().connection();
    const auto earlier = dayContacts(storage::ContactLogRepository(db).onDay(entry.borrowerRowId, entry.date));
    return evaluateContact(proposedOf(entry), earlier, loadAppointmentSettings(db).contactRules);
}

Result<LoggedContact> ContactService::logContact(const ContactEntry& entry)
{
    return runUseCase(m_session, Permission::WorkCases,
                      [&](UseCase& uc) -> Result<LoggedContact> { return logContactIn(uc, entry); });
}

Result<LoggedContact> logContactIn(UseCase& uc, const ContactEntry& entry, std::int64_t appointmentId)
{
    Session& session = uc.session();
    auto info = caseFor(session, entry.borrowerRowId);
    if (!info) return std::unexpected(info.error());
    if (auto r = checkEntry(entry, *info); !r) return std::unexpected(r.error());
    storage::ContactLogRepository repo(uc.db());
    const auto earlier = dayContacts(repo.onDay(entry.borrowerRowId, entry.date));
    auto decision = checkContact(proposedOf(entry), earlier, loadAppointmentSettings(uc.db()).contactRules);
    if (!decision) return std::unexpected(decision.error());

    storage::ContactRow row;
    row.borrowerRowId = entry.borrowerRowId;
    row.date = entry.date;
    row.minuteOfDay = entry.time.minutes;
    row.channel = entry.channel;
    row.reached = reachedOf(entry.who, entry.result);
    row.outcome = outcomeOf(entry.result);
    if (entry.result == ContactResult::PromiseToPay) {
        row.promisedAmount = entry.promisedAmount;
        row.promisedDate = entry.promisedDate;
    }
    row.who = entry.who;
    row.relation = entry.relation;
    row.numberId = entry.numberId;
    row.result = entry.result;
    row.note = entry.note;
    row.exceptionRule = decision->exception;
    row.exceptionReason = decision->exceptionReason;
    row.loggedBy = session.user().username;
    row.loggedAt = session.now();
    row.appointmentId = appointmentId;
    if (repo.sameMinuteExists(row))
        return fail(ErrorCode::AlreadyExists, MessageId{"contact.same_minute"},
                    {MessageArg::text("time", formatClockTime(entry.time))});
    const std::int64_t id = repo.add(row);
    uc.audit("contact.log", "contact", std::to_string(id));
    if (decision->exceptionUsed()) uc.audit("contact.exception", "contact", std::to_string(id));
    uc.changed({Change::What::Appointments});
    uc.changed({Change::What::Case, entry.borrowerRowId});
    return LoggedContact{id, *decision};
}

Result<std::vector<ContactItem>> ContactService::contacts(Date from, Date to) const
{
    if (auto r = m_session.require(Permission::WorkCases); !r) return std::unexpected(r.error());
    const std::string only = m_session.can(Permission::ViewAllCases) ? std::string() : m_session.user().username;
    return storage::ContactLogRepository(m_session.database().connection()).logged(from, to, only);
}

Result<std::vector<ContactItem>> ContactService::exceptions() const
{
    if (auto r = m_session.require(Permission::ReviewWork); !r) return std::unexpected(r.error());
    return storage::ContactLogRepository(m_session.database().connection()).exceptions();
}

}  // namespace doorstep::app
