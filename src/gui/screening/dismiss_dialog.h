#pragma once
// Taking a case off the visit queue needs a reason from the list, and words when the reason is "other".
#include "app/screening/screening_service.h"

#include <QDialog>

class QComboBox;
class QPlainTextEdit;
class QLabel;

namespace doorstep::gui {

class DismissDialog final : public QDialog {
    Q_OBJECT
public:
    explicit DismissDialog(const QString& customer, QWidget* parent = nullptr);
    app::DismissReason reason() const;
    QString note() const;
    void showError(const QString& text);

private:
    QComboBox* m_reason = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QLabel* m_error = nullptr;
};

}  // namespace doorstep::gui
