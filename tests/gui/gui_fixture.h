#pragma once
// Shared set-up for GUI tests: empty settings, a private data folder, fast key derivation, and a
// branch database with one administrator.
#include "domain/users/role.h"

#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class QWidget;

namespace doorstep::gui {
class ApplicationController;
}

namespace doorstep::test {

inline const QString kAdminName = QStringLiteral("chief");
inline const QString kAdminPassword = QStringLiteral("Chief-pass-2026");

class GuiFixture final {
public:
    GuiFixture();  // clears the settings, makes the folders, points XDG_DATA_HOME there, creates the database
    QString databasePath() const;
    QString folder() const { return m_dir.path(); }
    // Adds a user through the administrator's use case (the key slot included).
    // The display name is the user name when none is given.
    void addUser(const QString& name, doorstep::Role role, const QString& password, const QString& displayName = {});

private:
    QTemporaryDir m_dir;
};

// Writes a synthetic extract of `loans` loans (officers as given; none: unassigned) and imports it as `user`
// through a session of its own, as a script beside the app would. Returns false (after a QtTest failure
// message) when anything fails.
bool importSynthetic(const GuiFixture& fixture, const QString& user, const QString& password, std::int64_t loans,
                     std::uint64_t seed, const std::vector<std::string>& officers = {});

// Types the user name and password into the login dialog and presses Log in.
void logIn(gui::ApplicationController& controller, const QString& user, const QString& password);
// Ctrl+L goes to the window a person is using: make it the active one first.
void pressLock(QWidget* window);

// Runs `action` on the next modal dialog that opens (e.g. one opened by a button's exec()).
void onNextModal(std::function<void(QWidget*)> action);

}  // namespace doorstep::test
