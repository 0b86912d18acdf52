#pragma once
// The form for a new user: name, display name, role and first password.
#include "app/users/user_admin.h"

#include <QDialog>
#include <memory>

namespace Ui {
class UserDialog;
}

namespace doorstep::gui {

class UserDialog final : public QDialog {
    Q_OBJECT
public:
    explicit UserDialog(QWidget* parent = nullptr);
    ~UserDialog() override;
    UserDialog(const UserDialog&) = delete;
    UserDialog& operator=(const UserDialog&) = delete;

    app::NewUser newUser() const;
    void showError(const QString& text);

private:
    void validateAndAccept();
    std::unique_ptr<Ui::UserDialog> m_ui;
};

}  // namespace doorstep::gui
