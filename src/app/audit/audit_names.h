#pragma once
// How the audit trail names its people and records for a reader (issue 8): staff by display name, customers
// by their customer number. The events themselves keep user names and row ids (stable, no personal data);
// these names are looked up when the trail is shown or printed.
#include "app/users/session.h"
#include "domain/audit/audit_event.h"
#include "domain/messages/error.h"

#include <map>
#include <span>
#include <string>

namespace doorstep::app {

struct AuditNames {
    std::map<std::string, std::string> staffByUserName;  // display names
    std::map<std::string, std::string> staffByUserId;    // the "user" record id (users.id) → display name
    std::map<std::string, std::string> customerByRowId;  // the "borrower" record id → customer number
};

// The names of the people and customers `events` refer to (administrators and supervisors, as the trail).
Result<AuditNames> auditNames(Session& session, std::span<const AuditEvent> events);

}  // namespace doorstep::app
