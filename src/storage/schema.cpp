#include "storage/schema.h"

#include <fmt/core.h>
#include <string_view>

namespace doorstep::storage {
namespace {

// Step N takes a database at version N-1 to version N. Never edit a released step: add a new one.
constexpr std::string_view kSteps[] = {
    // 1: the foundation: database identity, users, the append-only audit trail.
    R"sql(
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE users (
        id           INTEGER PRIMARY KEY,
        username     TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role         TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'administrator')),
        disabled     INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at   TEXT NOT NULL
    );
    CREATE TABLE audit_event (
        sequence      INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        actor         TEXT NOT NULL,
        action        TEXT NOT NULL,
        record_type   TEXT NOT NULL,
        record_id     TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash          TEXT NOT NULL
    );
    CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    )sql",
    // 2: branch-wide settings (DOMAIN.md's configurable numbers) as typed text values.
    R"sql(
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    )sql",
};

}  // namespace

int currentSchemaVersion() { return static_cast<int>(std::size(kSteps)); }

int schemaVersion(const Connection& connection)
{
    auto stmt = connection.prepare("PRAGMA user_version");
    stmt.step();
    return static_cast<int>(stmt.columnInt(0));
}

Result<void> migrate(const Connection& connection, int target)
{
    const int from = schemaVersion(connection);
    if (from > currentSchemaVersion())
        return fail(ErrorCode::SchemaTooNew,
                    "The database was written by a newer version of Doorstep; update Doorstep to open it.");
    for (int version = from + 1; version <= target; ++version) {
        Transaction tx(connection);
        connection.execute(kSteps[version - 1]);
        // PRAGMA takes no bound parameters; the version is our own integer.
        connection.execute(fmt::format("PRAGMA user_version = {}", version));
        tx.commit();
    }
    return {};
}

}  // namespace doorstep::storage
