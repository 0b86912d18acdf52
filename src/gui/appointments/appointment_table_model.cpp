#include "gui/appointments/appointment_table_model.h"

#include "gui/shared/qt_text.h"

namespace doorstep::gui {

void AppointmentTableModel::setRows(std::vector<app::AppointmentDetail> rows, StaffNames names)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_names = std::move(names);
    endResetModel();
}

const app::AppointmentDetail* AppointmentTableModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

int AppointmentTableModel::rowOf(std::int64_t appointmentId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].item.id == appointmentId) return static_cast<int>(i);
    }
    return -1;
}

int AppointmentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AppointmentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppointmentTableModel::data(const QModelIndex& index, int role) const
{
    const app::AppointmentDetail* r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (r == nullptr) return {};
    const Appointment& a = r->item.appointment;
    if (role == Qt::BackgroundRole && index.column() == State) return appointmentColor(a.state);
    if (role == Qt::TextAlignmentRole && index.column() == Duration) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        const QString when = toQString(formatIsoDate(a.date)) + clockText(a.start.minutes);
        switch (index.column()) {
        case Date:
        case Time: return when;
        case Duration: return a.durationMinutes;
        case State: return static_cast<int>(a.state);
        default: return QString(data(index, Qt::DisplayRole).toString() + when);  // ties in time order
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Date: return toQString(formatIsoDate(a.date));
    case Time: return QString(clockText(a.start.minutes) + QStringLiteral("–") + clockText(a.endMinutes()));
    case Duration: return tr("%1 min").arg(a.durationMinutes);
    case CaseNumber: return toQString(a.caseId);
    case Customer: return toQString(r->customerName);
    case District: return toQString(r->item.district);
    case Place: return r->address.empty() ? placeKindText(a.place) : toQString(r->address);
    case Staff: {
        QStringList names;
        for (const std::string& s : a.staff)
            names << m_names(s);
        return names.join(tr(", "));
    }
    case State: return appointmentStateText(a.state);
    default: return {};
    }
}

QVariant AppointmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Date: return tr("Date");
    case Time: return tr("Time");
    case Duration: return tr("Duration");
    case CaseNumber: return tr("Customer no.");
    case Customer: return tr("Customer");
    case District: return tr("District");
    case Place: return tr("Place");
    case Staff: return tr("Visiting staff");
    case State: return tr("State");
    default: return {};
    }
}

}  // namespace doorstep::gui
