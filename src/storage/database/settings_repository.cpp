#include "storage/database/settings_repository.h"

namespace doorstep::storage {

std::optional<std::string> SettingsRepository::get(std::string_view key) const
{
    auto stmt = m_db.prepare("SELECT value FROM settings WHERE key = ?");
    stmt.bind(1, key);
    if (!stmt.step()) return std::nullopt;
    return stmt.columnText(0);
}

void SettingsRepository::set(std::string_view key, std::string_view value)
{
    m_db.prepare(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

}  // namespace doorstep::storage
