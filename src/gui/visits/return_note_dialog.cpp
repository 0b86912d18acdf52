#include "gui/visits/return_note_dialog.h"

#include "gui/shared/theme.h"
#include "ui_return_note_dialog.h"

#include <QPlainTextEdit>
#include <QPushButton>

namespace doorstep::gui {

ReturnNoteDialog::ReturnNoteDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::ReturnNoteDialog>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->setStyleSheet(Theme::errorStyle());
    m_ui->errorLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Return"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ReturnNoteDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The error is about what was there: once the comment changes, it no longer applies.
    connect(m_ui->commentEdit, &QPlainTextEdit::textChanged, this, [this] { showError({}); });
}

ReturnNoteDialog::~ReturnNoteDialog() = default;

QString ReturnNoteDialog::comment() const
{
    return m_ui->commentEdit->toPlainText().trimmed();
}

void ReturnNoteDialog::setComment(const QString& text)
{
    m_ui->commentEdit->setPlainText(text);
}

void ReturnNoteDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void ReturnNoteDialog::accept()
{
    if (comment().isEmpty()) {
        showError(tr("Write what the officer should correct."));
        m_ui->commentEdit->setFocus();
        return;
    }
    QDialog::accept();
}

}  // namespace doorstep::gui
