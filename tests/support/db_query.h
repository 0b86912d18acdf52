#pragma once
// Reading a test database directly: one number, or one text column of every row.
#include "storage/database/sqlite.h"

#include <cstdint>
#include <string>
#include <vector>

namespace doorstep::test {

// The first column of the first row; throws when the query returns no row.
std::int64_t queryInt(const storage::Connection& db, const std::string& sql);
std::vector<std::string> queryTexts(const storage::Connection& db, const std::string& sql);

// UTF-8 text as GB18030 bytes (through glibc's iconv), for extracts in the bank's legacy encoding.
std::string toGb18030(std::string_view utf8);

}  // namespace doorstep::test
