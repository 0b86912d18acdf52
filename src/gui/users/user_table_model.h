#pragma once
// The users of the branch database as a table: user name, display name, role, state.
#include "domain/users/user.h"

#include <QAbstractTableModel>
#include <vector>

namespace doorstep::gui {

class UserTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Username, DisplayName, RoleColumn, State, ColumnCount };
    static constexpr int UserIdRole = Qt::UserRole + 1;

    explicit UserTableModel(QObject* parent = nullptr);
    void setUsers(std::vector<User> users);
    const User* userAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<User> m_users;
};

}  // namespace doorstep::gui
