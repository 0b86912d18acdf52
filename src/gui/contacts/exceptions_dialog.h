#pragma once
// The contact-rule exceptions for supervisors (issue 10): who, when, which rule and why. Read-only.
#include "app/users/session.h"

#include <QDialog>
#include <memory>

namespace Ui {
class ExceptionsDialog;
}

namespace doorstep::gui {

class ContactExceptionModel;

class ExceptionsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ExceptionsDialog(app::Session& session, QWidget* parent = nullptr);
    ~ExceptionsDialog() override;
    ExceptionsDialog(const ExceptionsDialog&) = delete;
    ExceptionsDialog& operator=(const ExceptionsDialog&) = delete;

    ContactExceptionModel* model() const { return m_model; }

private:
    std::unique_ptr<Ui::ExceptionsDialog> m_ui;
    ContactExceptionModel* m_model = nullptr;
};

}  // namespace doorstep::gui
