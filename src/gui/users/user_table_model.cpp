#include "gui/users/user_table_model.h"

#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

#include <QColor>

namespace doorstep::gui {

UserTableModel::UserTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void UserTableModel::setUsers(std::vector<User> users)
{
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
}

const User* UserTableModel::userAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_users.size()) ? &m_users[static_cast<std::size_t>(row)] : nullptr;
}

int UserTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

int UserTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserTableModel::data(const QModelIndex& index, int role) const
{
    const User* user = index.isValid() ? userAt(index.row()) : nullptr;
    if (user == nullptr) return {};
    if (role == UserIdRole) return QVariant::fromValue(static_cast<qlonglong>(user->id));
    if (role == Qt::ForegroundRole && user->disabled) return QVariant::fromValue(Theme::mutedColor());
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Username: return toQString(user->username);
    case DisplayName: return toQString(user->displayName);
    case RoleColumn: return roleText(user->role);
    case State: return user->disabled ? tr("Disabled") : tr("Active");
    default: return {};
    }
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Username: return tr("User name");
    case DisplayName: return tr("Display name");
    case RoleColumn: return tr("Role");
    case State: return tr("State");
    default: return {};
    }
}

}  // namespace doorstep::gui
