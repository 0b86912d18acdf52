#pragma once
// Shared set-up for GUI tests: empty settings, a private data folder, fast key derivation, and a
// branch database with one administrator.
#include "domain/users/role.h"

#include <QApplication>
#include <QString>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class QImage;
class QWidget;

namespace doorstep::app {
class Clock;
class Session;
}  // namespace doorstep::app
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
    // A session of its own on the branch, as a second program would open one; none when the login fails.
    std::unique_ptr<app::Session> login(app::Clock& clock, const QString& user, const QString& password) const;

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
// Runs `action` once a modal dialog of type T is the active one (a nested exec() may open in between).
template <typename T> void onModal(std::function<void(T*)> action)
{
    auto* timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, action] {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            action(dialog);
        }
    });
    timer->start();
}
// Share of dark pixels (grey below 160) in a horizontal band of a rendered page, from and to as fractions of its
// height: whether a PDF page has text where it should and none where it should not.
double inkIn(const QImage& image, double fromFraction, double toFraction);

}  // namespace doorstep::test
