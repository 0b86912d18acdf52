#pragma once
// Asks for user name and password and opens a session on the branch database.
#include "app/shared/clock.h"
#include "app/users/login_throttle.h"
#include "app/users/session.h"

#include <QDialog>
#include <QTimer>
#include <memory>

namespace Ui {
class LoginDialog;
}

namespace doorstep::gui {

class LoginDialog final : public QDialog {
    Q_OBJECT
public:
    LoginDialog(QString databasePath, app::LoginThrottle& throttle, const app::Clock& clock, QWidget* parent = nullptr);
    ~LoginDialog() override;
    LoginDialog(const LoginDialog&) = delete;
    LoginDialog& operator=(const LoginDialog&) = delete;

    void setUsername(const QString& username);
    void setHint(const QString& hint);
    // The session after the dialog was accepted; empty otherwise.
    std::unique_ptr<app::Session> takeSession();

Q_SIGNALS:
    void quitRequested();

private:
    void attemptLogin();
    void updateThrottle();
    void showMessage(const QString& text);

    std::unique_ptr<Ui::LoginDialog> m_ui;
    QString m_databasePath;
    app::LoginThrottle& m_throttle;
    const app::Clock& m_clock;
    std::unique_ptr<app::Session> m_session;
    QTimer m_countdown;
};

}  // namespace doorstep::gui
