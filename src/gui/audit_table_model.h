#pragma once
// The newest audit events: when, who, what, which record. No personal data is in them.
#include "domain/audit_event.h"

#include <QAbstractTableModel>
#include <vector>

namespace doorstep::gui {

class AuditTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Sequence, When, Actor, Action, Record, ColumnCount };

    explicit AuditTableModel(QObject* parent = nullptr);
    void setEvents(std::vector<AuditEvent> events);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // A readable name for a stable action code ("user.add" → "Added a user").
    static QString actionText(const std::string& action);
    static QString recordText(const std::string& type, const std::string& id);  // "user #3", "as of 2026-11-30"

private:
    std::vector<AuditEvent> m_events;
};

}  // namespace doorstep::gui
