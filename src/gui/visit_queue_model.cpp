#include "gui/visit_queue_model.h"

#include "gui/portfolio_text.h"
#include "gui/qt_text.h"
#include "gui/screening_text.h"
#include "gui/theme.h"

#include <QColor>

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
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Score: return i->score;
    case Customer: return QStringLiteral("%1 %2").arg(toQString(i->borrowerId), toQString(i->borrowerName));
    case District: return toQString(i->district);
    case Dpd: return i->maxDpd;
    case BucketColumn: return toQString(bucketName(i->bucket));
    case TotalOverdue: return moneyText(i->totalOverdue.fen);
    case Officer: return i->officer.empty() ? tr("(unassigned)") : toQString(i->officer);
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

}  // namespace doorstep::gui
