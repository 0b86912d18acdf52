#include "gui/users/user_dialog.h"

#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "ui_user_dialog.h"

#include <QPushButton>

namespace doorstep::gui {

UserDialog::UserDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::UserDialog>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    for (Role role : {Role::Officer, Role::Supervisor, Role::Administrator})
        m_ui->roleCombo->addItem(roleText(role), static_cast<int>(role));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Add user"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &UserDialog::validateAndAccept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

UserDialog::~UserDialog() = default;

app::NewUser UserDialog::newUser() const
{
    return {toStd(m_ui->usernameEdit->text().trimmed()), toStd(m_ui->displayNameEdit->text().trimmed()),
            static_cast<Role>(m_ui->roleCombo->currentData().toInt()), toStd(m_ui->passwordEdit->text())};
}

void UserDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void UserDialog::validateAndAccept()
{
    const app::NewUser user = newUser();
    if (auto r = validateUsername(user.username); !r) return showError(errorText(r.error()));
    if (auto r = validateDisplayName(user.displayName); !r) return showError(errorText(r.error()));
    if (m_ui->passwordEdit->text() != m_ui->confirmEdit->text()) return showError(tr("The two passwords differ."));
    if (auto r = validateNewPassword(user.password, user.username); !r) return showError(errorText(r.error()));
    showError({});
    accept();
}

}  // namespace doorstep::gui
