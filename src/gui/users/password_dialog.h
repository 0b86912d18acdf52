#pragma once
// Asks for a new password (twice), and for the current one when users change their own.
#include <QDialog>
#include <memory>

namespace Ui {
class PasswordDialog;
}

namespace doorstep::gui {

class PasswordDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Mode { ChangeOwn, Reset };
    PasswordDialog(Mode mode, const QString& username, QWidget* parent = nullptr);
    ~PasswordDialog() override;
    PasswordDialog(const PasswordDialog&) = delete;
    PasswordDialog& operator=(const PasswordDialog&) = delete;

    QString currentPassword() const;
    QString newPassword() const;
    void showError(const QString& text);

private:
    void validateAndAccept();
    std::unique_ptr<Ui::PasswordDialog> m_ui;
    Mode m_mode;
};

}  // namespace doorstep::gui
