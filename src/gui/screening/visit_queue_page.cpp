#include "gui/screening/visit_queue_page.h"

#include "app/portfolio/portfolio_service.h"
#include "app/screening/screening_service.h"
#include "gui/appointments/booking_dialog.h"
#include "gui/cases/case_dialog.h"
#include "gui/contacts/contact_dialog.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/screening/auto_assign_dialog.h"
#include "gui/screening/dismiss_dialog.h"
#include "gui/screening/rule_set_dialog.h"
#include "gui/screening/screening_text.h"
#include "gui/screening/visit_queue_model.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/page_refresher.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <set>

namespace doorstep::gui {
namespace {

QPushButton* button(const QString& text, const QString& name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

}  // namespace

VisitQueuePage::VisitQueuePage(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_session(workspace.session), m_model(new VisitQueueModel(this))
{
    app::Session& session = m_session;
    m_model->setStaffNames(app::ScreeningService(session).staffNames());
    const bool supervisor = session.can(Permission::ReviewWork);
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Visit queue"), this);
    title->setStyleSheet(Theme::pageTitleStyle());
    layout->addWidget(title);

    auto* filters = new QHBoxLayout;
    m_district = new QComboBox(this);
    m_district->setObjectName(QStringLiteral("queueDistrict"));
    m_bucket = new QComboBox(this);
    m_bucket->setObjectName(QStringLiteral("queueBucket"));
    m_bucket->addItem(tr("All buckets"), -1);
    for (int b = 1; b < kBucketCount; ++b)
        m_bucket->addItem(toQString(bucketName(static_cast<Bucket>(b))), b);
    m_officer = new QComboBox(this);
    m_officer->setObjectName(QStringLiteral("queueOfficer"));
    m_unassigned = new QCheckBox(tr("Unassigned only"), this);
    m_unassigned->setObjectName(QStringLiteral("queueUnassigned"));
    m_showDismissed = new QCheckBox(tr("Show dismissed"), this);
    for (QWidget* w : std::initializer_list<QWidget*>{m_district, m_bucket, m_officer, m_unassigned, m_showDismissed})
        filters->addWidget(w);
    filters->addStretch(1);
    m_officer->setVisible(supervisor);
    m_unassigned->setVisible(supervisor);
    layout->addLayout(filters);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("queueTable"));
    m_sorted = new VisitQueueSortModel(m_model, this);
    m_view->setModel(m_sorted);
    // Score order (the queue's own) until a header is clicked; every column sorts by what it shows.
    m_view->horizontalHeader()->setSortIndicator(VisitQueueModel::Score, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_detail = new QLabel(split);
    m_detail->setObjectName(QStringLiteral("queueDetail"));
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setMargin(8);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto* actions = new QHBoxLayout;
    m_accept = button(tr("&Accept for a visit"), QStringLiteral("acceptButton"), this);
    m_dismiss = button(tr("&Dismiss…"), QStringLiteral("dismissButton"), this);
    m_logContact = button(tr("Log &contact…"), QStringLiteral("logContactButton"), this);
    actions->addWidget(m_accept);
    actions->addWidget(m_dismiss);
    m_book = button(tr("&Book visit…"), QStringLiteral("queueBookButton"), this);
    actions->addWidget(m_book);
    connect(m_book, &QPushButton::clicked, this, [this] {
        if (const app::QueueItem* i = selectedItem())
            BookingDialog(m_session,
                          BookingCustomer{i->borrowerRowId, toQString(i->borrowerId + " " + i->borrowerName)}, this)
                .exec();
    });
    actions->addWidget(m_logContact);
    if (supervisor) {
        m_reopen = button(tr("&Return to the queue"), QStringLiteral("reopenButton"), this);
        m_reopen->hide();
        actions->addWidget(m_reopen);
        connect(m_reopen, &QPushButton::clicked, this, &VisitQueuePage::reopenSelected);
        m_assign = button(tr("Assign &to"), QStringLiteral("assignButton"), this);
        auto* menu = new QMenu(m_assign);
        if (auto names = app::ScreeningService(session).officers()) {
            for (const auto& name : *names) {
                const QString officer = toQString(name);
                connect(menu->addAction(m_model->staffName(name)), &QAction::triggered, this,
                        [this, officer] { assignSelected(officer); });
            }
        }
        m_assign->setMenu(menu);
        auto* autoAssign = button(tr("Assign a&utomatically…"), QStringLiteral("autoAssignButton"), this);
        auto* rules = button(tr("&Rules…"), QStringLiteral("rulesButton"), this);
        auto* rerun = button(tr("Run &screening"), QStringLiteral("rerunButton"), this);
        for (QPushButton* b : {m_assign, autoAssign, rules, rerun})
            actions->addWidget(b);
        connect(autoAssign, &QPushButton::clicked, this, &VisitQueuePage::autoAssign);
        connect(rules, &QPushButton::clicked, this, &VisitQueuePage::editRules);
        connect(rerun, &QPushButton::clicked, this, &VisitQueuePage::rerunScreening);
    }
    actions->addStretch(1);
    layout->addLayout(actions);
    // The count on the left; what the last action did on the right, kept when the list reloads itself.
    auto* statusLine = new QHBoxLayout;
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("queueCount"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("queueStatus"));
    statusLine->addWidget(m_count);
    statusLine->addSpacing(24);
    statusLine->addWidget(m_status, 1);
    layout->addLayout(statusLine);
    m_refreshing = new QLabel(tr("The data is being updated in the background; this list refreshes itself when it is "
                                 "done."),
                              this);
    m_refreshing->setObjectName(QStringLiteral("queueRefreshing"));
    m_refreshing->setStyleSheet(Theme::noticeStyle());
    m_refreshing->setVisible(m_workspace.job.isRunning());
    layout->insertWidget(0, m_refreshing);
    connect(&m_workspace.job, &BackgroundJob::runningChanged, m_refreshing, &QLabel::setVisible);
    auto* refresher = new PageRefresher(this, [this] { reload(); });
    connect(&m_workspace.changes, &ChangeNotifier::queueChanged, refresher, &PageRefresher::dataChanged);

    connect(m_accept, &QPushButton::clicked, this, &VisitQueuePage::acceptSelected);
    connect(m_dismiss, &QPushButton::clicked, this, &VisitQueuePage::dismissSelected);
    connect(m_logContact, &QPushButton::clicked, this, &VisitQueuePage::logContact);
    for (QComboBox* c : {m_district, m_bucket, m_officer})
        connect(c, &QComboBox::currentIndexChanged, this, &VisitQueuePage::applyFilter);
    for (QCheckBox* c : {m_unassigned, m_showDismissed})
        connect(c, &QCheckBox::toggled, this, &VisitQueuePage::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VisitQueuePage::showDetail);
    connect(m_view, &QTableView::activated, this, &VisitQueuePage::openCase);  // double-click or Enter
    reload();
}

const app::QueueItem* VisitQueuePage::selectedItem() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_sorted->itemAt(rows.first());
}

std::int64_t VisitQueuePage::selectedBorrower() const
{
    const app::QueueItem* item = selectedItem();
    return item != nullptr ? item->borrowerRowId : 0;
}

std::int64_t VisitQueuePage::neighbourOfSelected() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) return 0;
    const int row = rows.first().row();
    for (const int other : {row + 1, row - 1}) {
        if (const auto* item = m_sorted->itemAt(m_sorted->index(other, 0))) return item->borrowerRowId;
    }
    return 0;
}

