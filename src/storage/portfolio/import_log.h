#pragma once
// The record of each import (the `imports` table): when, which extract, how much it read and changed.
#include "domain/shared/calendar.h"
#include "storage/database/sqlite.h"

#include <cstdint>
#include <string>

namespace doorstep::storage {

struct ImportRecord {
    std::string importedAt;  // UTC, ISO 8601
    Date extractDate{};
    std::string branchCode;
    std::int64_t rowsRead = 0;
    std::int64_t rowsChanged = 0;
};

// Adds the record in the caller's transaction and returns its id.
std::int64_t recordImport(const Connection& connection, const ImportRecord& record);

}  // namespace doorstep::storage
