#include "gui/shared/main_window.h"

#include "gui/appointments/appointments_page.h"
#include "gui/contacts/exceptions_dialog.h"
#include "gui/contacts/message_templates_dialog.h"
#include "gui/contacts/reminders_dialog.h"
#include "gui/plans/plans_page.h"
#include "gui/portfolio/import_page.h"
#include "gui/portfolio/portfolio_page.h"
#include "gui/screening/visit_queue_page.h"
#include "gui/shared/app_settings.h"
#include "gui/shared/empty_state_page.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/settings_dialog.h"
#include "gui/shared/theme.h"
#include "gui/users/admin_page.h"
#include "gui/users/password_dialog.h"
#include "gui/visits/review_page.h"
#include "gui/visits/visits_page.h"

#include <QAction>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <utility>

namespace doorstep::gui {

MainWindow::MainWindow(app::Session& session, QWidget* parent) : QMainWindow(parent), m_session(session)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Doorstep — %1").arg(QFileInfo(toQString(session.databasePath().string())).fileName()));
    // First start: maximised, so the money columns fit on a 1366×768 desk; afterwards as the user left it.
    if (!restoreGeometry(AppSettings::windowGeometry())) {
        if (const QScreen* s = QGuiApplication::primaryScreen()) setGeometry(s->availableGeometry());
        setWindowState(windowState() | Qt::WindowMaximized);
    }

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(180);
    m_navigation->setStyleSheet(Theme::navigationStyle());
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showRow);

    m_job = new BackgroundJob(session, this);
    m_changes = new ChangeNotifier(session, this);
    m_workspace = std::make_unique<Workspace>(Workspace{session, *m_changes, *m_job});
    buildPages();
    buildMenus();

    const User& user = session.user();
    auto* userLabel = new QLabel(
        tr("%1 (%2) · %3").arg(toQString(user.displayName), toQString(user.username), roleText(user.role)), this);
    userLabel->setObjectName(QStringLiteral("statusUser"));
    statusBar()->addPermanentWidget(userLabel);
    auto* lockButton = new QToolButton(this);
    lockButton->setObjectName(QStringLiteral("lockButton"));
    lockButton->setText(tr("Lock"));
    lockButton->setToolTip(tr("Lock Doorstep now (Ctrl+L)"));
    connect(lockButton, &QToolButton::clicked, this, &MainWindow::lockRequested);
    statusBar()->addPermanentWidget(lockButton);
    m_navigation->setCurrentRow(0);
    // An administrator's work is administration; everyone else starts at the top of the list.
    if (roleAllows(user.role, Permission::ManageUsers)) showPage(QStringLiteral("administrationPage"));
}

MainWindow::~MainWindow()
{
    AppSettings::setWindowGeometry(saveGeometry());
    m_job->cancelAndWait();  // before the pages and the session the work reports to go away
}

void MainWindow::addPage(std::function<QWidget*()> make, const QString& objectName, const QString& label)
{
    auto* placeholder = new QWidget;
    placeholder->setObjectName(objectName + QStringLiteral("Unbuilt"));
    m_pages->addWidget(placeholder);
    m_unbuilt.push_back([make = std::move(make), objectName] {
        QWidget* page = make();
        page->setObjectName(objectName);
        return page;
    });
    auto* item = new QListWidgetItem(label, m_navigation);
    item->setData(Qt::UserRole, objectName);
}

void MainWindow::showRow(int row)
{
    if (row < 0 || row >= m_pages->count()) return;
    const auto index = static_cast<std::size_t>(row);
    if (index < m_unbuilt.size() && m_unbuilt[index]) {
        QWidget* placeholder = m_pages->widget(row);
        QWidget* page = std::exchange(m_unbuilt[index], nullptr)();
        m_pages->insertWidget(row, page);
        m_pages->removeWidget(placeholder);
        delete placeholder;
    }
    m_pages->setCurrentIndex(row);
}

