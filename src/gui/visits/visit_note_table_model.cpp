#include "gui/visits/visit_note_table_model.h"

#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

namespace doorstep::gui {

void VisitNoteTableModel::setRows(std::vector<app::VisitNoteItem> rows, StaffNames names)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_names = std::move(names);
    endResetModel();
}

const app::VisitNoteItem* VisitNoteTableModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

int VisitNoteTableModel::rowOf(std::int64_t noteId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == noteId) return static_cast<int>(i);
    }
    return -1;
}

int VisitNoteTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int VisitNoteTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VisitNoteTableModel::data(const QModelIndex& index, int role) const
{
    const app::VisitNoteItem* r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!r) return {};
    // A returned note waits for its author: it stands out, its comment in the warning colour.
    if (role == Qt::BackgroundRole && r->state == NoteState::Returned) return Theme::attentionBackground();
    if (role == Qt::ForegroundRole && r->state == NoteState::Returned &&
        (index.column() == State || index.column() == Comment))
        return Theme::errorColor();
    if (role == Qt::TextAlignmentRole && index.column() == Versions) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Comment && !r->returnComment.empty())
        return toQString(r->returnComment);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case VisitDate: return toQString(formatIsoDate(r->visitDate));
    case CustomerNo: return toQString(r->borrowerBankId);
    case Customer: return toQString(r->borrowerName);
    case District: return toQString(r->district);
    case State: return noteStateText(r->state);
    case Versions: return r->versions;
    case Author: return staffText(m_names, r->author);
    case Waiting: return r->lastVersionAt.empty() ? QString() : timestampText(r->lastVersionAt);
    case Comment: return r->state == NoteState::Returned ? toQString(r->returnComment).simplified() : QString();
    default: return {};
    }
}

QVariant VisitNoteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case VisitDate: return tr("Visit date");
    case CustomerNo: return tr("Customer no.");
    case Customer: return tr("Customer");
    case District: return tr("District");
    case State: return tr("State");
    case Versions: return tr("Versions");
    case Author: return tr("Written by");
    case Waiting: return tr("Submitted");
    case Comment: return tr("Supervisor's comment");
    default: return {};
    }
}

}  // namespace doorstep::gui
