#pragma once
// The visit note form (issue 11): a fixed form, fast to fill in at a desk after a visit. The author types
// into a draft (or, for a returned note, an addendum) that is saved about a second after each change, when
// another version is shown, when the form closes and when the application quits, so nothing typed is lost;
// the status line says when it was last saved. Submitting asks for confirmation (a submitted note is never
// edited; corrections are addenda). A submitted note opens read-only with every version and review: the
// versions list shows one at a time.
#include "app/visits/visit_note_service.h"
#include "gui/visits/visit_note_text.h"

#include <QDialog>
#include <QTimer>
#include <map>
#include <memory>

class QCheckBox;
class QListWidgetItem;

namespace Ui {
class VisitNoteForm;
}

namespace doorstep::gui {

class VisitNoteForm final : public QDialog {
    Q_OBJECT
public:
    static constexpr int kAutosaveDelayMs = 1000;

    VisitNoteForm(app::Session& session, std::int64_t noteId, QWidget* parent = nullptr);
    ~VisitNoteForm() override;
    VisitNoteForm(const VisitNoteForm&) = delete;
    VisitNoteForm& operator=(const VisitNoteForm&) = delete;

    std::int64_t noteId() const { return m_noteId; }
    const app::VisitNoteDetail& detail() const { return m_detail; }
    // The draft (or addendum) is what the widgets show and the current user may change it.
    bool isEditable() const { return m_editable; }
    // What the widgets hold, as a draft.
    VisitNoteDraft draftFromForm() const;
    // Saves what was typed since the last save (nothing to do: true). False, saying why, when it failed.
    bool saveNow();
    bool hasUnsavedChanges() const { return m_dirty; }
    // Submits the draft (a returned note: the addendum as the next version), after asking when `askFirst`.
    // False, with the reason next to the form, when refused or not confirmed.
    bool submit(bool askFirst = true);
    // Adds the file to the note (refused above the branch's size limit, saying so); removes the selected one.
    bool addAttachmentFile(const QString& path);
    bool removeSelectedAttachment();
    // Shows version `number` (0: the draft or addendum being written).
    void showVersion(int number);
    int shownVersion() const { return m_shown; }
    // How long the last save took (microseconds), for the status line's tooltip and the tests.
    qint64 lastSaveMicroseconds() const { return m_lastSaveUs; }

    void done(int result) override;

Q_SIGNALS:
    void draftSaved();
    void submitted();

private:
    bool load();  // reads the note again; false (saying why) when it cannot
    void fillVersionsList();
    void fill(const VisitNoteContent& content, const std::string& addendumText);
    void setInputsEditable(bool editable);
    void contentChanged();
    void updateDependentFields();
    void fillAttachments();
    void addPromiseRow(const std::optional<PaymentPromise>& promise);
    void showError(const QString& text);

    std::unique_ptr<Ui::VisitNoteForm> m_ui;
    app::Session& m_session;
    std::int64_t m_noteId;
    app::VisitNoteDetail m_detail;
    StaffNames m_names;
    std::map<HardshipReason, QCheckBox*> m_hardshipChecks;
    std::vector<HardshipReason> m_hardship;  // in the order chosen
    QTimer m_autosave;
    bool m_editable = false;
    bool m_canEdit = false;  // the current user may change the draft (whichever version is shown)
    bool m_loading = false;  // the widgets are being filled: not a change
    bool m_dirty = false;
    int m_shown = 0;
    qint64 m_lastSaveUs = 0;
};

}  // namespace doorstep::gui
