#pragma once
// The contact-rule exceptions for supervisors (issue 10), newest first: when, the case, who logged it, the rule
// set aside and the reason given. Read-only.
#include "app/contacts/contact_service.h"
#include "gui/shared/staff_names.h"

#include <QAbstractTableModel>
#include <vector>

namespace doorstep::gui {

class ContactExceptionModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Case, LoggedBy, Rule, Reason, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setRows(std::vector<app::ContactItem> rows, StaffNames names = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<app::ContactItem> m_rows;
    StaffNames m_names;  // who logged it, by display name
};

}  // namespace doorstep::gui
