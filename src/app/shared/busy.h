#pragma once
// One answer for "another Doorstep program holds the database" (issue 9), wherever a busy SQLite error
// surfaces as an exception past a use case: the CLI's and the GUI's last-resort handlers ask here first.
#include "domain/messages/error.h"

#include <exception>
#include <optional>

namespace doorstep::app {

// The busy Error when `e` is a storage::DatabaseError for a lock held past the busy timeout, else nullopt.
std::optional<Error> busyFailure(const std::exception& e);

}  // namespace doorstep::app
