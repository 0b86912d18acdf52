#include "gui/contacts/reminder_table_model.h"

#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

#include <QColor>
#include <QStringList>

namespace doorstep::gui {

void ReminderTableModel::setReminders(std::vector<app::Reminder> reminders)
{
    beginResetModel();
    m_rows = std::move(reminders);
    endResetModel();
}

const app::Reminder* ReminderTableModel::reminderAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int ReminderTableModel::rowOfAppointment(std::int64_t appointmentId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].appointment.id == appointmentId) return static_cast<int>(i);
    }
    return -1;
}

int ReminderTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReminderTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReminderTableModel::data(const QModelIndex& index, int role) const
{
    const app::Reminder* r = index.isValid() ? reminderAt(index.row()) : nullptr;
    if (r == nullptr) return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time: return toQString(formatClockTime(r->appointment.appointment.start));
        case Customer:
            return QStringLiteral("%1 %2").arg(toQString(r->appointment.appointment.caseId), toQString(r->customer));
        case Number: return toQString(r->numberMasked);
        case Staff: {
            QStringList staff;
            for (const auto& s : r->staff)
                staff << toQString(s);
            return staff.join(QStringLiteral("、"));
        }
        case Message: return r->problem ? errorText(*r->problem) : toQString(r->text);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Message && r->problem) return Theme::errorColor();
    return {};
}

QVariant ReminderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Time: return tr("Time");
    case Customer: return tr("Customer");
    case Number: return tr("Number");
    case Staff: return tr("Visiting staff");
    case Message: return tr("Message");
    default: return {};
    }
}

}  // namespace doorstep::gui
