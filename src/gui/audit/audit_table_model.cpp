#include "gui/audit/audit_table_model.h"

#include "gui/shared/qt_text.h"

#include <QLocale>

namespace doorstep::gui {

AuditTableModel::AuditTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AuditTableModel::setEvents(std::vector<AuditEvent> events, app::AuditNames names)
{
    beginResetModel();
    m_events = std::move(events);
    m_names = std::move(names);
    endResetModel();
}

QStringList AuditTableModel::rowTexts(int row) const
{
    QStringList texts;
    for (int column = 0; column < ColumnCount; ++column) {
        const QVariant value = data(index(row, column), Qt::DisplayRole);
        // Numbers as the table's delegate shows them: with the locale's thousands separators.
        texts << (column == Sequence ? QLocale().toString(value.toLongLong()) : value.toString());
    }
    return texts;
}

std::vector<report::AuditReportRow> AuditTableModel::reportRows(std::vector<AuditEvent> events, app::AuditNames names)
{
    std::vector<QString> hashes;
    hashes.reserve(events.size());
    for (const AuditEvent& e : events)
        hashes.push_back(toQString(e.hash.substr(0, 16)));
    AuditTableModel words;
    words.setEvents(std::move(events), std::move(names));
    std::vector<report::AuditReportRow> rows;
    rows.reserve(hashes.size());
    for (int row = 0; row < words.rowCount(); ++row)
        rows.push_back({words.rowTexts(row), hashes[static_cast<std::size_t>(row)]});
    return rows;
}

QString AuditTableModel::whenText(const std::string& at)
{
    // Stored in UTC; shown in the branch's time (Asia/Shanghai), whatever the workstation's time zone.
    return toQString(formatUtcStampLocallyToSecond(at));
}

int AuditTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int AuditTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTableModel::actionText(const std::string& action)
{
    static const QHash<QString, const char*> names = {
        {QStringLiteral("database.create"), QT_TR_NOOP("Created the database")},
        {QStringLiteral("session.login"), QT_TR_NOOP("Logged in")},
        {QStringLiteral("session.login_failed"), QT_TR_NOOP("Failed to log in")},
        {QStringLiteral("session.lock"), QT_TR_NOOP("Locked")},
        {QStringLiteral("session.autolock"), QT_TR_NOOP("Locked after idle time")},
        {QStringLiteral("session.quit"), QT_TR_NOOP("Quit the program")},
        {QStringLiteral("user.add"), QT_TR_NOOP("Added a user")},
        {QStringLiteral("user.remove"), QT_TR_NOOP("Removed a user")},
        {QStringLiteral("user.disable"), QT_TR_NOOP("Disabled a user")},
        {QStringLiteral("user.enable"), QT_TR_NOOP("Enabled a user")},
        {QStringLiteral("user.set_role"), QT_TR_NOOP("Changed a user's role")},
        {QStringLiteral("user.reset_password"), QT_TR_NOOP("Reset a user's password")},
        {QStringLiteral("user.change_password"), QT_TR_NOOP("Changed own password")},
        {QStringLiteral("audit.verify"), QT_TR_NOOP("Verified the audit trail")},
        {QStringLiteral("audit.export"), QT_TR_NOOP("Exported the audit trail")},
        {QStringLiteral("settings.delinquency"), QT_TR_NOOP("Changed the delinquency rules")},
        {QStringLiteral("portfolio.import"), QT_TR_NOOP("Imported a core-banking extract")},
        {QStringLiteral("portfolio.recompute"), QT_TR_NOOP("Recomputed every loan as of a date")},
        {QStringLiteral("portfolio.export_cases"), QT_TR_NOOP("Exported every loan's state")},
        {QStringLiteral("case.view"), QT_TR_NOOP("Opened a case")},
        {QStringLiteral("case.flags"), QT_TR_NOOP("Changed a case's flags")},
        {QStringLiteral("screening.rules"), QT_TR_NOOP("Saved new screening rules")},
        {QStringLiteral("screening.run"), QT_TR_NOOP("Ran screening")},
        {QStringLiteral("queue.accept"), QT_TR_NOOP("Accepted a case for a visit")},
        {QStringLiteral("queue.dismiss"), QT_TR_NOOP("Dismissed a case")},
        {QStringLiteral("queue.reopen"), QT_TR_NOOP("Returned a case to the visit queue")},
        {QStringLiteral("queue.assign"), QT_TR_NOOP("Assigned a case")},
        {QStringLiteral("queue.auto_assign"), QT_TR_NOOP("Assigned cases automatically")},
        {QStringLiteral("queue.auto_assign_undo"), QT_TR_NOOP("Undid an automatic assignment")},
        {QStringLiteral("settings.appointments"), QT_TR_NOOP("Changed the contact and appointment settings")},
        {QStringLiteral("contact.log"), QT_TR_NOOP("Logged a contact")},
        {QStringLiteral("contact.exception"), QT_TR_NOOP("Made a contact as an exception to a contact rule")},
        {QStringLiteral("template.save"), QT_TR_NOOP("Saved a message template")},
        {QStringLiteral("template.remove"), QT_TR_NOOP("Removed a message template")},
        {QStringLiteral("template.phrases"), QT_TR_NOOP("Changed the tone check's phrase list")},
        {QStringLiteral("template.branch_phone"), QT_TR_NOOP("Changed the branch phone in messages")},
        {QStringLiteral("sms.outbox"), QT_TR_NOOP("Put an SMS in the outbox")},
        {QStringLiteral("sms.export"), QT_TR_NOOP("Exported the SMS outbox")},
        {QStringLiteral("appointment.book"), QT_TR_NOOP("Booked a visit")},
        {QStringLiteral("appointment.confirm"), QT_TR_NOOP("Confirmed a visit")},
        {QStringLiteral("appointment.done"), QT_TR_NOOP("Marked a visit as made")},
        {QStringLiteral("appointment.not_home"), QT_TR_NOOP("Marked a customer not at home")},
        {QStringLiteral("appointment.reschedule"), QT_TR_NOOP("Rescheduled a visit")},
        {QStringLiteral("appointment.cancel"), QT_TR_NOOP("Cancelled a visit")},
        {QStringLiteral("calendar.export"), QT_TR_NOOP("Exported visits as a calendar file")},
        {QStringLiteral("settings.plans"), QT_TR_NOOP("Changed the repayment-plan settings")},
        {QStringLiteral("plan.create"), QT_TR_NOOP("Drafted a repayment plan")},
        {QStringLiteral("plan.revise"), QT_TR_NOOP("Revised a repayment plan")},
        {QStringLiteral("plan.submit"), QT_TR_NOOP("Submitted a repayment plan")},
        {QStringLiteral("plan.auto_approve"), QT_TR_NOOP("Approved a repayment plan within the officer's authority")},
        {QStringLiteral("plan.approve"), QT_TR_NOOP("Approved a repayment plan")},
        {QStringLiteral("plan.return"), QT_TR_NOOP("Returned a repayment plan for changes")},
        {QStringLiteral("plan.accept"), QT_TR_NOOP("Recorded the customer's acceptance of a plan")},
        {QStringLiteral("plan.activate"), QT_TR_NOOP("Put a repayment plan into force")},
        {QStringLiteral("plan.kept"), QT_TR_NOOP("Marked a repayment plan kept")},
        {QStringLiteral("plan.broken"), QT_TR_NOOP("Marked a repayment plan broken")},
        {QStringLiteral("plan.withdraw"), QT_TR_NOOP("Withdrew a repayment plan")},
        {QStringLiteral("plan.print"), QT_TR_NOOP("Printed a repayment-plan letter")},
        {QStringLiteral("plan.export"), QT_TR_NOOP("Exported repayment plans for core banking")},
        {QStringLiteral("settings.visits"), QT_TR_NOOP("Changed the visit-note settings")},
        {QStringLiteral("visit_note.open"), QT_TR_NOOP("Started a visit note")},
        {QStringLiteral("visit_note.submit"), QT_TR_NOOP("Submitted a visit note for review")},
        {QStringLiteral("visit_note.addendum"), QT_TR_NOOP("Added an addendum to a visit note")},
        {QStringLiteral("visit_note.approve"), QT_TR_NOOP("Approved a visit note")},
        {QStringLiteral("visit_note.return"), QT_TR_NOOP("Returned a visit note for correction")},
        {QStringLiteral("visit_note.attachment_add"), QT_TR_NOOP("Attached a file to a visit note")},
        {QStringLiteral("visit_note.attachment_remove"), QT_TR_NOOP("Removed a file from a visit note")},
        {QStringLiteral("visit_note.print"), QT_TR_NOOP("Printed a visit report")},
        {QStringLiteral("visit_note.print_range"), QT_TR_NOOP("Printed the visit reports of a date range")},
    };
    const QString code = toQString(action);
    auto it = names.constFind(code);
    return it == names.constEnd() ? code : tr(it.value());
}

QString AuditTableModel::recordText(const std::string& type, const std::string& id, const app::AuditNames& names)
{
    // Named as people know them, where the name is known.
    if (type == "user") {
        if (id.empty()) return tr("unknown user");
        if (const auto it = names.staffByUserId.find(id); it != names.staffByUserId.end()) return toQString(it->second);
    } else if (type == "borrower") {
        if (const auto it = names.customerByRowId.find(id); it != names.customerByRowId.end())
            return tr("customer %1").arg(toQString(it->second));
    }
    // How each kind of record names itself: a row number, a date, a count, a version.
    static const QHash<QString, const char*> formats = {
        {QStringLiteral("user"), QT_TR_NOOP("user #%1")},
        {QStringLiteral("database"), QT_TR_NOOP("database #%1")},
        {QStringLiteral("audit"), QT_TR_NOOP("audit trail #%1")},
        {QStringLiteral("settings"), QT_TR_NOOP("branch settings")},
        {QStringLiteral("import"), QT_TR_NOOP("import #%1")},
        {QStringLiteral("portfolio"), QT_TR_NOOP("as of %1")},
        {QStringLiteral("borrower"), QT_TR_NOOP("customer #%1")},
        {QStringLiteral("rule_set"), QT_TR_NOOP("rule set version %1")},
        {QStringLiteral("queue"), QT_TR_NOOP("number of cases: %1")},
        {QStringLiteral("assignment_run"), QT_TR_NOOP("automatic assignment #%1")},
        {QStringLiteral("contact"), QT_TR_NOOP("contact #%1")},
        {QStringLiteral("appointment"), QT_TR_NOOP("appointment #%1")},
        {QStringLiteral("calendar"), QT_TR_NOOP("visits of %1")},
        {QStringLiteral("plan_proposal"), QT_TR_NOOP("repayment plan #%1")},
        {QStringLiteral("plans"), QT_TR_NOOP("number of plans: %1")},
        {QStringLiteral("message_template"), QT_TR_NOOP("message template #%1")},
        {QStringLiteral("tone_phrases"), QT_TR_NOOP("number of phrases: %1")},
        {QStringLiteral("sms_outbox"), QT_TR_NOOP("outbox message #%1")},
        {QStringLiteral("sms_outbox_day"), QT_TR_NOOP("SMS outbox of %1")},
        {QStringLiteral("visit_note"), QT_TR_NOOP("visit note #%1")},
        {QStringLiteral("visit_notes"), QT_TR_NOOP("number of visit notes: %1")},
    };
    const QString code = toQString(type);
    auto it = formats.constFind(code);
    const QString format = it == formats.constEnd() ? code + QStringLiteral(" #%1") : tr(it.value());
    return format.contains(QStringLiteral("%1")) ? format.arg(toQString(id)) : format;
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_events.size()) || role != Qt::DisplayRole) return {};
    const AuditEvent& e = m_events[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Sequence: return QVariant::fromValue(static_cast<qlonglong>(e.sequence));
    case When: return whenText(e.at);
    case Actor: {
        // A failed login under a name that is nobody's: the name typed is never stored (app/users/failed_logins.h).
        if (e.actor.empty()) return tr("unknown user");
        const auto it = m_names.staffByUserName.find(e.actor);
        return toQString(it != m_names.staffByUserName.end() ? it->second : e.actor);
    }
    case Action: return actionText(e.action);
    case Record: return recordText(e.recordType, e.recordId, m_names);
    default: return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Sequence: return tr("No.");
    case When: return tr("When");
    case Actor: return tr("Who");
    case Action: return tr("Action");
    case Record: return tr("Record");
    default: return {};
    }
}

}  // namespace doorstep::gui
