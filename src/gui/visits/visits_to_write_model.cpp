#include "gui/visits/visits_to_write_model.h"

#include "domain/shared/clock_time.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"

namespace doorstep::gui {

void VisitsToWriteModel::setRows(std::vector<storage::AppointmentRow> rows, StaffNames names)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_names = std::move(names);
    endResetModel();
}

const storage::AppointmentRow* VisitsToWriteModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

int VisitsToWriteModel::rowOf(std::int64_t appointmentId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == appointmentId) return static_cast<int>(i);
    }
    return -1;
}

int VisitsToWriteModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int VisitsToWriteModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VisitsToWriteModel::data(const QModelIndex& index, int role) const
{
    const storage::AppointmentRow* r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!r || role != Qt::DisplayRole) return {};
    const Appointment& a = r->appointment;
    switch (index.column()) {
    case Date: return toQString(formatIsoDate(a.date));
    case Time: return toQString(formatClockTime(a.start));
    case CustomerNo: return toQString(a.caseId);
    case District: return toQString(r->district);
    case Outcome: return messageText(appointmentStateName(a.state));
    case Staff: {
        QStringList staff;
        for (const auto& s : a.staff)
            staff << staffText(m_names, s);
        return staff.join(tr(", "));
    }
    default: return {};
    }
}

QVariant VisitsToWriteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Date: return tr("Visit date");
    case Time: return tr("Time");
    case CustomerNo: return tr("Customer no.");
    case District: return tr("District");
    case Outcome: return tr("Outcome");
    case Staff: return tr("Visiting staff");
    default: return {};
    }
}

}  // namespace doorstep::gui
