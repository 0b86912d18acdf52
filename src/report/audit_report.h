#pragma once
// The audit trail as a printable PDF document (for an inspection or the branch's records).
#include "domain/audit/audit_event.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace doorstep::report {

struct AuditReportInfo {
    QString branchDatabase;  // file name only
    QString generatedBy;     // the user's display name
    QString generatedAt;     // local time, as the table's times are written
    QString verification;    // the result of the chain check, in words
};

// One event as the screen shows it (gui::AuditTableModel::rowTexts: number, local time, who, action, record)
// and the start of its hash.
struct AuditReportRow {
    QStringList cells;
    QString hash;
};

// Writes the rows (oldest first) to a PDF at `path`, in the words of the screen; the time it was made in local
// time. False when the file cannot be written.
bool writeAuditReportPdf(const QString& path, const AuditReportInfo& info, const std::vector<AuditReportRow>& rows);

}  // namespace doorstep::report
