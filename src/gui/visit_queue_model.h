#pragma once
// The visit queue as a table, in score order, with a "why" column.
#include "app/screening_service.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <map>
#include <string>
#include <vector>

namespace doorstep::gui {

class VisitQueueModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Score, Customer, District, Dpd, BucketColumn, TotalOverdue, Officer, State, Why, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit VisitQueueModel(QObject* parent = nullptr);
    void setItems(std::vector<app::QueueItem> items);
    // Display names of staff by user name: people read 李专员, not officer1.
    void setStaffNames(std::map<std::string, std::string> names) { m_staffNames = std::move(names); }
    QString staffName(const std::string& username) const;
    const app::QueueItem* itemAt(int row) const;
    int rowOf(std::int64_t borrowerRowId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<app::QueueItem> m_items;
    std::map<std::string, std::string> m_staffNames;
};

// Sorts the queue by any column; ties keep the queue's documented order: score, then days past due, then
// total overdue (each highest first), then the customer number.
class VisitQueueSortModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit VisitQueueSortModel(VisitQueueModel* source, QObject* parent = nullptr);
    const app::QueueItem* itemAt(const QModelIndex& proxyIndex) const;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    VisitQueueModel* m_source;
};

}  // namespace doorstep::gui
