#include "storage/audit/audit_repository.h"

#include "storage/database/crypto.h"

namespace doorstep::storage {
namespace {

constexpr std::string_view kSelect =
    "SELECT sequence, at, actor, action, record_type, record_id, previous_hash, hash FROM audit_event ";

AuditEvent readEvent(const Statement& s)
{
    return AuditEvent{s.columnInt(0),  s.columnText(1), s.columnText(2), s.columnText(3),
                      s.columnText(4), s.columnText(5), s.columnText(6), s.columnText(7)};
}

}  // namespace

std::string auditEventHash(const AuditEvent& event)
{
    return sha256Hex(event.previousHash + canonicalAuditText(event));
}

AuditEvent AuditRepository::append(std::string_view at, std::string_view actor, std::string_view action,
                                   std::string_view recordType, std::string_view recordId)
{
    AuditEvent event{0,
                     std::string(at),
                     std::string(actor),
                     std::string(action),
                     std::string(recordType),
                     std::string(recordId),
                     kGenesisHash,
                     {}};
    auto last = m_db.prepare("SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1");
    if (last.step()) {
        event.sequence = last.columnInt(0) + 1;
        event.previousHash = last.columnText(1);
    } else {
        event.sequence = 1;
    }
    event.hash = auditEventHash(event);
    m_db.prepare("INSERT INTO audit_event (sequence, at, actor, action, record_type, record_id, previous_hash, hash) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, event.sequence)
        .bind(2, event.at)
        .bind(3, event.actor)
        .bind(4, event.action)
        .bind(5, event.recordType)
        .bind(6, event.recordId)
        .bind(7, event.previousHash)
        .bind(8, event.hash)
        .run();
    return event;
}

std::int64_t AuditRepository::count() const
{
    auto stmt = m_db.prepare("SELECT count(*) FROM audit_event");
    stmt.step();
    return stmt.columnInt(0);
}

void AuditRepository::forEach(const std::function<void(const AuditEvent&)>& visit) const
{
    auto stmt = m_db.prepare(std::string(kSelect) + "ORDER BY sequence");
    while (stmt.step())
        visit(readEvent(stmt));
}

std::vector<AuditEvent> AuditRepository::latest(int limit) const
{
    auto stmt = m_db.prepare(std::string(kSelect) + "ORDER BY sequence DESC LIMIT ?");
    stmt.bind(1, std::int64_t{limit});
    std::vector<AuditEvent> out;
    while (stmt.step())
        out.push_back(readEvent(stmt));
    return out;
}

}  // namespace doorstep::storage
