#pragma once
// Visit notes as listed on the Visits page (the officer's own, returned ones first and highlighted with the
// supervisor's comment) and the Review page (submitted notes, the longest waiting first): one row each, in
// the order the service gives.
#include "app/visits/visit_note_service.h"
#include "gui/visits/visit_note_text.h"

#include <QAbstractTableModel>
#include <vector>

namespace doorstep::gui {

class VisitNoteTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { VisitDate, CustomerNo, Customer, District, State, Versions, Author, Waiting, Comment, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setRows(std::vector<app::VisitNoteItem> rows, StaffNames names);
    const app::VisitNoteItem* rowAt(int row) const;
    int rowOf(std::int64_t noteId) const;  // -1 when not shown

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<app::VisitNoteItem> m_rows;
    StaffNames m_names;
};

}  // namespace doorstep::gui
