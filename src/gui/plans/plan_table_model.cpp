#include "gui/plans/plan_table_model.h"

#include "gui/portfolio/portfolio_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

namespace doorstep::gui {

QString proposalStateText(ProposalState state)
{
    return messageText(proposalStateLabel(state));
}

QString adherenceText(const app::ProposalRow& row)
{
    if (!row.adherence) return {};
    switch (*row.adherence) {
    case AdherenceStatus::OnTrack: return PlanTableModel::tr("On track");
    case AdherenceStatus::Late: return PlanTableModel::tr("%Ln day(s) late", nullptr, row.daysLate);
    case AdherenceStatus::Broken: return PlanTableModel::tr("Broken");
    case AdherenceStatus::Kept: return PlanTableModel::tr("Kept");
    }
    return {};
}

void PlanTableModel::setRows(std::vector<Row> rows, StaffNames names)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_names = std::move(names);
    endResetModel();
}

const PlanTableModel::Row* PlanTableModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

int PlanTableModel::rowOf(std::int64_t proposalId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].proposal.id == proposalId) return static_cast<int>(i);
    }
    return -1;
}

int PlanTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PlanTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanTableModel::data(const QModelIndex& index, int role) const
{
    const Row* r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!r) return {};
    const app::ProposalRow& p = r->proposal;
    if (role == Qt::ForegroundRole && index.column() == Adherence && p.adherence &&
        (*p.adherence == AdherenceStatus::Late || *p.adherence == AdherenceStatus::Broken))
        return Theme::errorColor();
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Number:
        case Instalments:
        case Largest:
        case TotalPaid: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Number: return QVariant::fromValue(static_cast<qlonglong>(p.id));
    case Loan: return toQString(p.loanBankId);
    case Customer: return toQString(p.borrowerName);
    case Officer: return m_names(p.owner);
    case State: return proposalStateText(p.state);
    case Type: return messageText(planKindName(r->kind));
    case Instalments: return r->figures.months;
    case Largest: return moneyText(r->figures.largestInstalment.fen);
    case TotalPaid: return moneyText(r->figures.totalPaid.fen);
    case Adherence: return adherenceText(p);
    case Updated: return timestampText(p.updatedAt).left(10);  // the local date
    default: return {};
    }
}

QVariant PlanTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Number: return tr("No.");
    case Loan: return tr("Loan");
    case Customer: return tr("Customer");
    case Officer: return tr("Officer");
    case State: return tr("State");
    case Type: return tr("Plan type");
    case Instalments: return tr("Instalments");
    case Largest: return tr("Largest instalment");
    case TotalPaid: return tr("Total paid");
    case Adherence: return tr("Adherence");
    case Updated: return tr("Updated");
    default: return {};
    }
}

}  // namespace doorstep::gui
