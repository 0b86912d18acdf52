#pragma once
// The template library for supervisors (issue 10): the message templates (name, purpose, audience, text with
// placeholders) with the tone check and the third-party check shown live while typing, the tone check's phrase
// list (Chinese and English, by kind) and the branch phone messages give. Every save is audited by the app.
#include "app/contacts/template_service.h"

#include <QDialog>
#include <memory>

namespace Ui {
class MessageTemplatesDialog;
}

class QPlainTextEdit;

namespace doorstep::gui {

class MessageTemplatesDialog final : public QDialog {
    Q_OBJECT
public:
    explicit MessageTemplatesDialog(app::Session& session, QWidget* parent = nullptr);
    ~MessageTemplatesDialog() override;
    MessageTemplatesDialog(const MessageTemplatesDialog&) = delete;
    MessageTemplatesDialog& operator=(const MessageTemplatesDialog&) = delete;

    // Selects the template named `name` in the list; false when there is none.
    bool selectTemplate(const QString& name);
    bool saveTemplate();  // the editor's template; false (the status line says why) when refused
    bool savePhrases();
    QString reviewText() const;
    QString statusText() const;
    // Edits not saved yet: the template in the editor, the phrase list or the branch phone.
    bool hasUnsavedChanges() const;

protected:
    // Closing (Close, Esc, the window's X) with unsaved edits asks first: save them, drop them, or stay.
    // reject() itself does not ask: locking the application ends the dialog without a question.
    void closeEvent(QCloseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void loadTemplates(std::int64_t select);
    void loadPhrases(const std::vector<TonePhrase>& phrases);
    void showTemplate();
    void newTemplate();
    void removeTemplate();
    void reviewNow();
    bool saveBranchPhone();
    void showStatus(const QString& text, bool error);
    QPlainTextEdit* phraseEdit(ToneKind kind) const;
    bool mayClose();  // false: the user chose to stay, or a save was refused
    bool templateEdited() const;
    QStringList phraseTexts() const;

    app::Session& m_session;
    std::unique_ptr<Ui::MessageTemplatesDialog> m_ui;
    std::vector<app::TemplateItem> m_templates;
    std::int64_t m_editingId = 0;  // 0: a new template
    QStringList m_savedPhrases;    // the phrase editors as last loaded or saved, by kind
    QString m_savedPhone;
};

}  // namespace doorstep::gui
