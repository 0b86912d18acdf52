#include "gui/users/login_dialog.h"

#include "gui/shared/app_settings.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "ui_login_dialog.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPushButton>

namespace doorstep::gui {

LoginDialog::LoginDialog(QString databasePath, app::LoginThrottle& throttle, const app::Clock& clock, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::LoginDialog>()), m_databasePath(std::move(databasePath)),
      m_throttle(throttle), m_clock(clock)
{
    m_ui->setupUi(this);
    m_ui->databaseLabel->setText(tr("Branch database: %1").arg(QDir::toNativeSeparators(m_databasePath)));
    m_ui->messageLabel->hide();
    m_ui->hintLabel->hide();
    connect(m_ui->loginButton, &QPushButton::clicked, this, &LoginDialog::attemptLogin);
    connect(m_ui->quitButton, &QPushButton::clicked, this, [this] { Q_EMIT quitRequested(); });
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &LoginDialog::updateThrottle);
    setUsername(AppSettings::lastUsername());
    updateThrottle();
}

LoginDialog::~LoginDialog()
{
    m_ui->passwordEdit->clear();
}

void LoginDialog::setUsername(const QString& username)
{
    m_ui->usernameEdit->setText(username);
    (username.isEmpty() ? m_ui->usernameEdit : m_ui->passwordEdit)->setFocus();
}

void LoginDialog::setHint(const QString& hint)
{
    m_ui->hintLabel->setText(hint);
    m_ui->hintLabel->setVisible(!hint.isEmpty());
}

std::unique_ptr<app::Session> LoginDialog::takeSession()
{
    return std::move(m_session);
}

void LoginDialog::showMessage(const QString& text)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

void LoginDialog::updateThrottle()
{
    const auto wait = m_throttle.remainingWait();
    const bool waiting = wait.count() > 0;
    m_ui->loginButton->setEnabled(!waiting);
    if (waiting) {
        showMessage(
            tr("Too many failed attempts. Try again in %Ln second(s).", nullptr, static_cast<int>(wait.count())));
        if (!m_countdown.isActive()) m_countdown.start();
    } else if (m_countdown.isActive()) {
        m_countdown.stop();
        showMessage(tr("You can try again now."));
    }
}

void LoginDialog::attemptLogin()
{
    const QString username = m_ui->usernameEdit->text().trimmed();
    if (username.isEmpty() || m_ui->passwordEdit->text().isEmpty()) {
        showMessage(tr("Enter your user name and password."));
        return;
    }
    showMessage({});
    m_ui->loginButton->setEnabled(false);
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    std::string password = toStd(m_ui->passwordEdit->text());
    auto session = app::Session::login(toStd(m_databasePath), toStd(username), password, m_throttle, m_clock);
    std::fill(password.begin(), password.end(), '\0');
    QGuiApplication::restoreOverrideCursor();
    m_ui->loginButton->setEnabled(true);
    m_ui->passwordEdit->clear();
    if (!session) {
        showMessage(errorText(session.error()));
        updateThrottle();
        m_ui->passwordEdit->setFocus();
        return;
    }
    AppSettings::setLastUsername(username);
    m_session = std::move(*session);
    accept();
}

}  // namespace doorstep::gui
