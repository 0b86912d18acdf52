#pragma once
// User names to display names (李专员 for officer1), as every page shows staff; a name without a display name
// shows as itself. Built from ScreeningService::staffNames().
#include "domain/messages/error.h"

#include <QString>

#include <map>
#include <string>

namespace doorstep::gui {

class StaffNames final {
public:
    StaffNames() = default;
    StaffNames(std::map<std::string, std::string> names) : m_names(std::move(names)) {}  // NOLINT: a conversion
    QString operator()(const std::string& userName) const;
    // The error with every {user} argument (a member of staff the domain names by user name, such as a busy
    // officer in a booking refusal) given as their display name, for showing.
    Error named(Error error) const;

private:
    std::map<std::string, std::string> m_names;
};

}  // namespace doorstep::gui