void VisitQueuePage::selectBorrower(std::int64_t borrowerRowId)
{
    const int sourceRow = m_model->rowOf(borrowerRowId);
    if (sourceRow < 0) return;
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) return;
    m_view->selectRow(index.row());
    m_view->scrollTo(index);
}

void VisitQueuePage::logContact()
{
    const app::QueueItem* item = selectedItem();
    if (item == nullptr) return;
    ContactDialog(m_session, item->borrowerRowId, toQString(item->borrowerName), this).exec();
}

void VisitQueuePage::openCase()
{
    const std::int64_t id = selectedBorrower();
    if (id == 0) return;
    auto found = app::PortfolioService(m_session).openCase(id);
    if (!found) {
        MessageBox::warning(this, tr("Case"), errorText(found.error()));
        return;
    }
    CaseDialog dialog(m_session, std::move(*found), this);
    dialog.exec();
}

void VisitQueuePage::reload()
{
    app::QueueFilter everything;
    everything.includeDismissed = true;
    auto items = app::ScreeningService(m_session).queue(everything);
    if (!items) {
        m_status->setText(errorText(items.error()));
        return;
    }
    m_queue = std::make_shared<const std::vector<app::QueueItem>>(std::move(*items));
    m_fitColumns = true;
    // District and officer choices from the queue (without the dismissed), keeping the current choice.
    if (m_district->count() == 0 || m_officer->count() == 0) {
        std::set<std::string> districts;
        std::set<std::string> officers;
        for (const auto& i : *m_queue) {
            if (i.state == QueueState::Dismissed) continue;
            districts.insert(i.district);
            if (!i.officer.empty()) officers.insert(i.officer);
        }
        const QSignalBlocker b1(m_district);
        const QSignalBlocker b2(m_officer);
        m_district->clear();
        m_district->addItem(tr("All districts"), QString());
        for (const auto& d : districts)
            m_district->addItem(toQString(d), toQString(d));
        m_officer->clear();
        m_officer->addItem(tr("All officers"), QString());
        for (const auto& o : officers)
            m_officer->addItem(m_model->staffName(o), toQString(o));
    }
    applyFilter();
}

