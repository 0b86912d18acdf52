#include "gui/visits/review_page.h"

#include "app/appointments/appointment_settings.h"
#include "app/contacts/contact_service.h"
#include "app/portfolio/portfolio_service.h"
#include "app/screening/screening_service.h"
#include "domain/shared/clock_time.h"
#include "domain/shared/masking.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/page_refresher.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "gui/visits/return_note_dialog.h"
#include "gui/visits/visit_note_form.h"
#include "gui/visits/visit_note_table_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace doorstep::gui {
namespace {

constexpr int kContactDays = 60;  // the recent contacts shown beside a note
constexpr int kEarlierVisitDays = 365;

bool allows(const app::VisitNoteDetail& d, NoteMove move)
{
    return std::ranges::find(d.allowedMoves, move) != d.allowedMoves.end();
}

}  // namespace

ReviewPage::ReviewPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_session(workspace.session), m_model(new VisitNoteTableModel(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Review"), this);
    title->setStyleSheet(Theme::pageTitleStyle());
    layout->addWidget(title);
    auto* headline = new QLabel(tr("Visit notes waiting for your review, the longest waiting first"), this);
    headline->setStyleSheet(Theme::headlineStyle());
    layout->addWidget(headline);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("reviewTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    for (int c : {VisitNoteTableModel::State, VisitNoteTableModel::Comment, VisitNoteTableModel::District})
        m_view->setColumnHidden(c, true);
    // The longest waiting first: the time of submission leads.
    m_view->horizontalHeader()->moveSection(VisitNoteTableModel::Waiting, 0);
    auto* right = new QSplitter(Qt::Vertical, split);
    m_note = new QTextBrowser(right);
    m_note->setObjectName(QStringLiteral("reviewNote"));
    m_context = new QTextBrowser(right);
    m_context->setObjectName(QStringLiteral("reviewContext"));
    right->addWidget(m_note);
    right->addWidget(m_context);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    split->addWidget(m_view);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    auto* actions = new QHBoxLayout;
    m_openNote = new QPushButton(tr("&Versions…"), this);
    m_openNote->setObjectName(QStringLiteral("openReviewNoteButton"));
    m_openNote->setToolTip(tr("Open the note with every version, read-only"));
    actions->addWidget(m_openNote);
    actions->addStretch(1);
    m_approveComment = new QLineEdit(this);
    m_approveComment->setObjectName(QStringLiteral("approveComment"));
    m_approveComment->setPlaceholderText(tr("Comment (optional)"));
    m_approveComment->setMinimumWidth(260);
    actions->addWidget(m_approveComment);
    m_approve = new QPushButton(tr("&Approve"), this);
    m_approve->setObjectName(QStringLiteral("approveNoteButton"));
    actions->addWidget(m_approve);
    m_return = new QPushButton(tr("&Return…"), this);
    m_return->setObjectName(QStringLiteral("returnNoteButton"));
    actions->addWidget(m_return);
    layout->addLayout(actions);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    layout->addWidget(m_status);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReviewPage::showSelected);
    connect(m_view, &QTableView::activated, this, &ReviewPage::openSelected);
    connect(m_openNote, &QPushButton::clicked, this, &ReviewPage::openSelected);
    connect(m_approve, &QPushButton::clicked, this, &ReviewPage::approveSelected);
    connect(m_return, &QPushButton::clicked, this, [this] { returnSelected(); });
    auto* refresher = new PageRefresher(this, [this] { reload(); });
    connect(&workspace.changes, &ChangeNotifier::visitsChanged, refresher, &PageRefresher::dataChanged);
    reload();
}

void ReviewPage::reload()
{
    const std::int64_t selected = selectedNote();
    auto rows = app::VisitNoteService(m_session).reviewQueue();
    if (!rows) {
        m_status->setText(errorText(rows.error()));
        return;
    }
    m_model->setRows(std::move(*rows), app::ScreeningService(m_session).staffNames());
    m_view->resizeColumnsToContents();
    // Nothing is chosen for the supervisor: reading a note opens its case, which the audit trail records.
    if (selected == 0 || !selectNote(selected)) showSelected();
}

bool ReviewPage::selectNote(std::int64_t noteId)
{
    const int row = m_model->rowOf(noteId);
    if (row < 0) return false;
    m_view->selectRow(row);
    showSelected();
    return true;
}

std::int64_t ReviewPage::selectedNote() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    const auto* r = rows.isEmpty() ? nullptr : m_model->rowAt(rows.front().row());
    return r ? r->id : 0;
}

