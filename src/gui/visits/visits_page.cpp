#include "gui/visits/visits_page.h"

#include "app/screening/screening_service.h"
#include "app/visits/visit_note_service.h"
#include "gui/shared/error_text.h"
#include "gui/shared/page_refresher.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "gui/visits/visit_note_form.h"
#include "gui/visits/visit_note_table_model.h"
#include "gui/visits/visits_to_write_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace doorstep::gui {
namespace {

QTableView* makeView(QWidget* parent, const QString& name, QAbstractItemModel* model)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

}  // namespace

VisitsPage::VisitsPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_session(workspace.session), m_notes(new VisitNoteTableModel(this)),
      m_toWrite(new VisitsToWriteModel(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Visit notes"), this);
    title->setStyleSheet(Theme::pageTitleStyle());
    layout->addWidget(title);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto* notesPane = new QWidget(split);
    auto* notesLayout = new QVBoxLayout(notesPane);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    auto* notesTitle = new QLabel(tr("My visit notes: returned ones first"), notesPane);
    notesTitle->setStyleSheet(Theme::headlineStyle());
    notesLayout->addWidget(notesTitle);
    m_notesView = makeView(notesPane, QStringLiteral("visitNotesTable"), m_notes);
    m_notesView->setColumnHidden(VisitNoteTableModel::Author, true);
    notesLayout->addWidget(m_notesView, 1);
    m_comment = new QLabel(notesPane);
    m_comment->setObjectName(QStringLiteral("returnComment"));
    m_comment->setWordWrap(true);
    m_comment->setStyleSheet(Theme::noticeStyle());
    m_comment->hide();
    notesLayout->addWidget(m_comment);
    auto* notesActions = new QHBoxLayout;
    m_open = new QPushButton(tr("&Open note…"), notesPane);
    m_open->setObjectName(QStringLiteral("openNoteButton"));
    m_open->setEnabled(false);
    notesActions->addWidget(m_open);
    m_status = new QLabel(notesPane);
    m_status->setObjectName(QStringLiteral("visitsStatus"));
    notesActions->addWidget(m_status, 1);
    notesLayout->addLayout(notesActions);

    auto* writePane = new QWidget(split);
    auto* writeLayout = new QVBoxLayout(writePane);
    writeLayout->setContentsMargins(0, 0, 0, 0);
    auto* writeTitle = new QLabel(tr("Visits to write up"), writePane);
    writeTitle->setStyleSheet(Theme::headlineStyle());
    writeLayout->addWidget(writeTitle);
    m_toWriteView = makeView(writePane, QStringLiteral("visitsToWriteTable"), m_toWrite);
    writeLayout->addWidget(m_toWriteView, 1);
    auto* writeActions = new QHBoxLayout;
    m_write = new QPushButton(tr("&Write the note…"), writePane);
    m_write->setObjectName(QStringLiteral("writeNoteButton"));
    m_write->setEnabled(false);
    writeActions->addWidget(m_write);
    m_toWriteCount = new QLabel(writePane);
    m_toWriteCount->setObjectName(QStringLiteral("visitsToWriteCount"));
    writeActions->addWidget(m_toWriteCount, 1);
    writeLayout->addLayout(writeActions);
    split->addWidget(notesPane);
    split->addWidget(writePane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_notesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VisitsPage::showSelected);
    connect(m_toWriteView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VisitsPage::showSelected);
    connect(m_notesView, &QTableView::activated, this, [this] { openNote(selectedNote()); });  // double-click, Enter
    connect(m_toWriteView, &QTableView::activated, this, [this] { writeUp(selectedVisit()); });
    connect(m_open, &QPushButton::clicked, this, [this] { openNote(selectedNote()); });
    connect(m_write, &QPushButton::clicked, this, [this] { writeUp(selectedVisit()); });
    auto* refresher = new PageRefresher(this, [this] { reload(); });
    for (auto signal : {&ChangeNotifier::visitsChanged, &ChangeNotifier::appointmentsChanged})
        connect(&workspace.changes, signal, refresher, &PageRefresher::dataChanged);
    reload();
}

void VisitsPage::reload()
{
    const std::int64_t note = selectedNote();
    app::VisitNoteService service(m_session);
    const StaffNames names = app::ScreeningService(m_session).staffNames();
    auto mine = service.listMine();
    auto toWrite = service.visitsWithoutNote();
    if (!mine || !toWrite) {
        m_status->setText(errorText(!mine ? mine.error() : toWrite.error()));
        return;
    }
    m_notes->setRows(std::move(*mine), names);
    m_toWrite->setRows(std::move(*toWrite), names);
    m_notesView->resizeColumnsToContents();
    m_toWriteView->resizeColumnsToContents();
    int returned = 0;
    for (int row = 0; row < m_notes->rowCount(); ++row)
        returned += m_notes->rowAt(row)->state == NoteState::Returned ? 1 : 0;
    m_status->setText(returned > 0 ? tr("%n note(s) returned for correction.", nullptr, returned)
                                   : tr("%n note(s).", nullptr, m_notes->rowCount()));
    m_toWriteCount->setText(tr("%n visit(s) of the last 90 days without a note.", nullptr, m_toWrite->rowCount()));
    if (note == 0 || !selectNote(note)) showSelected();
}

bool VisitsPage::selectNote(std::int64_t noteId)
{
    const int row = m_notes->rowOf(noteId);
    if (row < 0) return false;
    m_notesView->selectRow(row);
    showSelected();
    return true;
}

std::int64_t VisitsPage::selectedNote() const
{
    const auto rows = m_notesView->selectionModel()->selectedRows();
    const auto* r = rows.isEmpty() ? nullptr : m_notes->rowAt(rows.front().row());
    return r ? r->id : 0;
}

std::int64_t VisitsPage::selectedVisit() const
{
    const auto rows = m_toWriteView->selectionModel()->selectedRows();
    const auto* r = rows.isEmpty() ? nullptr : m_toWrite->rowAt(rows.front().row());
    return r ? r->id : 0;
}

void VisitsPage::showSelected()
{
    m_open->setEnabled(selectedNote() != 0);
    m_write->setEnabled(selectedVisit() != 0);
    const auto* r = m_notes->rowAt(m_notes->rowOf(selectedNote()));
    const bool returned = r && r->state == NoteState::Returned;
    m_comment->setVisible(returned);
    if (returned)
        m_comment->setText(tr("Returned for correction: %1 — open the note and answer with an addendum.")
                               .arg(toQString(r->returnComment)));
}

bool VisitsPage::openNote(std::int64_t noteId)
{
    if (noteId == 0) return false;
    VisitNoteForm form(m_session, noteId, this);
    form.exec();
    reload();
    selectNote(noteId);
    return true;
}

bool VisitsPage::writeUp(std::int64_t appointmentId)
{
    if (appointmentId == 0) return false;
    app::VisitNoteService service(m_session);
    // A note someone else opened for the same visit meanwhile: open that one.
    auto existing = service.noteForAppointment(appointmentId);
    std::int64_t id = existing && *existing ? **existing : 0;
    if (id == 0) {
        auto opened = service.open(appointmentId);
        if (!opened) {
            m_status->setText(errorText(opened.error()));
            return false;
        }
        id = *opened;
    }
    reload();
    return openNote(id);
}

}  // namespace doorstep::gui