void VisitQueuePage::applyFilter()
{
    if (!m_queue) return;
    const std::int64_t selected = selectedBorrower();
    app::QueueFilter filter;
    filter.district = toStd(m_district->currentData().toString());
    if (const int b = m_bucket->currentData().toInt(); b >= 0) filter.bucket = static_cast<Bucket>(b);
    // An officer's queue holds only their own cases (ScreeningService::queue): no officer to choose there.
    if (m_session.can(Permission::ViewAllCases)) {
        filter.officer = toStd(m_officer->currentData().toString());
        filter.unassignedOnly = m_unassigned->isChecked();
    }
    filter.includeDismissed = m_showDismissed->isChecked();
    std::vector<std::uint32_t> shown;
    for (std::size_t i = 0; i < m_queue->size(); ++i) {
        if (app::passesQueueFilter(filter, (*m_queue)[i])) shown.push_back(static_cast<std::uint32_t>(i));
    }
    m_model->setItems(m_queue, std::move(shown));
    // The columns fit the queue as read (reload), not each filter's part of it: a filter does not make the
    // columns jump, nor measure the text of up to 1,000 rows again (issue 8).
    if (m_fitColumns) {
        m_view->resizeColumnsToContents();
        m_fitColumns = false;
    }
    m_count->setText(tr("%Ln customer(s) in the queue", nullptr, m_model->rowCount()));
    selectBorrower(selected);
    showDetail();
}

void VisitQueuePage::showDetail()
{
    const auto rows = m_view->selectionModel()->selectedRows();
    const app::QueueItem* item = selectedItem();
    // The buttons offer what the queue's state machine allows this user (domain/screening/visit_queue_state.h).
    const std::vector<QueueMove> moves =
        item != nullptr ? app::ScreeningService(m_session).allowedMoves(*item) : std::vector<QueueMove>{};
    const auto allows = [&moves](QueueMove m) { return std::ranges::find(moves, m) != moves.end(); };
    m_accept->setEnabled(allows(QueueMove::Accept));
    m_dismiss->setEnabled(allows(QueueMove::Dismiss));
    m_book->setEnabled(item != nullptr && item->state == QueueState::Accepted);
    if (m_reopen != nullptr) m_reopen->setVisible(allows(QueueMove::Reopen));
    if (m_assign != nullptr) m_assign->setEnabled(!rows.isEmpty());
    m_logContact->setEnabled(item != nullptr);
    if (item == nullptr) {
        m_detail->setText(tr("Select a customer to see why they are in the queue."));
        return;
    }
    QString html = QStringLiteral("<b>%1 %2</b> — %3<br>")
                       .arg(toQString(item->borrowerId).toHtmlEscaped(), toQString(item->borrowerName).toHtmlEscaped(),
                            item->ruleSetVersion > 0
                                ? tr("score %1 (rule set version %2)").arg(item->score).arg(item->ruleSetVersion)
                                : tr("score %1 (the default rules)").arg(item->score));
    QStringList lines;
    for (const RuleHit& h : mergedHits(item->hits))
        lines << hitText(h).toHtmlEscaped();
    html += lines.join(QStringLiteral("<br>"));
    if (item->state == QueueState::Dismissed)
        html += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("Dismissed: %1. %2")
                             .arg(dismissReasonText(item->dismissReason), toQString(item->dismissNote))
                             .toHtmlEscaped());
    m_detail->setText(html);
}