void ReviewPage::showSelected()
{
    m_approve->setEnabled(false);
    m_return->setEnabled(false);
    m_openNote->setEnabled(false);
    const std::int64_t id = selectedNote();
    if (id == 0) {
        m_note->setHtml(m_model->rowCount() == 0 ? tr("<p>Nothing waits for your review.</p>")
                                                 : tr("<p>Choose a note to read it.</p>"));
        m_context->clear();
        return;
    }
    auto detail = app::VisitNoteService(m_session).note(id);
    if (!detail) {
        m_note->setHtml(errorText(detail.error()).toHtmlEscaped());
        m_context->clear();
        return;
    }
    const StaffNames names = app::ScreeningService(m_session).staffNames();
    const VisitNote& note = detail->note;
    QString html =
        QStringLiteral("<h3>%1</h3>")
            .arg(tr("Visit of %1, written by %2 — version %3")
                     .arg(toQString(formatIsoDate(note.visitDate)), staffText(names, note.author).toHtmlEscaped())
                     .arg(note.versions.size()));
    if (!note.versions.empty() && !note.versions.back().addendumText.empty())
        html += QStringLiteral("<p style='%1'>%2</p>")
                    .arg(Theme::noticeStyle(),
                         tr("Addendum: %1").arg(toQString(note.versions.back().addendumText).toHtmlEscaped()));
    html += noteContentHtml(note.currentContent(), names);
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Versions and reviews")) + noteHistoryHtml(note, names);
    m_note->setHtml(html);
    m_context->setHtml(caseContextHtml(*detail));
    m_approve->setEnabled(allows(*detail, NoteMove::Approve));
    m_return->setEnabled(allows(*detail, NoteMove::Return));
    m_openNote->setEnabled(true);
}

