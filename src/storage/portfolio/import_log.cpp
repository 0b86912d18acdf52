#include "storage/portfolio/import_log.h"

namespace doorstep::storage {

std::int64_t recordImport(const Connection& connection, const ImportRecord& record)
{
    connection
        .prepare("INSERT INTO imports (imported_at, extract_date, branch_code, rows_read, rows_changed) "
                 "VALUES (?, ?, ?, ?, ?)")
        .bind(1, record.importedAt)
        .bind(2, formatIsoDate(record.extractDate))
        .bind(3, record.branchCode)
        .bind(4, record.rowsRead)
        .bind(5, record.rowsChanged)
        .run();
    return connection.lastInsertId();
}

}  // namespace doorstep::storage
