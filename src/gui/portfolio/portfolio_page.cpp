#include "gui/portfolio/portfolio_page.h"

#include "app/portfolio/portfolio_service.h"
#include "app/screening/screening_service.h"
#include "gui/cases/case_dialog.h"
#include "gui/portfolio/portfolio_model.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/page_refresher.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace doorstep::gui {
namespace {

QComboBox* makeCombo(const QString& name, const QString& anyText, QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->addItem(anyText, QString());
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

std::string selected(const QComboBox* combo)
{
    return toStd(combo->currentData().toString());
}

}  // namespace

PortfolioPage::PortfolioPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_session(workspace.session), m_model(new PortfolioModel(workspace.session, this))
{
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Portfolio"), this);
    title->setStyleSheet(Theme::pageTitleStyle());
    layout->addWidget(title);
    auto* refreshing = new QLabel(
        tr("The data is being updated in the background; this list refreshes itself when it is done."), this);
    refreshing->setObjectName(QStringLiteral("portfolioRefreshing"));
    refreshing->setStyleSheet(Theme::noticeStyle());
    refreshing->setVisible(workspace.job.isRunning());
    layout->addWidget(refreshing);
    connect(&workspace.job, &BackgroundJob::runningChanged, refreshing, &QLabel::setVisible);
    auto* refresher = new PageRefresher(this, [this] { reload(); });
    connect(&workspace.changes, &ChangeNotifier::portfolioChanged, refresher, &PageRefresher::dataChanged);

    auto* filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("portfolioSearch"));
    m_search->setPlaceholderText(tr("Search name, loan or customer no. (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_bucket = makeCombo(QStringLiteral("bucketFilter"), tr("All buckets"), this);
    for (const char* b : {"M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7"})
        m_bucket->addItem(QString::fromLatin1(b), QString::fromLatin1(b));
    m_class = makeCombo(QStringLiteral("classFilter"), tr("All classes"), this);
    for (const char* c : {"normal", "special_mention", "substandard", "doubtful", "loss"})
        m_class->addItem(riskClassText(c), QString::fromLatin1(c));
    m_product = makeCombo(QStringLiteral("productFilter"), tr("All products"), this);
    for (const char* p : {"mortgage", "consumer", "business", "credit_card"})
        m_product->addItem(productText(p), QString::fromLatin1(p));
    m_district = makeCombo(QStringLiteral("districtFilter"), tr("All districts"), this);
    m_officer = makeCombo(QStringLiteral("officerFilter"), tr("All officers"), this);
    m_overdueOnly = new QCheckBox(tr("Overdue only"), this);
    m_overdueOnly->setObjectName(QStringLiteral("overdueOnly"));
    m_leftBookOnly = new QCheckBox(tr("No longer in the book"), this);
    m_leftBookOnly->setObjectName(QStringLiteral("leftBookOnly"));
    m_leftBookOnly->setToolTip(tr("Loans that no later extract from core banking held: paid off, written off or "
                                  "transferred. They keep the figures of the last extract that held them."));
    filters->addWidget(m_search, 2);
    for (QWidget* w : std::initializer_list<QWidget*>{m_bucket, m_class, m_product, m_district, m_officer,
                                                      m_overdueOnly, m_leftBookOnly})
        filters->addWidget(w);
    layout->addLayout(filters);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("portfolioTable"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_sortColumn = PortfolioModel::Dpd;
    m_view->sortByColumn(PortfolioModel::Dpd, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // A click on a masked column's header keeps the current order and its indicator.
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this, header = m_view->horizontalHeader()](int column, Qt::SortOrder order) {
                if (PortfolioModel::isSortable(column)) {
                    m_sortColumn = column;
                    m_sortOrder = order;
                    return;
                }
                const QSignalBlocker block(header);
                header->setSortIndicator(m_sortColumn, m_sortOrder);
            });
    layout->addWidget(m_view, 1);
    m_emptyLabel = new QLabel(tr("No loans yet. Loans appear here after the first import from core banking "
                                 "(Import page, for supervisors and administrators)."),
                              this);
    m_emptyLabel->setObjectName(QStringLiteral("portfolioEmpty"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    layout->addWidget(m_emptyLabel);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("portfolioCount"));
    layout->addWidget(m_countLabel);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);  // search as the person types, without a query per keystroke
    connect(&m_searchDelay, &QTimer::timeout, this, &PortfolioPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    // Enter in the search box goes to the first match, ready to open with Enter again.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchDelay.isActive()) {
            m_searchDelay.stop();
            applyFilter();
        }
        if (m_model->rowCount() == 0) return;
        m_view->setFocus();
        m_view->setCurrentIndex(m_model->index(0, 0));
    });
    for (QComboBox* combo : {m_bucket, m_class, m_product, m_district, m_officer})
        connect(combo, &QComboBox::currentIndexChanged, this, &PortfolioPage::applyFilter);
    connect(m_overdueOnly, &QCheckBox::toggled, this, &PortfolioPage::applyFilter);
    connect(m_leftBookOnly, &QCheckBox::toggled, this, &PortfolioPage::applyFilter);
    connect(m_view, &QTableView::activated, this, &PortfolioPage::openCase);
    connect(m_model, &PortfolioModel::totalChanged, this, [this](qint64 total) {
        m_countLabel->setText(tr("%Ln loan(s)", nullptr, static_cast<int>(total)));
        const bool empty = total == 0 && m_model->filter().search.empty() && m_bucket->currentIndex() == 0 &&
                           m_class->currentIndex() == 0 && m_product->currentIndex() == 0 &&
                           m_district->currentIndex() == 0 && m_officer->currentIndex() == 0 &&
                           !m_overdueOnly->isChecked() && !m_leftBookOnly->isChecked();
        m_emptyLabel->setVisible(empty);
        m_view->setVisible(!empty);
    });
    connect(m_model, &PortfolioModel::failed, this,
            [this](const QString& message) { MessageBox::warning(this, tr("Portfolio"), message); });

    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);  // active whenever this page is the one shown
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
    // The sort above read the portfolio's keys already: fill the choices and show the list from them.
    fillChoices();
    applyFilter();
}

