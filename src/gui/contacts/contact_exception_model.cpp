#include "gui/contacts/contact_exception_model.h"

#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"

namespace doorstep::gui {

void ContactExceptionModel::setRows(std::vector<app::ContactItem> rows, StaffNames names)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_names = std::move(names);
    endResetModel();
}

int ContactExceptionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ContactExceptionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactExceptionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size())) return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    const app::ContactItem& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case When:
        return QStringLiteral("%1 %2").arg(toQString(formatIsoDate(r.date)),
                                           toQString(formatClockTime(ClockTime{r.minuteOfDay})));
    case Case: return toQString(r.borrowerBankId);
    case LoggedBy: return m_names(r.loggedBy);
    case Rule: return r.exceptionRule ? messageText(contactRuleName(*r.exceptionRule)) : QString();
    case Reason: return toQString(r.exceptionReason);
    default: return {};
    }
}

QVariant ContactExceptionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case When: return tr("When");
    case Case: return tr("Customer no.");
    case LoggedBy: return tr("Logged by");
    case Rule: return tr("Rule set aside");
    case Reason: return tr("Reason");
    default: return {};
    }
}

}  // namespace doorstep::gui
