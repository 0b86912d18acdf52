#pragma once
// The Visits page's "visits to write up": done and not-home appointments of the current user without a note,
// newest first (VisitNoteService::visitsWithoutNote).
#include "gui/visits/visit_note_text.h"
#include "storage/appointments/appointment_repository.h"

#include <QAbstractTableModel>
#include <vector>

namespace doorstep::gui {

class VisitsToWriteModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Time, CustomerNo, District, Outcome, Staff, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setRows(std::vector<storage::AppointmentRow> rows, StaffNames names);
    const storage::AppointmentRow* rowAt(int row) const;
    int rowOf(std::int64_t appointmentId) const;  // -1 when not shown

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<storage::AppointmentRow> m_rows;
    StaffNames m_names;
};

}  // namespace doorstep::gui
