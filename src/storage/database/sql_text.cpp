#include "storage/database/sql_text.h"

#include <algorithm>

namespace doorstep::storage {
namespace {

std::string joined(Columns columns, std::string_view before, std::string_view after, std::string_view separator)
{
    std::string out;
    for (std::string_view c : columns) {
        if (!out.empty()) out += separator;
        out += before;
        out += c;
        out += after;
    }
    return out;
}

}  // namespace

std::string insertSql(std::string_view table, Columns columns, std::string_view verb)
{
    std::string marks;
    for (std::size_t i = 0; i < columns.size(); ++i)
        marks += i == 0 ? "?" : ",?";
    return std::string(verb) + " INTO " + std::string(table) + " (" + joined(columns, "", "", ", ") + ") VALUES (" +
           marks + ")";
}

std::string upsertSql(std::string_view table, Columns columns, Columns key, bool onlyWhenChanged)
{
    std::string set;
    std::string changed;
    for (std::string_view c : columns) {
        if (std::ranges::find(key, c) != key.end()) continue;
        set.append(set.empty() ? "" : ", ").append(c).append("=excluded.").append(c);
        changed.append(changed.empty() ? "" : " OR ").append(c).append(" IS NOT excluded.").append(c);
    }
    std::string sql =
        insertSql(table, columns) + " ON CONFLICT (" + joined(key, "", "", ", ") + ") DO UPDATE SET " + set;
    if (onlyWhenChanged) sql += " WHERE " + changed;
    return sql;
}

std::string updateSql(std::string_view table, Columns columns, std::string_view where)
{
    return "UPDATE " + std::string(table) + " SET " + joined(columns, "", "=?", ", ") + " WHERE " + std::string(where);
}

}  // namespace doorstep::storage
