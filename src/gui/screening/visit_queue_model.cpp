#include "gui/screening/visit_queue_model.h"

#include "domain/messages/message.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/screening/screening_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

#include <QCollator>
#include <QColor>
#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

namespace doorstep::gui {

VisitQueueModel::VisitQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

void VisitQueueModel::setItems(std::vector<app::QueueItem> items)
{
    std::vector<std::uint32_t> shown(items.size());
    std::iota(shown.begin(), shown.end(), 0U);
    setItems(std::make_shared<const std::vector<app::QueueItem>>(std::move(items)), std::move(shown));
}

void VisitQueueModel::setItems(std::shared_ptr<const std::vector<app::QueueItem>> all, std::vector<std::uint32_t> shown)
{
    beginResetModel();
    if (all != m_all) {
        for (auto& keys : m_keys)
            keys.clear();
    }
    m_all = std::move(all);
    m_shown = std::move(shown);
    endResetModel();
}

const app::QueueItem* VisitQueueModel::itemAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_shown.size()) ? &(*m_all)[m_shown[static_cast<std::size_t>(row)]]
                                                              : nullptr;
}

std::vector<std::int64_t> VisitQueueModel::makeKeys(int column) const
{
    const std::vector<app::QueueItem>& all = *m_all;
    std::vector<std::int64_t> keys(all.size());
    const auto texts = [&](auto text) {
        // Ranks in the collation that QString::localeAwareCompare uses (the default locale's), through sort keys:
        // a key per entry instead of a collation per comparison. Equal texts share a rank.
        const QCollator collator;
        std::vector<QCollatorSortKey> sortKeys;
        sortKeys.reserve(all.size());
        for (const app::QueueItem& i : all)
            sortKeys.push_back(collator.sortKey(text(i)));
        std::vector<std::uint32_t> order(all.size());
        std::iota(order.begin(), order.end(), 0U);
        std::ranges::sort(order,
                          [&](std::uint32_t a, std::uint32_t b) { return sortKeys[a].compare(sortKeys[b]) < 0; });
        std::int64_t rank = -1;
        for (std::size_t n = 0; n < order.size(); ++n) {
            if (n == 0 || sortKeys[order[n - 1]].compare(sortKeys[order[n]]) != 0) ++rank;
            keys[order[n]] = rank;
        }
    };
    switch (column) {
    case Customer: texts([](const app::QueueItem& i) { return toQString(i.borrowerId); }); break;
    case District: texts([](const app::QueueItem& i) { return toQString(i.district); }); break;
    case Officer: texts([this](const app::QueueItem& i) { return staffName(i.officer); }); break;
    default:
        for (std::size_t n = 0; n < all.size(); ++n) {
            const app::QueueItem& i = all[n];
            switch (column) {
            case Dpd:
            case BucketColumn: keys[n] = i.maxDpd; break;
            case TotalOverdue: keys[n] = i.totalOverdue.fen; break;
            case State: keys[n] = static_cast<int>(i.state); break;
            default: keys[n] = i.score; break;  // the score, and the reasons behind it
            }
        }
    }
    return keys;
}

std::int64_t VisitQueueModel::sortKey(int column, int row) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || row >= static_cast<int>(m_shown.size())) return 0;
    auto& keys = m_keys[static_cast<std::size_t>(column)];
    if (keys.size() != m_all->size()) keys = makeKeys(column);
    return keys[m_shown[static_cast<std::size_t>(row)]];
}

QString VisitQueueModel::staffName(const std::string& username) const
{
    const auto it = m_staffNames.find(username);
    return toQString(it != m_staffNames.end() && !it->second.empty() ? it->second : username);
}

int VisitQueueModel::rowOf(std::int64_t borrowerRowId) const
{
    for (std::size_t row = 0; row < m_shown.size(); ++row) {
        if ((*m_all)[m_shown[row]].borrowerRowId == borrowerRowId) return static_cast<int>(row);
    }
    return -1;
}

int VisitQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
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
    case Dpd: return toQString(groupThousands(i->maxDpd));  // 1,029; sorted by SortRole's number
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
    // The keys order as SortRole's values do under QVariant::compare and QString::localeAwareCompare.
    const std::int64_t a = m_source->sortKey(left.column(), left.row());
    const std::int64_t b = m_source->sortKey(right.column(), right.row());
    if (a != b) return a < b;
    // A tie: the documented queue order whichever way the column is sorted (Qt reverses lessThan for a
    // descending sort, so the tie-break is reversed here to come out the same).
    const app::QueueItem* x = m_source->itemAt(left.row());
    const app::QueueItem* y = m_source->itemAt(right.row());
    if (sortOrder() == Qt::DescendingOrder) std::swap(x, y);
    const auto key = [](const app::QueueItem* i) {
        return std::make_tuple(-i->score, -i->maxDpd, -i->totalOverdue.fen, std::string_view(i->borrowerId));
    };
    return key(x) < key(y);
}

}  // namespace doorstep::gui
