#include "app/shared/busy.h"

#include "storage/database/file_lock.h"
#include "storage/database/sqlite.h"

namespace doorstep::app {

std::optional<Error> busyFailure(const std::exception& e)
{
    const auto* database = dynamic_cast<const storage::DatabaseError*>(&e);
    if (database == nullptr || !database->busy()) return std::nullopt;
    return fail(ErrorCode::Conflict, storage::kBusyMessage).error();
}

}  // namespace doorstep::app
