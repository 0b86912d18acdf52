#include "domain/audit/audit_event.h"

#include <fmt/core.h>

namespace doorstep {

std::string canonicalAuditText(const AuditEvent& event)
{
    std::string out = fmt::format("doorstep-audit-v1|{}|", event.sequence);
    for (const std::string* field : {&event.at, &event.actor, &event.action, &event.recordType, &event.recordId}) {
        out += fmt::format("{}:{}|", field->size(), *field);
    }
    return out;
}

}  // namespace doorstep
