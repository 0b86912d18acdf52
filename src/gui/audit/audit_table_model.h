#pragma once
// The newest audit events: when (local time), who (display name), what, which record (named as people know
// it: a user's display name, a customer number, 规则第 2 版). No personal data is stored in the events; the
// names are looked up for display (app/audit/audit_names.h). The PDF prints the same words (rowTexts).
#include "app/audit/audit_names.h"
#include "domain/audit/audit_event.h"
#include "report/audit_report.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace doorstep::gui {

class AuditTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Sequence, When, Actor, Action, Record, ColumnCount };

    explicit AuditTableModel(QObject* parent = nullptr);
    void setEvents(std::vector<AuditEvent> events, app::AuditNames names = {});
    // Every column's text of one row, as the table shows it (for the PDF).
    QStringList rowTexts(int row) const;
    // The PDF's rows for `events`: the table's words and the start of each event's hash.
    static std::vector<report::AuditReportRow> reportRows(std::vector<AuditEvent> events, app::AuditNames names);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // A readable name for a stable action code ("user.add" → "Added a user").
    static QString actionText(const std::string& action);
    // "李专员", "customer C0000123", "rule set version 2"; "user #3" when the name is not known.
    static QString recordText(const std::string& type, const std::string& id, const app::AuditNames& names = {});
    static QString whenText(const std::string& utc);  // the stored UTC stamp in local time

private:
    std::vector<AuditEvent> m_events;
    app::AuditNames m_names;
};

}  // namespace doorstep::gui
