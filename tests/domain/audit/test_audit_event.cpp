#include "domain/audit/audit_event.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

namespace {

AuditEvent event(std::string actor, std::string action)
{
    return AuditEvent{7, "2026-11-29T05:04:32Z", std::move(actor), std::move(action), "user", "3", kGenesisHash, {}};
}

}  // namespace

TEST_CASE("the genesis hash is 64 zeros", "[audit_event]")
{
    CHECK(kGenesisHash == std::string(64, '0'));
}

TEST_CASE("canonical audit text is versioned and length-prefixed", "[audit_event]")
{
    CHECK(canonicalAuditText(event("admin", "user.add")) ==
          "doorstep-audit-v1|7|20:2026-11-29T05:04:32Z|5:admin|8:user.add|4:user|1:3|");
}

TEST_CASE("no choice of field values makes two different events read the same", "[audit_event]")
{
    // Without length prefixes, moving a separator between two fields would give the same text.
    CHECK(canonicalAuditText(event("ad|", "min")) != canonicalAuditText(event("ad", "|min")));
    CHECK(canonicalAuditText(event("a", "b")) != canonicalAuditText(event("", "ab")));
    AuditEvent later = event("a", "b");
    later.sequence = 8;
    CHECK(canonicalAuditText(later) != canonicalAuditText(event("a", "b")));
}

TEST_CASE("the hashes are not part of the canonical text", "[audit_event]")
{
    // The chain hash covers the previous hash separately; the event's own hash cannot cover itself.
    AuditEvent a = event("a", "b");
    AuditEvent b = a;
    b.hash = "ff";
    b.previousHash = "ee";
    CHECK(canonicalAuditText(a) == canonicalAuditText(b));
}
