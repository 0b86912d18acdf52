#pragma once
// One event of the append-only audit trail: who, when, which action, which record.
// It never holds a personal datum: records are named by type and id only.
#include <cstdint>
#include <string>

namespace doorstep {

struct AuditEvent {
    std::int64_t sequence = 0;  // 1, 2, 3 … with no gaps
    std::string at;             // UTC, ISO 8601 to the second, e.g. 2026-11-29T05:04:32Z
    std::string actor;          // user name of who acted ("" for the system)
    std::string action;         // stable verb, e.g. "user.add", "session.login"
    std::string recordType;     // e.g. "user"
    std::string recordId;       // e.g. "7"
    std::string previousHash;   // hex SHA-256 of the event before; 64 zeros for the first
    std::string hash;           // hex SHA-256 of previousHash and canonicalAuditText()
};

inline const std::string kGenesisHash(64, '0');

// The exact bytes the chain hash covers, besides the previous hash. Fields are length-prefixed so no
// choice of values can make two different events read the same.
std::string canonicalAuditText(const AuditEvent& event);

}  // namespace doorstep
