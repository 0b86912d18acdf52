#pragma once
// The Appointments page's list: one row per appointment with its date, time, customer, place, staff and
// state; sortable by any column through its sort role (dates and times sort as such, not as text).
#include "app/appointments/appointment_details.h"
#include "gui/appointments/appointment_text.h"

#include <QAbstractTableModel>
#include <vector>

namespace doorstep::gui {

class AppointmentTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Time, Duration, CaseNumber, Customer, District, Place, Staff, State, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;
    void setRows(std::vector<app::AppointmentDetail> rows, StaffNames names);
    const app::AppointmentDetail* rowAt(int row) const;
    int rowOf(std::int64_t appointmentId) const;  // -1 when not shown

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<app::AppointmentDetail> m_rows;
    StaffNames m_names;
};

}  // namespace doorstep::gui
