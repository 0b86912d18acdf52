#pragma once
// The Review page (issue 11) for supervisors: submitted visit notes, the longest waiting first, with the
// chosen note read-only (its latest version, every version and review) and the case at hand — the customer's
// loans and how overdue they are, the recent contacts, the note's promises and earlier visits. Approve (with an
// optional comment) or return with a comment, as the note's workflow allows the supervisor.
#include "app/visits/visit_note_service.h"
#include "gui/shared/workspace.h"

#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace doorstep::gui {

class VisitNoteTableModel;

class ReviewPage final : public QWidget {
    Q_OBJECT
public:
    explicit ReviewPage(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    bool selectNote(std::int64_t noteId);
    bool approveSelected();
    // Asks for the comment in the return dialog unless one is given (tests).
    bool returnSelected(std::optional<QString> comment = std::nullopt);
    // The selected note with every version and review (read-only form).
    void openSelected();
    VisitNoteTableModel* model() const { return m_model; }

private:
    void showSelected();
    std::int64_t selectedNote() const;
    QString caseContextHtml(const app::VisitNoteDetail& detail);

    app::Session& m_session;
    VisitNoteTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QTextBrowser* m_note = nullptr;
    QTextBrowser* m_context = nullptr;
    QLineEdit* m_approveComment = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_return = nullptr;
    QPushButton* m_openNote = nullptr;
    QLabel* m_status = nullptr;
};

}  // namespace doorstep::gui
