#include "storage/audit/audit_repository.h"

#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace doorstep;
using namespace doorstep::storage;

namespace {

struct Fixture {
    test::TempDir dir;
    Connection db = test::migratedDatabase(dir / "x.db");
    AuditRepository audit{db};
};

}  // namespace

TEST_CASE("appended events are numbered from 1 and chained by hash", "[audit_repository]")
{
    Fixture f;
    CHECK(f.audit.count() == 0);
    const AuditEvent first = f.audit.append("2026-11-29T05:04:32Z", "admin", "user.add", "user", "2");
    const AuditEvent second = f.audit.append("2026-11-29T05:04:33Z", "admin", "session.lock", "user", "1");
    CHECK(first.sequence == 1);
    CHECK(first.previousHash == kGenesisHash);
    CHECK(first.hash == sha256Hex(kGenesisHash + canonicalAuditText(first)));
    CHECK(first.hash == auditEventHash(first));
    CHECK(second.sequence == 2);
    CHECK(second.previousHash == first.hash);
    CHECK(second.hash == auditEventHash(second));
    CHECK(second.hash != first.hash);
    CHECK(f.audit.count() == 2);
}

TEST_CASE("events read back as written, oldest first or newest first", "[audit_repository]")
{
    Fixture f;
    std::vector<AuditEvent> written;
    for (int i = 1; i <= 5; ++i)
        written.push_back(f.audit.append("2026-11-29T05:04:3" + std::to_string(i) + "Z", "admin", "user.add", "user",
                                         std::to_string(i)));
    std::vector<AuditEvent> read;
    f.audit.forEach([&](const AuditEvent& e) { read.push_back(e); });
    REQUIRE(read.size() == 5);
    for (std::size_t i = 0; i < read.size(); ++i) {
        CHECK(read[i].sequence == written[i].sequence);
        CHECK(read[i].at == written[i].at);
        CHECK(read[i].recordId == written[i].recordId);
        CHECK(read[i].previousHash == written[i].previousHash);
        CHECK(read[i].hash == written[i].hash);
    }
    const auto latest = f.audit.latest(2);
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].sequence == 5);
    CHECK(latest[1].sequence == 4);
    CHECK(f.audit.latest(100).size() == 5);
}

TEST_CASE("the audit table refuses updates and deletes", "[audit_repository]")
{
    Fixture f;
    f.audit.append("2026-11-29T05:04:32Z", "admin", "user.add", "user", "2");
    try {
        f.db.execute("UPDATE audit_event SET actor = 'mallory'");
        FAIL("an audit event was updated");
    } catch (const DatabaseError& e) {
        CHECK_THAT(e.what(), Catch::Matchers::ContainsSubstring("append-only"));
    }
    CHECK_THROWS_AS(f.db.execute("DELETE FROM audit_event"), DatabaseError);
    CHECK(f.audit.count() == 1);
    CHECK(f.audit.latest(1).front().actor == "admin");
}