QString ReviewPage::caseContextHtml(const app::VisitNoteDetail& detail)
{
    const std::int64_t borrower = detail.note.borrowerRowId;
    QString html = QStringLiteral("<h4>%1</h4>").arg(tr("The case"));
    // Reading the case is audited as any case view (case.view).
    if (auto c = app::PortfolioService(m_session).openCase(borrower)) {
        const Borrower& b = c->borrower;
        QStringList phones;
        for (const auto& p : b.phones)
            phones << toQString(maskPhone(p));
        html += QStringLiteral("<p>") +
                tr("Customer %1 %2 · %3 · phone %4 · declared income %5, expenses %6 a month")
                    .arg(toQString(b.id).toHtmlEscaped(), toQString(b.name).toHtmlEscaped(),
                         toQString(b.district).toHtmlEscaped(), phones.join(tr(", ")), moneyText(b.monthlyIncome.fen),
                         moneyText(b.monthlyExpenses.fen)) +
                QStringLiteral("</p><ul>");
        for (const app::LoanDetail& l : c->loans) {
            if (!l.status) {
                html += QStringLiteral("<li>%1</li>").arg(tr("Loan %1: no computed state").arg(toQString(l.loan.id)));
                continue;
            }
            const auto& s = *l.status;
            html += QStringLiteral("<li>") +
                    tr("Loan %1: %L2 days past due, bucket %3, class %4; total overdue %5 (overdue principal %6); "
                       "outstanding principal %7")
                        .arg(toQString(l.loan.id).toHtmlEscaped())
                        .arg(s.dpd)
                        .arg(toQString(s.bucket), riskClassText(s.riskClass), moneyText(s.totalOverdue.fen),
                             moneyText(s.overduePrincipal.fen), moneyText(s.outstandingPrincipal.fen)) +
                    QStringLiteral("</li>");
        }
        html += QStringLiteral("</ul>");
    } else {
        html += QStringLiteral("<p>%1</p>").arg(errorText(c.error()).toHtmlEscaped());
    }

    if (!detail.promises.empty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("This visit's promises to pay"));
        for (const app::NotePromiseStatus& p : detail.promises)
            html += QStringLiteral("<li>%1</li>")
                        .arg(tr("%1 by %2: %3, %4 paid")
                                 .arg(moneyText(p.promise.amount.fen), toQString(formatIsoDate(p.promise.due)),
                                      messageText(promiseStatusName(p.check.status)), moneyText(p.check.paid.fen)));
        html += QStringLiteral("</ul>");
    }

    const Date today = app::localNow(m_session).date;
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Contacts of the last %1 days").arg(kContactDays));
    if (auto contacts = app::ContactService(m_session).contacts(addDays(today, -kContactDays), today)) {
        QStringList lines;
        for (auto it = contacts->rbegin(); it != contacts->rend(); ++it) {
            if (it->borrowerRowId != borrower) continue;
            QString line =
                tr("%1 %2 · %3 · %4")
                    .arg(toQString(formatIsoDate(it->date)), toQString(formatClockTime(ClockTime{it->minuteOfDay})),
                         contactChannelText(it->channel), contactOutcomeText(it->outcome));
            if (it->promisedDate)
                line += tr(" · promised %1 by %2")
                            .arg(moneyText(it->promisedAmount.fen), toQString(formatIsoDate(*it->promisedDate)));
            lines << line;
        }
        html += lines.isEmpty() ? QStringLiteral("<p>%1</p>").arg(tr("none"))
                                : QStringLiteral("<p>%1</p>").arg(lines.join(QStringLiteral("<br>")));
    }

    html += QStringLiteral("<h4>%1</h4>").arg(tr("Earlier visits"));
    QStringList visits;
    if (auto notes = app::VisitNoteService(m_session).notes(addDays(today, -kEarlierVisitDays), today)) {
        const StaffNames names = app::ScreeningService(m_session).staffNames();
        for (const app::VisitNoteItem& n : *notes) {
            if (n.borrowerRowId != borrower || n.id == detail.note.id) continue;
            visits << tr("%1 · %2 · %3 · %n version(s)", nullptr, n.versions)
                          .arg(toQString(formatIsoDate(n.visitDate)), staffText(names, n.author).toHtmlEscaped(),
                               noteStateText(n.state));
        }
    }
    html += visits.isEmpty() ? QStringLiteral("<p>%1</p>").arg(tr("none"))
                             : QStringLiteral("<p>%1</p>").arg(visits.join(QStringLiteral("<br>")));
    return html;
}

bool ReviewPage::approveSelected()
{
    const std::int64_t id = selectedNote();
    if (id == 0) return false;
    auto done = app::VisitNoteService(m_session).approve(id, toStd(m_approveComment->text().trimmed()));
    if (!done) {
        MessageBox::warning(this, tr("Review"), errorText(done.error()));
        return false;
    }
    m_approveComment->clear();
    m_status->setText(tr("Visit note no. %1 approved.").arg(id));
    reload();
    return true;
}

bool ReviewPage::returnSelected(std::optional<QString> comment)
{
    const std::int64_t id = selectedNote();
    if (id == 0) return false;
    if (!comment) {
        ReturnNoteDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted) return false;
        comment = dialog.comment();
    }
    auto done = app::VisitNoteService(m_session).returnForCorrection(id, toStd(*comment));
    if (!done) {
        MessageBox::warning(this, tr("Review"), errorText(done.error()));
        return false;
    }
    m_status->setText(tr("Visit note no. %1 returned to its author.").arg(id));
    reload();
    return true;
}

void ReviewPage::openSelected()
{
    const std::int64_t id = selectedNote();
    if (id == 0) return;
    VisitNoteForm form(m_session, id, this);
    form.exec();
}

}  // namespace doorstep::gui
