#pragma once
// The visit queue as a table, in score order, with a "why" column.
#include "app/screening_service.h"

#include <QAbstractTableModel>
#include <vector>

namespace doorstep::gui {

class VisitQueueModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Score, Customer, District, Dpd, BucketColumn, TotalOverdue, Officer, State, Why, ColumnCount };

    explicit VisitQueueModel(QObject* parent = nullptr);
    void setItems(std::vector<app::QueueItem> items);
    const app::QueueItem* itemAt(int row) const;
    int rowOf(std::int64_t borrowerRowId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<app::QueueItem> m_items;
};

}  // namespace doorstep::gui
