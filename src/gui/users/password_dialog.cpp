#include "gui/users/password_dialog.h"

#include "ui_password_dialog.h"

#include <QPushButton>

namespace doorstep::gui {

PasswordDialog::PasswordDialog(Mode mode, const QString& username, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PasswordDialog>()), m_mode(mode)
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    const bool own = mode == Mode::ChangeOwn;
    m_ui->currentLabel->setVisible(own);
    m_ui->currentEdit->setVisible(own);
    setWindowTitle(own ? tr("Change your password") : tr("Reset password"));
    m_ui->introLabel->setText(own ? tr("Choose a new password for %1. It needs at least 10 characters, mixing letters "
                                       "with digits or other characters.")
                                        .arg(username)
                                  : tr("Set a new password for %1 and hand it over in person. Their old password "
                                       "stops working at once.")
                                        .arg(username));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(own ? tr("Change password") : tr("Reset password"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PasswordDialog::validateAndAccept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    (own ? m_ui->currentEdit : m_ui->newEdit)->setFocus();
}

PasswordDialog::~PasswordDialog() = default;

QString PasswordDialog::currentPassword() const
{
    return m_ui->currentEdit->text();
}

QString PasswordDialog::newPassword() const
{
    return m_ui->newEdit->text();
}

void PasswordDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void PasswordDialog::validateAndAccept()
{
    if (m_mode == Mode::ChangeOwn && m_ui->currentEdit->text().isEmpty()) {
        showError(tr("Enter your current password."));
        return;
    }
    if (m_ui->newEdit->text() != m_ui->confirmEdit->text()) {
        showError(tr("The two new passwords differ."));
        return;
    }
    showError({});
    accept();
}

}  // namespace doorstep::gui
