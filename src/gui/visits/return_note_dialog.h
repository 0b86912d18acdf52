#pragma once
// Returning a visit note to its author needs a comment saying what to correct (visit_note.return_comment).
#include <QDialog>
#include <memory>

namespace Ui {
class ReturnNoteDialog;
}

namespace doorstep::gui {

class ReturnNoteDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ReturnNoteDialog(QWidget* parent = nullptr);
    ~ReturnNoteDialog() override;
    ReturnNoteDialog(const ReturnNoteDialog&) = delete;
    ReturnNoteDialog& operator=(const ReturnNoteDialog&) = delete;

    QString comment() const;  // trimmed
    void setComment(const QString& text);
    void showError(const QString& text);
    void accept() override;  // refuses an empty comment, saying so

private:
    std::unique_ptr<Ui::ReturnNoteDialog> m_ui;
};

}  // namespace doorstep::gui
