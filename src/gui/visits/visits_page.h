#pragma once
// The Visits page (issue 11): the officer's visit notes — returned ones first, highlighted, with the
// supervisor's comment; then drafts, submitted and approved ones — and the visits still to write up (done or
// not-home appointments without a note). Opening either shows the note form. Refreshes itself when notes or
// appointments change.
#include "gui/shared/workspace.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace doorstep::gui {

class VisitNoteTableModel;
class VisitsToWriteModel;

class VisitsPage final : public QWidget {
    Q_OBJECT
public:
    explicit VisitsPage(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    // Opens the note form on the note (modal); false when it cannot be opened (the page says why).
    bool openNote(std::int64_t noteId);
    // Opens a note for the appointment (one of its visiting staff) and shows the form.
    bool writeUp(std::int64_t appointmentId);
    bool selectNote(std::int64_t noteId);
    VisitNoteTableModel* notesModel() const { return m_notes; }
    VisitsToWriteModel* toWriteModel() const { return m_toWrite; }

private:
    void showSelected();
    std::int64_t selectedNote() const;
    std::int64_t selectedVisit() const;

    app::Session& m_session;
    VisitNoteTableModel* m_notes = nullptr;
    VisitsToWriteModel* m_toWrite = nullptr;
    QTableView* m_notesView = nullptr;
    QTableView* m_toWriteView = nullptr;
    QLabel* m_comment = nullptr;  // the selected returned note's comment
    QLabel* m_status = nullptr;
    QLabel* m_toWriteCount = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_write = nullptr;
};

}  // namespace doorstep::gui
