#include "gui/portfolio/portfolio_model.h"

#include "domain/messages/message.h"
#include "domain/shared/masking.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"

#include <QColor>
#include <QScopeGuard>
#include <algorithm>

namespace doorstep::gui {
namespace {

app::PortfolioSort sortFor(int column)
{
    switch (column) {
    case PortfolioModel::LoanNo: return app::PortfolioSort::LoanId;
    case PortfolioModel::Borrower: return app::PortfolioSort::Borrower;
    case PortfolioModel::District: return app::PortfolioSort::District;
    case PortfolioModel::ProductColumn: return app::PortfolioSort::Product;
    case PortfolioModel::Officer: return app::PortfolioSort::Officer;
    case PortfolioModel::Bucket: return app::PortfolioSort::Bucket;
    case PortfolioModel::RiskClass: return app::PortfolioSort::RiskClass;
    case PortfolioModel::OverduePrincipal: return app::PortfolioSort::OverduePrincipal;
    case PortfolioModel::TotalOverdue: return app::PortfolioSort::TotalOverdue;
    default: return app::PortfolioSort::Dpd;
    }
}

}  // namespace

PortfolioModel::PortfolioModel(app::Session& session, QObject* parent) : QAbstractTableModel(parent), m_session(session)
{}

void PortfolioModel::setFilter(const app::PortfolioFilter& filter)
{
    m_filter = filter;
    reload();
}

void PortfolioModel::reload()
{
    // Empty first: a view may ask for more rows while the reset is announced, and must get none.
    beginResetModel();
    m_rows.clear();
    m_order.clear();
    m_fetched = 0;
    m_total = 0;
    endResetModel();
    if (!listing()) {
        Q_EMIT totalChanged(0);
        return;
    }
    m_order = m_listing->select(m_filter, m_sort, m_ascending);
    m_total = static_cast<std::int64_t>(m_order.size());
    Q_EMIT totalChanged(m_total);
    if (m_total > 0) fetchMore({});
}

std::shared_ptr<const app::PortfolioListing> PortfolioModel::listing()
{
    if (!m_listing) {
        auto read = app::PortfolioService(m_session).listing();
        if (!read) {
            Q_EMIT failed(errorText(read.error()));
            return nullptr;
        }
        m_listing = std::move(*read);
    }
    return m_listing;
}

int PortfolioModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PortfolioModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool PortfolioModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_fetched < m_order.size();
}

void PortfolioModel::fetchMore(const QModelIndex& parent)
{
    // A view or a model tester reacting to the insertion below may ask for more before the rows are in:
    // the same page would be fetched twice.
    if (m_fetching || !canFetchMore(parent)) return;
    m_fetching = true;
    const auto done = qScopeGuard([this] { m_fetching = false; });
    const auto from = m_order.begin() + static_cast<std::ptrdiff_t>(m_fetched);
    const std::size_t count = std::min<std::size_t>(kPageSize, m_order.size() - m_fetched);
    const std::vector<std::int64_t> ids(from, from + static_cast<std::ptrdiff_t>(count));
    auto page = app::PortfolioService(m_session).rows(ids);
    if (!page) {
        Q_EMIT failed(errorText(page.error()));
        m_fetched = m_order.size();  // stop asking
        return;
    }
    m_fetched += count;
    if (page->empty()) return;  // gone since the keys were read; the next page may still have some
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    for (auto& row : *page)
        m_rows.push_back(std::move(row));
    endInsertRows();
}

QString PortfolioModel::staffName(const std::string& username) const
{
    const auto it = m_staffNames.find(username);
    return toQString(it != m_staffNames.end() && !it->second.empty() ? it->second : username);
}

bool PortfolioModel::isSortable(int column)
{
    // Masked columns would give away the order of what they hide: they offer no sort.
    return column != IdNumber && column != Phone;
}

void PortfolioModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column)) return;
    m_sort = sortFor(column);
    m_ascending = order == Qt::AscendingOrder;
    reload();
}

QVariant PortfolioModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size())) return {};
    const app::PortfolioRow& r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == BorrowerRowIdRole) return QVariant::fromValue(static_cast<qlonglong>(r.borrowerRowId));
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Dpd:
        case OverduePrincipal:
        case TotalOverdue: return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default: return {};
        }
    }
    // A loan that left the book (found by a search or listed as such) shows its last figures, greyed.
    if (r.leftBookAfter && role == Qt::ForegroundRole) return QColor(Qt::gray);
    if (r.leftBookAfter && role == Qt::ToolTipRole) return leftBookText(*r.leftBookAfter);
    // The days as a number for whoever compares them (the list is sorted by the listing, not by this role).
    if (role == Qt::EditRole && index.column() == Dpd) return r.dpd;
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case LoanNo: return toQString(r.loanId);
    case Borrower: return toQString(r.borrowerName);
    case IdNumber: return toQString(maskIdNumber(r.idNumber));
    case Phone: return toQString(maskPhone(r.phone));
    case District: return toQString(r.district);
    case ProductColumn: return productText(r.product);
    case Officer: return staffName(r.officer);
    case Dpd: return toQString(groupThousands(r.dpd));  // 1,088
    case Bucket: return toQString(r.bucket);
    case RiskClass: return riskClassText(r.riskClass);
    case OverduePrincipal: return moneyText(r.overduePrincipal.fen);
    case TotalOverdue: return moneyText(r.totalOverdue.fen);
    default: return {};
    }
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case LoanNo: return tr("Loan no.");
    case Borrower: return tr("Borrower");
    case IdNumber: return tr("ID number");
    case Phone: return tr("Phone");
    case District: return tr("District");
    case ProductColumn: return tr("Product");
    case Officer: return tr("Officer");
    case Dpd: return tr("DPD");
    case Bucket: return tr("Bucket");
    case RiskClass: return tr("Class");
    case OverduePrincipal: return tr("Overdue principal");
    case TotalOverdue: return tr("Total overdue");
    default: return {};
    }
}

}  // namespace doorstep::gui
