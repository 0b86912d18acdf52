#pragma once
// Drives the desktop app's life: login, the main window, lock (by hand or after idle) and back.
#include "app/shared/clock.h"
#include "app/users/login_throttle.h"
#include "app/users/session.h"
#include "gui/shared/inactivity_timer.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace doorstep::gui {

class LoginDialog;
class MainWindow;

class ApplicationController final : public QObject {
    Q_OBJECT
public:
    ApplicationController(QString databasePath, const app::Clock& clock, QObject* parent = nullptr);
    ~ApplicationController() override;

    void setLoginHint(const QString& hint) { m_loginHint = hint; }
    // Milliseconds of idle time before locking; by default from the settings.
    void setIdleTimeout(int milliseconds) { m_idleTimeoutMs = milliseconds; }

    void start();  // shows the login dialog
    void lock(bool automatic);

    LoginDialog* loginDialog() const;
    MainWindow* mainWindow() const;
    const app::Session* session() const { return m_session.get(); }

Q_SIGNALS:
    void quitRequested();

private:
    void showLogin();
    void loggedIn();
    int idleTimeout() const;

    QString m_databasePath;
    QString m_loginHint;
    const app::Clock& m_clock;
    app::LoginThrottle m_throttle;
    std::unique_ptr<app::Session> m_session;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_window;
    InactivityTimer m_idle;
    int m_idleTimeoutMs = 0;
};

}  // namespace doorstep::gui
