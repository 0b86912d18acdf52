#include "gui/shared/application_controller.h"

#include "app/shared/logging.h"
#include "gui/shared/app_settings.h"
#include "gui/shared/main_window.h"
#include "gui/shared/qt_text.h"
#include "gui/users/login_dialog.h"

#include <QApplication>
#include <QDialog>

namespace doorstep::gui {

ApplicationController::ApplicationController(QString databasePath, const app::Clock& clock, QObject* parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_clock(clock), m_throttle(clock)
{
    connect(&m_idle, &InactivityTimer::inactive, this, [this] { lock(/*automatic=*/true); });
}

ApplicationController::~ApplicationController()
{
    m_idle.stop();
    delete m_window;
    delete m_login;
    if (m_session) m_session->quit();  // recorded as a quit, not a lock
}

int ApplicationController::idleTimeout() const
{
    return m_idleTimeoutMs > 0 ? m_idleTimeoutMs : AppSettings::idleLockMinutes() * 60 * 1000;
}

void ApplicationController::start()
{
    showLogin();
}

LoginDialog* ApplicationController::loginDialog() const
{
    return m_login;
}

MainWindow* ApplicationController::mainWindow() const
{
    return m_window;
}

void ApplicationController::showLogin()
{
    if (m_login == nullptr) {
        m_login = new LoginDialog(m_databasePath, m_throttle, m_clock);
        m_login->setAttribute(Qt::WA_DeleteOnClose, false);
        m_login->setHint(m_loginHint);
        connect(m_login, &QDialog::accepted, this, &ApplicationController::loggedIn);
        connect(m_login, &QDialog::rejected, this, &ApplicationController::quitRequested);
        connect(m_login, &LoginDialog::quitRequested, this, &ApplicationController::quitRequested);
    }
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

void ApplicationController::loggedIn()
{
    m_session = m_login->takeSession();
    if (!m_session) return showLogin();
    m_login->hide();
    m_window = new MainWindow(*m_session);
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    connect(m_window, &MainWindow::lockRequested, this, [this] { lock(/*automatic=*/false); });
    connect(m_window, &MainWindow::quitRequested, this, &ApplicationController::quitRequested);
    connect(m_window, &MainWindow::settingsChanged, this, [this] { m_idle.start(idleTimeout()); });
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    m_idle.start(idleTimeout());
}

void ApplicationController::lock(bool automatic)
{
    if (!m_session) return;
    if (m_window != nullptr && m_window->isBusy()) {
        // Long work (an import) runs in the background: the idle lock waits for it; a lock the user asked
        // for cancels it (it rolls back) and waits until it has stopped.
        if (automatic) {
            m_idle.start(1000);
            return;
        }
        m_window->stopBackgroundWork();
    }
    m_idle.stop();
    // End any dialog still open on the main window before its session goes away.
    while (QWidget* modal = QApplication::activeModalWidget()) {
        if (auto* dialog = qobject_cast<QDialog*>(modal)) {
            dialog->reject();
        } else {
            modal->close();
        }
        if (QApplication::activeModalWidget() == modal) break;
    }
    m_session->lock(automatic);  // wipes the key and closes the file now
    if (m_window != nullptr) {
        m_window->hide();
        // The window may still be unwinding a dialog's event loop: delete it, then the session, later.
        app::Session* retired = m_session.release();
        connect(m_window, &QObject::destroyed, this, [retired] { delete retired; });
        m_window->deleteLater();
    } else {
        m_session.reset();
    }
    showLogin();
    m_login->setUsername(AppSettings::lastUsername());
}

}  // namespace doorstep::gui
