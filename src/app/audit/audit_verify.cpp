#include "app/audit/audit_verify.h"

#include "app/users/session.h"
#include "storage/audit/audit_repository.h"

namespace doorstep::app {

AuditVerification verifyAuditChain(const storage::Connection& connection)
{
    AuditVerification result;
    std::string expectedPrevious = kGenesisHash;
    std::int64_t expectedSequence = 1;
    storage::AuditRepository(connection).forEach([&](const AuditEvent& event) {
        if (!result.intact) return;
        ++result.eventsChecked;
        if (event.sequence != expectedSequence) {
            result = {false, result.eventsChecked, expectedSequence, "an event is missing before this one"};
            result.brokenAt = expectedSequence;
        } else if (event.previousHash != expectedPrevious) {
            result = {false, result.eventsChecked, event.sequence, "it does not follow the event before it"};
        } else if (storage::auditEventHash(event) != event.hash) {
            result = {false, result.eventsChecked, event.sequence, "its content was changed after it was written"};
        }
        expectedPrevious = event.hash;
        expectedSequence = event.sequence + 1;
    });
    return result;
}

Result<AuditVerification> verifyAudit(Session& session)
{
    if (auto r = session.require(Permission::VerifyAudit); !r) return std::unexpected(r.error());
    auto result = verifyAuditChain(session.database().connection());
    if (result.intact) session.audit("audit.verify", "audit", std::to_string(result.eventsChecked));
    return result;
}

Result<std::vector<AuditEvent>> exportAuditTrail(Session& session)
{
    if (auto r = session.require(Permission::VerifyAudit); !r) return std::unexpected(r.error());
    std::vector<AuditEvent> events;
    storage::AuditRepository(session.database().connection()).forEach([&](const AuditEvent& e) {
        events.push_back(e);
    });
    session.audit("audit.export", "audit", std::to_string(events.size()));
    return events;
}

Result<std::vector<AuditEvent>> recentAuditEvents(Session& session, int limit)
{
    if (auto r = session.require(Permission::VerifyAudit); !r) return std::unexpected(r.error());
    return storage::AuditRepository(session.database().connection()).latest(limit);
}

}  // namespace doorstep::app
