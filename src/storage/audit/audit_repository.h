#pragma once
// The append-only audit trail, each event chained to the one before by SHA-256.
#include "domain/audit/audit_event.h"
#include "storage/database/sqlite.h"

#include <functional>
#include <string_view>
#include <vector>

namespace doorstep::storage {

class AuditRepository final {
public:
    explicit AuditRepository(const Connection& connection) : m_db(connection) {}

    // Appends one event after the current last one and returns it with its hash.
    AuditEvent append(std::string_view at, std::string_view actor, std::string_view action, std::string_view recordType,
                      std::string_view recordId);

    std::int64_t count() const;
    // Calls `visit` for every event in sequence order without holding them all in memory.
    void forEach(const std::function<void(const AuditEvent&)>& visit) const;
    std::vector<AuditEvent> latest(int limit) const;  // newest first

private:
    const Connection& m_db;
};

// The hash of an event as the chain defines it.
std::string auditEventHash(const AuditEvent& event);

}  // namespace doorstep::storage