void VisitQueuePage::acceptSelected()
{
    const std::int64_t id = selectedBorrower();
    if (id == 0) return;
    const std::int64_t next = neighbourOfSelected();
    if (auto r = app::ScreeningService(m_session).accept(id); !r) {
        MessageBox::warning(this, tr("Visit queue"), errorText(r.error()));
        return;
    }
    reload();
    selectBorrower(next);  // on to the next case
}

void VisitQueuePage::reopenSelected()
{
    const std::int64_t id = selectedBorrower();
    if (id == 0) return;
    if (auto r = app::ScreeningService(m_session).reopen(id); !r) {
        MessageBox::warning(this, tr("Visit queue"), errorText(r.error()));
        return;
    }
    reload();
}

void VisitQueuePage::dismissSelected()
{
    const std::int64_t id = selectedBorrower();
    const int row = m_model->rowOf(id);
    if (id == 0 || row < 0) return;
    const std::int64_t next = neighbourOfSelected();
    DismissDialog dialog(m_model->index(row, VisitQueueModel::Customer).data().toString(), this);
    while (dialog.exec() == QDialog::Accepted) {
        const auto r = app::ScreeningService(m_session).dismiss(id, dialog.reason(), toStd(dialog.note()));
        if (r) {
            reload();
            selectBorrower(next);  // on to the next case
            return;
        }
        dialog.showError(errorText(r.error()));
    }
}

void VisitQueuePage::assignSelected(const QString& officer)
{
    std::vector<std::int64_t> ids;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) {
        if (const auto* item = m_sorted->itemAt(index)) ids.push_back(item->borrowerRowId);
    }
    if (ids.empty()) return;
    if (auto r = app::ScreeningService(m_session).assign(ids, toStd(officer)); !r) {
        MessageBox::warning(this, tr("Visit queue"), errorText(r.error()));
        return;
    }
    m_status->setText(tr("%Ln case(s) assigned to %1.", nullptr, static_cast<int>(ids.size()))
                          .arg(m_model->staffName(toStd(officer))));
    reload();
}

void VisitQueuePage::rerunScreening()
{
    const bool started = m_workspace.job.start<Result<app::ScreeningSummary>>(
        this,
        [](app::Session& session, const JobProgress&) {
            app::ScreeningService service(session);
            return service.run(service.currentAsOf());
        },
        [this](Result<app::ScreeningSummary> summary) { showScreeningResult(summary); });
    m_status->setText(started ? tr("Screening every customer…")
                              : tr("Another long task is still running; try again when it has finished."));
}

void VisitQueuePage::showScreeningResult(const Result<app::ScreeningSummary>& summary)
{
    const auto done = qScopeGuard([this] { Q_EMIT screeningFinished(); });
    if (!summary) {
        m_status->clear();
        MessageBox::warning(this, tr("Visit queue"), errorText(summary.error()));
        return;
    }
    reload();
    const QString rules =
        summary->ruleSetVersion > 0 ? tr("rule set version %1").arg(summary->ruleSetVersion) : tr("the default rules");
    m_status->setText(tr("Screened %L1 customers with %2: %L3 in the queue, %L4 excluded.")
                          .arg(summary->borrowers)
                          .arg(rules)
                          .arg(summary->queued)
                          .arg(summary->excluded));
}

void VisitQueuePage::editRules()
{
    app::ScreeningService service(m_session);
    auto current = service.currentRuleSet();
    if (!current) return;
    RuleSetDialog dialog(*current, this);
    while (dialog.exec() == QDialog::Accepted) {
        const auto saved = service.saveRuleSet(dialog.ruleSet());
        if (saved) {
            rerunScreening();  // the queue follows the new rules at once
            return;
        }
        dialog.showError(errorText(saved.error()));
    }
}

void VisitQueuePage::autoAssign()
{
    AutoAssignDialog dialog(m_session, this);
    const bool applied = dialog.exec() == QDialog::Accepted;
    if (applied || dialog.undone()) reload();
    if (applied) {
        m_status->setText(tr("%Ln case(s) assigned automatically.", nullptr, dialog.appliedChanges()));
    } else if (dialog.undone()) {
        m_status->setText(tr("The last automatic assignment was undone: %Ln case(s) have their previous officer.",
                             nullptr, dialog.undone()->restored));
    }
}

}  // namespace doorstep::gui
