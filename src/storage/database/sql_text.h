#pragma once
// Statement text generated from one column list per table (issue 7): the INSERT, the upsert's ON CONFLICT …
// DO UPDATE SET and the UPDATE … SET name the same columns in the same order as the list, so one bind
// function per table serves them all and a column added to the list reaches every statement.
#include <span>
#include <string>
#include <string_view>

namespace doorstep::storage {

// A table's columns, e.g. a `constexpr std::array<std::string_view, N>` beside the table's bind function.
using Columns = std::span<const std::string_view>;

// "INSERT INTO t (a, b) VALUES (?,?)"; `verb` may be "INSERT OR IGNORE".
std::string insertSql(std::string_view table, Columns columns, std::string_view verb = "INSERT");

// The INSERT, then on a conflict over `key` (a leading part of `columns`) every other column takes the new
// value. With `onlyWhenChanged` the update is skipped when every value is already the same (IS NOT, so NULLs
// compare), which keeps SQLite's change count and the update triggers to real changes.
std::string upsertSql(std::string_view table, Columns columns, Columns key, bool onlyWhenChanged);

// "UPDATE t SET a=?, b=? WHERE <where>"; the WHERE's parameters follow the columns'.
std::string updateSql(std::string_view table, Columns columns, std::string_view where);

}  // namespace doorstep::storage
