#pragma once
// The visit queue as a table, in score order, with a "why" column. The page reads the whole queue once (after
// each change) and shows the entries its filters pick, without reading it again (issue 8: a filter or sort
// answers in under 100 ms at 100,000 loans); the sort model compares keys made once per column.
#include "app/screening/screening_service.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace doorstep::gui {

class VisitQueueModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Score, Customer, District, Dpd, BucketColumn, TotalOverdue, Officer, State, Why, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit VisitQueueModel(QObject* parent = nullptr);
    void setItems(std::vector<app::QueueItem> items);  // shows them all
    // Shows the entries of `all` at the positions `shown`, in that order; `all` is kept, not copied.
    void setItems(std::shared_ptr<const std::vector<app::QueueItem>> all, std::vector<std::uint32_t> shown);
    // The value that the column sorts by, as a number: the column's own number, or the rank of its text in the
    // locale's collation (QString::localeAwareCompare). Made for every entry on the column's first sort.
    std::int64_t sortKey(int column, int row) const;
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
    std::vector<std::int64_t> makeKeys(int column) const;

    std::shared_ptr<const std::vector<app::QueueItem>> m_all = std::make_shared<std::vector<app::QueueItem>>();
    std::vector<std::uint32_t> m_shown;  // positions in m_all, one per row
    std::map<std::string, std::string> m_staffNames;
    mutable std::array<std::vector<std::int64_t>, ColumnCount> m_keys;  // per column, by position in m_all
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
