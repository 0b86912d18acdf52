#include "gui/cases/case_timeline_text.h"

#include "domain/shared/clock_time.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/screening/screening_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"

#include <QCoreApplication>
#include <QStringList>

// Texts are looked up in the "CaseTimeline" context; lupdate reads these literal calls.
namespace doorstep::gui {
namespace {

QString nameOf(const std::string& username, const std::map<std::string, std::string>& staffNames)
{
    const auto it = staffNames.find(username);
    return toQString(it != staffNames.end() && !it->second.empty() ? it->second : username);
}

}  // namespace

QString contactChannelText(ContactChannel channel)
{
    switch (channel) {
    case ContactChannel::Call: return QCoreApplication::translate("CaseTimeline", "Call");
    case ContactChannel::Sms: return QCoreApplication::translate("CaseTimeline", "SMS");
    case ContactChannel::Visit: return QCoreApplication::translate("CaseTimeline", "Visit");
    case ContactChannel::Letter: return QCoreApplication::translate("CaseTimeline", "Letter");
    case ContactChannel::Other: break;
    }
    return QCoreApplication::translate("CaseTimeline", "Other contact");
}

QString contactPartyText(ContactParty party)
{
    switch (party) {
    case ContactParty::Borrower: return QCoreApplication::translate("CaseTimeline", "the borrower");
    case ContactParty::Guarantor: return QCoreApplication::translate("CaseTimeline", "the guarantor");
    case ContactParty::ThirdParty: return QCoreApplication::translate("CaseTimeline", "a contact person");
    case ContactParty::None: break;
    }
    return QCoreApplication::translate("CaseTimeline", "nobody reached");
}

QString contactOutcomeText(ContactOutcome outcome)
{
    switch (outcome) {
    case ContactOutcome::NoAnswer: return QCoreApplication::translate("CaseTimeline", "no answer");
    case ContactOutcome::WrongNumber: return QCoreApplication::translate("CaseTimeline", "wrong number");
    case ContactOutcome::Refused: return QCoreApplication::translate("CaseTimeline", "refused");
    case ContactOutcome::Reached: return QCoreApplication::translate("CaseTimeline", "reached");
    case ContactOutcome::PromiseToPay: return QCoreApplication::translate("CaseTimeline", "promise to pay");
    case ContactOutcome::Paid: return QCoreApplication::translate("CaseTimeline", "says it is paid");
    }
    return {};
}

QString promiseStatusText(PromiseStatus status)
{
    switch (status) {
    case PromiseStatus::Kept: return QCoreApplication::translate("CaseTimeline", "Kept");
    case PromiseStatus::Broken: return QCoreApplication::translate("CaseTimeline", "Broken");
    case PromiseStatus::DueToday: return QCoreApplication::translate("CaseTimeline", "Due today");
    case PromiseStatus::Grace: return QCoreApplication::translate("CaseTimeline", "In grace days");
    case PromiseStatus::Pending: break;
    }
    return QCoreApplication::translate("CaseTimeline", "Pending");
}

QString timelineKindText(const TimelineEntry& entry)
{
    if (const auto* c = std::get_if<TimelineContact>(&entry.fact)) {
        if (c->promise) return QCoreApplication::translate("CaseTimeline", "Promise to pay");
        return c->attempt.source == "doorstep" ? QCoreApplication::translate("CaseTimeline", "Doorstep contact")
                                               : QCoreApplication::translate("CaseTimeline", "Call-centre contact");
    }
    if (std::holds_alternative<Payment>(entry.fact)) return QCoreApplication::translate("CaseTimeline", "Payment");
    if (std::holds_alternative<QueueDecision>(entry.fact))
        return QCoreApplication::translate("CaseTimeline", "Visit queue");
    return QCoreApplication::translate("CaseTimeline", "Appointment");
}

QString timelineDetailText(const TimelineEntry& entry, const std::map<std::string, std::string>& staffNames)
{
    if (const auto* c = std::get_if<TimelineContact>(&entry.fact)) {
        const ContactAttempt& a = c->attempt;
        QString text =
            QCoreApplication::translate("CaseTimeline", "%1, %2: %3")
                .arg(contactChannelText(a.channel), contactPartyText(a.reached), contactOutcomeText(a.outcome));
        if (c->promise && a.promisedDate) {
            text = QCoreApplication::translate("CaseTimeline", "%1, %2 by %3")
                       .arg(text, moneyText(a.promisedAmount.fen), toQString(formatIsoDate(*a.promisedDate)));
        }
        if (a.source == "doorstep" && !c->loggedBy.empty())
            text = QCoreApplication::translate("CaseTimeline", "%1 (logged by %2)")
                       .arg(text, nameOf(c->loggedBy, staffNames));
        if (a.source != "doorstep" && c->promise)
            text = QCoreApplication::translate("CaseTimeline", "%1 (call centre)").arg(text);
        return text;
    }
    if (const auto* p = std::get_if<Payment>(&entry.fact)) {
        return QCoreApplication::translate("CaseTimeline", "%1 paid on loan %2 (transaction %3)")
            .arg(moneyText(p->amount.fen), toQString(p->loanId), toQString(p->id));
    }
    if (const auto* d = std::get_if<QueueDecision>(&entry.fact)) {
        const QString who = nameOf(d->by, staffNames);
        switch (d->state) {
        case QueueState::Accepted:
            return QCoreApplication::translate("CaseTimeline", "%1 accepted the case for a visit").arg(who);
        case QueueState::Dismissed:
            return QCoreApplication::translate("CaseTimeline", "%1 dismissed the case from the queue: %2")
                .arg(who, dismissReasonText(d->reason));
        case QueueState::Open: break;
        }
        return QCoreApplication::translate("CaseTimeline", "%1 returned the case to the queue").arg(who);
    }
    const auto& visit = std::get<TimelineAppointment>(entry.fact);
    const Appointment& a = visit.appointment;
    QStringList staff;
    for (const auto& s : a.staff)
        staff << nameOf(s, staffNames);
    return QCoreApplication::translate("CaseTimeline", "Visit %1–%2 with %3")
        .arg(toQString(formatClockTime(a.start)), toQString(formatClockTime(ClockTime{a.endMinutes()})),
             staff.join(QCoreApplication::translate("CaseTimeline", ", ", "between names")));
}

QString timelineStatusText(const TimelineEntry& entry)
{
    if (const auto* c = std::get_if<TimelineContact>(&entry.fact))
        return c->promise ? promiseStatusText(*c->promise) : QString();
    if (const auto* v = std::get_if<TimelineAppointment>(&entry.fact))
        return messageText(appointmentStateName(v->appointment.state));
    if (const auto* d = std::get_if<QueueDecision>(&entry.fact)) return queueStateText(d->state);
    return {};
}

bool timelineNeedsAttention(const TimelineEntry& entry)
{
    if (const auto* c = std::get_if<TimelineContact>(&entry.fact)) return c->promise == PromiseStatus::Broken;
    if (const auto* v = std::get_if<TimelineAppointment>(&entry.fact))
        return v->appointment.state == AppointmentState::NotHome;
    return false;
}

}  // namespace doorstep::gui
