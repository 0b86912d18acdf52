#pragma once
// The audit trail as a printable PDF document (for an inspection or the branch's records).
#include "domain/audit_event.h"

#include <QString>
#include <vector>

namespace doorstep::report {

struct AuditReportInfo {
    QString branchDatabase;  // file name only
    QString generatedBy;     // user name
    QString verification;    // the result of the chain check, in words
};

// Writes `events` (oldest first) to a PDF at `path`. False when the file cannot be written.
bool writeAuditReportPdf(const QString& path, const AuditReportInfo& info, const std::vector<AuditEvent>& events);

}  // namespace doorstep::report