void PortfolioPage::fillChoices()
{
    const auto refill = [this](QComboBox* combo, const std::vector<std::string>& values) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker block(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const auto& v : values)
            combo->addItem(combo == m_officer ? m_model->staffName(v) : toQString(v), toQString(v));
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    };
    app::PortfolioService service(m_session);
    m_model->setStaffNames(app::ScreeningService(m_session).staffNames());
    if (auto districts = service.districts()) refill(m_district, *districts);
    // A supervisor's choice of officers comes from the keys the list holds anyway (no second pass over the loans);
    // an officer's is their own name.
    const auto listing = m_session.can(Permission::ViewAllCases) ? m_model->listing() : nullptr;
    if (listing) {
        refill(m_officer, listing->officers());
    } else if (auto officers = service.officers()) {
        refill(m_officer, *officers);
    }
    m_officer->setVisible(m_session.can(Permission::ViewAllCases));
}

void PortfolioPage::reload()
{
    m_model->forgetListing();  // the data changed: read the keys again
    fillChoices();
    applyFilter();
}

void PortfolioPage::applyFilter()
{
    app::PortfolioFilter filter;
    filter.search = toStd(m_search->text().trimmed());
    filter.bucket = selected(m_bucket);
    filter.riskClass = selected(m_class);
    filter.product = selected(m_product);
    filter.district = selected(m_district);
    filter.officer = selected(m_officer);
    filter.overdueOnly = m_overdueOnly->isChecked();
    // The default list is the book; a search also finds loans that left it (storage::PortfolioFilter).
    filter.book = m_leftBookOnly->isChecked() ? storage::BookFilter::LeftBook : storage::BookFilter::InBook;
    m_model->setFilter(filter);
    m_view->resizeColumnsToContents();
}

void PortfolioPage::openCase(const QModelIndex& index)
{
    if (!index.isValid()) return;
    const auto borrower = index.data(PortfolioModel::BorrowerRowIdRole).toLongLong();
    auto found = app::PortfolioService(m_session).openCase(borrower);
    if (!found) {
        MessageBox::warning(this, tr("Case"), errorText(found.error()));
        return;
    }
    CaseDialog dialog(m_session, std::move(*found), this);
    dialog.exec();
}

}  // namespace doorstep::gui
