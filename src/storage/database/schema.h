#pragma once
// Schema versions: PRAGMA user_version plus one migration step per version, each in one transaction.
#include "domain/messages/error.h"
#include "storage/database/sqlite.h"

namespace doorstep::storage {

int currentSchemaVersion();
int schemaVersion(const Connection& connection);

// Applies the steps from the file's version up to `target`. Each step runs in its own transaction
// and sets user_version inside it, so a crash leaves a file at one whole version. A file newer than
// this program is refused untouched.
Result<void> migrate(const Connection& connection, int target = currentSchemaVersion());

}  // namespace doorstep::storage
