#pragma once
// Every loan of the portfolio as a table. The filter and sort keys of every loan are read once and kept
// (app::PortfolioListing), so a filter, sort or search picks and orders the loans in memory; the shown columns
// are read from the database a page at a time as the view scrolls (issue 8: under 100 ms at 100,000 loans).
// Identity numbers and phones are masked here: lists never show them whole.
#include "app/portfolio/portfolio_service.h"

#include <QAbstractTableModel>
#include <map>
#include <memory>
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
    void reload();  // the current filter and sort again, on the keys read before
    // Reads the keys again on the next reload (the data changed: an import, a recompute).
    void forgetListing() { m_listing.reset(); }
    // The keys of every loan the user may see, read now unless read before; null when they cannot be read.
    std::shared_ptr<const app::PortfolioListing> listing();

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
    std::shared_ptr<const app::PortfolioListing> m_listing;
    std::vector<std::int64_t> m_order;  // the loans of the filter in the sort's order
    std::size_t m_fetched = 0;          // how many of m_order have been read into m_rows
    std::vector<app::PortfolioRow> m_rows;
    std::map<std::string, std::string> m_staffNames;
    bool m_fetching = false;
};

}  // namespace doorstep::gui