void MainWindow::buildPages()
{
    const Role role = m_session.user().role;
    const bool works = roleAllows(role, Permission::WorkCases);
    if (works) {
        addPage([this] { return new PortfolioPage(*m_workspace); }, QStringLiteral("portfolioPage"), tr("Portfolio"));
        addPage([this] { return new VisitQueuePage(*m_workspace); }, QStringLiteral("visitQueuePage"),
                tr("Visit queue"));
        addPage([this] { return new AppointmentsPage(*m_workspace); }, QStringLiteral("appointmentsPage"),
                tr("Appointments"));
        addPage([this] { return new VisitsPage(*m_workspace); }, QStringLiteral("visitsPage"), tr("Visits"));
        addPage([this] { return new PlansPage(*m_workspace); }, QStringLiteral("plansPage"), tr("Plans"));
    }
    if (roleAllows(role, Permission::ReviewWork)) {
        addPage([this] { return new ReviewPage(*m_workspace); }, QStringLiteral("reviewPage"), tr("Review"));
    }
    // Not built yet, and it says so (issue 8): it does not suggest that loans or visits are missing.
    addPage(
        [] {
            return new EmptyStatePage(tr("Reports"), tr("Reports come in a later version"),
                                      tr("Team figures, roll rates and the supervisor summary will be shown here."));
        },
        QStringLiteral("reportsPage"), tr("Reports"));
    if (roleAllows(role, Permission::ImportPortfolio)) {
        // The pages showing the portfolio and the queue refresh themselves (ChangeNotifier).
        addPage([this] { return new ImportPage(*m_workspace); }, QStringLiteral("importPage"), tr("Import"));
    }
    if (roleAllows(role, Permission::ManageUsers)) {
        addPage([this] { return new AdminPage(*m_workspace); }, QStringLiteral("administrationPage"),
                tr("Administration"));
    }
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* password = file->addAction(tr("Change &password…"));
    password->setObjectName(QStringLiteral("changePasswordAction"));
    connect(password, &QAction::triggered, this, &MainWindow::changeOwnPassword);
    QAction* settings = file->addAction(tr("&Settings…"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    file->addSeparator();
    QAction* lock = file->addAction(tr("&Lock"));
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lock->setShortcutContext(Qt::ApplicationShortcut);
    connect(lock, &QAction::triggered, this, &MainWindow::lockRequested);
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int row = 0; row < m_navigation->count() && row < 9; ++row) {
        QAction* action = go->addAction(m_navigation->item(row)->text());
        action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + row)));
        connect(action, &QAction::triggered, this, [this, row] { m_navigation->setCurrentRow(row); });
    }

    if (m_session.can(Permission::WorkCases)) {  // issue 10: reminders, the SMS outbox, templates, exceptions
        QMenu* contacts = menuBar()->addMenu(tr("C&ontacts"));
        QAction* reminders = contacts->addAction(tr("&Tomorrow's reminders…"));
        reminders->setObjectName(QStringLiteral("remindersAction"));
        connect(reminders, &QAction::triggered, this, [this] { RemindersDialog(m_session, this).exec(); });
        if (m_session.can(Permission::ReviewWork)) {
            QAction* templates = contacts->addAction(tr("&Message templates…"));
            templates->setObjectName(QStringLiteral("templatesAction"));
            connect(templates, &QAction::triggered, this, [this] { MessageTemplatesDialog(m_session, this).exec(); });
            QAction* exceptions = contacts->addAction(tr("Contact-rule &exceptions…"));
            exceptions->setObjectName(QStringLiteral("exceptionsAction"));
            connect(exceptions, &QAction::triggered, this, [this] { ExceptionsDialog(m_session, this).exec(); });
        }
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Doorstep"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

bool MainWindow::showPage(const QString& pageName)
{
    for (int row = 0; row < m_navigation->count(); ++row) {
        if (m_navigation->item(row)->data(Qt::UserRole).toString() == pageName) {
            m_navigation->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QStringList MainWindow::visiblePages() const
{
    QStringList names;
    for (int row = 0; row < m_navigation->count(); ++row)
        names << m_navigation->item(row)->data(Qt::UserRole).toString();
    return names;
}

void MainWindow::changeOwnPassword()
{
    PasswordDialog dialog(PasswordDialog::Mode::ChangeOwn, toQString(m_session.user().username), this);
    while (dialog.exec() == QDialog::Accepted) {
        const auto result = m_session.changeOwnPassword(toStd(dialog.currentPassword()), toStd(dialog.newPassword()));
        if (result) {
            MessageBox::information(this, tr("Password changed"), tr("Your password was changed."));
            return;
        }
        dialog.showError(errorText(result.error()));
    }
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) Q_EMIT settingsChanged();
}

void MainWindow::showAbout()
{
    MessageBox::information(this, tr("About Doorstep"),
                            tr("Doorstep %1\nHome-visit case management for collections officers.\n"
                               "Licensed under the GNU GPL, version 3 or later.")
                                .arg(QStringLiteral(DOORSTEP_VERSION)));
}

}  // namespace doorstep::gui
