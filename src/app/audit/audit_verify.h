#pragma once
// Checks the audit trail's hash chain and says where it breaks.
#include "domain/audit/audit_event.h"
#include "domain/messages/error.h"
#include "storage/database/sqlite.h"

#include <cstdint>
#include <string>
#include <vector>

namespace doorstep::app {

class Session;

struct AuditVerification {
    bool intact = true;
    std::int64_t eventsChecked = 0;
    std::int64_t brokenAt = 0;  // sequence of the first bad event, 0 when intact
    std::string problem;        // what is wrong there, for people
};

AuditVerification verifyAuditChain(const storage::Connection& connection);
// With the role check (administrator or supervisor) and an audit event for the check itself.
Result<AuditVerification> verifyAudit(Session& session);
// The whole trail, oldest first, for an export; the export itself is audited.
Result<std::vector<AuditEvent>> exportAuditTrail(Session& session);
// The newest events, newest first, for the administration page.
Result<std::vector<AuditEvent>> recentAuditEvents(Session& session, int limit);

}  // namespace doorstep::app
