#pragma once
// Every loan of the portfolio as a table, fetched from the database a page at a time as the view
// scrolls, filtered and sorted by the database (100,000 loans stay smooth). Identity numbers and
// phones are masked here: lists never show them whole.
#include "app/portfolio_service.h"

#include <QAbstractTableModel>
#include <map>
#include <string>
#include <vector>

namespace doorstep::gui {

class PortfolioModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LoanNo,
        Borrower,
        IdNumber,
        Phone,
        District,
        ProductColumn,
        Officer,
        Dpd,
        Bucket,
        RiskClass,
        OverduePrincipal,
        TotalOverdue,
        ColumnCount
    };
    static constexpr int BorrowerRowIdRole = Qt::UserRole + 1;
    static constexpr int kPageSize = 200;

    explicit PortfolioModel(app::Session& session, QObject* parent = nullptr);

    void setFilter(const app::PortfolioFilter& filter);
    const app::PortfolioFilter& filter() const { return m_filter; }
    std::int64_t totalCount() const { return m_total; }
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;  // by the column's own value, in the database
    static bool isSortable(int column);
    // Display names of staff by user name, for the officer column.
    void setStaffNames(std::map<std::string, std::string> names) { m_staffNames = std::move(names); }
    QString staffName(const std::string& username) const;

Q_SIGNALS:
    void totalChanged(qint64 total);
    void failed(const QString& message);

private:
    app::Session& m_session;
    app::PortfolioFilter m_filter;
    app::PortfolioSort m_sort = app::PortfolioSort::Dpd;
    bool m_ascending = false;
    std::int64_t m_total = 0;
    std::vector<app::PortfolioRow> m_rows;
    std::map<std::string, std::string> m_staffNames;
    bool m_fetching = false;
};

}  // namespace doorstep::gui
