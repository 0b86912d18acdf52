#pragma once
// Branch-wide settings as key/value text; app/ gives them types and defaults.
#include "storage/database/sqlite.h"

#include <optional>
#include <string>
#include <string_view>

namespace doorstep::storage {

class SettingsRepository final {
public:
    explicit SettingsRepository(const Connection& connection) : m_db(connection) {}
    std::optional<std::string> get(std::string_view key) const;
    void set(std::string_view key, std::string_view value);

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
