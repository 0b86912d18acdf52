#include "gui/visit_queue_model.h"

#include "gui/portfolio_text.h"
#include "gui/qt_text.h"
#include "gui/screening_text.h"
#include "gui/theme.h"

#include <QColor>
#include <tuple>
#include <utility>

namespace doorstep::gui {

VisitQueueModel::VisitQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

void VisitQueueModel::setItems(std::vector<app::QueueItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

const app::QueueItem* VisitQueueModel::itemAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_items.size()) ? &m_items[static_cast<std::size_t>(row)] : nullptr;
}

QString VisitQueueModel::staffName(const std::string& username) const
{
    const auto it = m_staffNames.find(username);
    return toQString(it != m_staffNames.end() && !it->second.empty() ? it->second : username);
}

int VisitQueueModel::rowOf(std::int64_t borrowerRowId) const
{
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].borrowerRowId == borrowerRowId) return static_cast<int>(i);
    }
    return -1;
}

int VisitQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int VisitQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VisitQueueModel::data(const QModelIndex& index, int role) const
{
    const app::QueueItem* i = index.isValid() ? itemAt(index.row()) : nullptr;
    if (i == nullptr) return {};
    if (role == Qt::ForegroundRole && i->state == QueueState::Dismissed)
        return QVariant::fromValue(Theme::mutedColor());
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Score || index.column() == Dpd || index.column() == TotalOverdue))
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole && index.column() == Why) return reasonsText(i->hits);  // the whole text on hover
    if (role == SortRole) {
        switch (index.column()) {
        case Score:
        case Why: return i->score;
        case Customer: return toQString(i->borrowerId);
        case District: return toQString(i->district);
        case Dpd:
        case BucketColumn: return i->maxDpd;
        case TotalOverdue: return QVariant::fromValue<qlonglong>(i->totalOverdue.fen);
        case Officer: return staffName(i->officer);
        case State: return static_cast<int>(i->state);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Score: return i->score;
    case Customer: return QStringLiteral("%1 %2").arg(toQString(i->borrowerId), toQString(i->borrowerName));
    case District: return toQString(i->district);
    case Dpd: return i->maxDpd;
    case BucketColumn: return toQString(bucketName(i->bucket));
    case TotalOverdue: return moneyText(i->totalOverdue.fen);
    case Officer: return i->officer.empty() ? tr("(unassigned)") : staffName(i->officer);
    case State: return queueStateText(i->state);
    case Why: return reasonsText(i->hits);
    default: return {};
    }
}

QVariant VisitQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Score: return tr("Score");
    case Customer: return tr("Customer");
    case District: return tr("District");
    case Dpd: return tr("DPD");
    case BucketColumn: return tr("Bucket");
    case TotalOverdue: return tr("Total overdue");
    case Officer: return tr("Officer");
    case State: return tr("State");
    case Why: return tr("Why");
    default: return {};
    }
}

VisitQueueSortModel::VisitQueueSortModel(VisitQueueModel* source, QObject* parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setSortRole(VisitQueueModel::SortRole);
    // Chinese district names and officers in the locale's collation.
    setSortLocaleAware(true);
}

const app::QueueItem* VisitQueueSortModel::itemAt(const QModelIndex& proxyIndex) const
{
    return proxyIndex.isValid() ? m_source->itemAt(mapToSource(proxyIndex).row()) : nullptr;
}

bool VisitQueueSortModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(VisitQueueModel::SortRole);
    const QVariant b = right.data(VisitQueueModel::SortRole);
    QPartialOrdering order = QVariant::compare(a, b);
    if (a.typeId() == QMetaType::QString) {
        const int c = QString::localeAwareCompare(a.toString(), b.toString());
        order = c < 0 ? QPartialOrdering::Less : c > 0 ? QPartialOrdering::Greater : QPartialOrdering::Equivalent;
    }
    if (order == QPartialOrdering::Less) return true;
    if (order == QPartialOrdering::Greater) return false;
    // A tie: the documented queue order whichever way the column is sorted (Qt reverses lessThan for a
    // descending sort, so the tie-break is reversed here to come out the same).
    const app::QueueItem* x = m_source->itemAt(left.row());
    const app::QueueItem* y = m_source->itemAt(right.row());
    if (sortOrder() == Qt::DescendingOrder) std::swap(x, y);
    const auto key = [](const app::QueueItem* i) {
        return std::make_tuple(-i->score, -i->maxDpd, -i->totalOverdue.fen, i->borrowerId);
    };
    return key(x) < key(y);
}

}  // namespace doorstep::gui
