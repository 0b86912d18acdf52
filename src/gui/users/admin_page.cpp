#include "gui/users/admin_page.h"

#include "app/audit/audit_names.h"
#include "app/audit/audit_verify.h"
#include "app/portfolio/delinquency_service.h"
#include "app/screening/screening_service.h"
#include "app/users/user_admin.h"
#include "gui/audit/audit_table_model.h"
#include "gui/plans/plan_settings_dialog.h"
#include "gui/portfolio/delinquency_settings_dialog.h"
#include "gui/shared/change_notifier.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/page_refresher.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "gui/users/password_dialog.h"
#include "gui/users/user_dialog.h"
#include "gui/users/user_table_model.h"
#include "report/audit_report.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <atomic>
#include <memory>

namespace doorstep::gui {
namespace {

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    return view;
}

QPushButton* makeButton(const QString& text, const QString& name, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(name);
    return button;
}

}  // namespace

AdminPage::AdminPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_session(workspace.session), m_users(new UserTableModel(this)),
      m_audit(new AuditTableModel(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Administration"), this);
    title->setStyleSheet(Theme::pageTitleStyle());
    layout->addWidget(title);

    auto* usersBox = new QGroupBox(tr("Users"), this);
    auto* usersLayout = new QVBoxLayout(usersBox);
    m_userView = makeTable(m_users, usersBox, QStringLiteral("userTable"));
    usersLayout->addWidget(m_userView);
    auto* buttons = new QHBoxLayout;
    auto* addButton = makeButton(tr("&Add user…"), QStringLiteral("addUserButton"), usersBox);
    m_disableButton = makeButton(tr("&Disable"), QStringLiteral("disableUserButton"), usersBox);
    m_roleButton = makeButton(tr("Set &role"), QStringLiteral("roleButton"), usersBox);
    m_resetButton = makeButton(tr("Reset &password…"), QStringLiteral("resetPasswordButton"), usersBox);
    m_removeButton = makeButton(tr("Re&move…"), QStringLiteral("removeUserButton"), usersBox);
    auto* roleMenu = new QMenu(m_roleButton);
    for (Role role : {Role::Officer, Role::Supervisor, Role::Administrator}) {
        QAction* action = roleMenu->addAction(roleText(role));
        connect(action, &QAction::triggered, this, [this, role] { setRole(role); });
    }
    m_roleButton->setMenu(roleMenu);
    for (QPushButton* b : {addButton, m_disableButton, m_roleButton, m_resetButton, m_removeButton})
        buttons->addWidget(b);
    buttons->addStretch(1);
    usersLayout->addLayout(buttons);
    m_statusLabel = new QLabel(usersBox);
    m_statusLabel->setObjectName(QStringLiteral("adminStatus"));
    m_statusLabel->setWordWrap(true);
    usersLayout->addWidget(m_statusLabel);
    layout->addWidget(usersBox, 1);

    auto* rulesBox = new QGroupBox(tr("Branch rules"), this);
    auto* rulesLayout = new QHBoxLayout(rulesBox);
    auto* delinquencyButton =
        makeButton(tr("&Delinquency rules…"), QStringLiteral("delinquencySettingsButton"), rulesBox);
    rulesLayout->addWidget(delinquencyButton);
    rulesLayout->addWidget(
        new QLabel(tr("Penalty interest, payment allocation, buckets and five-category class thresholds."), rulesBox),
        1);
    auto* planButton = makeButton(tr("&Repayment-plan rules…"), QStringLiteral("planSettingsButton"), rulesBox);
    rulesLayout->addWidget(planButton);
    connect(planButton, &QPushButton::clicked, this, &AdminPage::editPlanSettings);
    layout->addWidget(rulesBox);

    auto* auditBox = new QGroupBox(tr("Audit trail"), this);
    auto* auditLayout = new QVBoxLayout(auditBox);
    auto* auditButtons = new QHBoxLayout;
    auto* verifyButton = makeButton(tr("&Verify audit trail"), QStringLiteral("verifyAuditButton"), auditBox);
    auditButtons->addWidget(verifyButton);
    auto* exportButton = makeButton(tr("E&xport as PDF…"), QStringLiteral("exportAuditButton"), auditBox);
    auditButtons->addWidget(exportButton);
    m_auditLabel = new QLabel(auditBox);
    m_auditLabel->setObjectName(QStringLiteral("auditStatus"));
    m_auditLabel->setWordWrap(true);
    auditButtons->addWidget(m_auditLabel, 1);
    auditLayout->addLayout(auditButtons);
    // At 1366x768 the audit trail left the user list about one row and a half: keep five in sight.
    m_userView->setMinimumHeight(m_userView->horizontalHeader()->sizeHint().height() +
                                 5 * m_userView->verticalHeader()->defaultSectionSize() + 2 * m_userView->frameWidth());
    m_auditView = makeTable(m_audit, auditBox, QStringLiteral("auditTable"));
    m_auditView->setWordWrap(false);
    auditLayout->addWidget(m_auditView);
    layout->addWidget(auditBox, 3);  // the audit trail takes the page's height

    connect(addButton, &QPushButton::clicked, this, &AdminPage::addUser);
    connect(m_disableButton, &QPushButton::clicked, this, &AdminPage::toggleDisabled);
    connect(m_resetButton, &QPushButton::clicked, this, &AdminPage::resetPassword);
    connect(m_removeButton, &QPushButton::clicked, this, &AdminPage::removeUser);
    connect(verifyButton, &QPushButton::clicked, this, &AdminPage::verifyAudit);
    connect(exportButton, &QPushButton::clicked, this, &AdminPage::exportAudit);
    connect(delinquencyButton, &QPushButton::clicked, this, &AdminPage::editDelinquencySettings);
    connect(m_userView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AdminPage::updateButtons);
    // Users added and events written by another program (doorstep-cli) or another page show without a restart.
    auto* refresher = new PageRefresher(this, [this] { reload(); });
    for (auto signal : {&ChangeNotifier::usersChanged, &ChangeNotifier::portfolioChanged, &ChangeNotifier::queueChanged,
                        &ChangeNotifier::settingsChanged})
        connect(&workspace.changes, signal, refresher, &PageRefresher::dataChanged);
    reload();
}

void AdminPage::reload()
{
    const qlonglong selectedId = selectedUser() != nullptr ? selectedUser()->id : -1;
    if (auto users = app::UserAdministration(m_session).list()) m_users->setUsers(std::move(*users));
    if (auto events = app::recentAuditEvents(m_session, 200)) {
        auto names = app::auditNames(m_session, *events);
        m_audit->setEvents(std::move(*events), names ? std::move(*names) : app::AuditNames{});
    }
    m_userView->resizeColumnsToContents();
    m_auditView->resizeColumnsToContents();
    for (int row = 0; row < m_users->rowCount(); ++row) {
        if (m_users->userAt(row)->id == selectedId) m_userView->selectRow(row);
    }
    updateButtons();
}

const User* AdminPage::selectedUser() const
{
    const auto rows = m_userView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_users->userAt(rows.first().row());
}

void AdminPage::updateButtons()
{
    const User* user = selectedUser();
    const bool other = user != nullptr && user->id != m_session.user().id;
    for (QPushButton* b : {m_disableButton, m_roleButton, m_resetButton, m_removeButton})
        b->setEnabled(other);
    m_disableButton->setText(user != nullptr && user->disabled ? tr("&Enable") : tr("&Disable"));
}

void AdminPage::showResult(const Result<void>& result, const QString& success)
{
    if (result) {
        m_statusLabel->setStyleSheet(QString());
        m_statusLabel->setText(success);
    } else {
        m_statusLabel->setStyleSheet(Theme::errorStyle());
        m_statusLabel->setText(errorText(result.error()));
    }
    reload();
}

void AdminPage::addUser()
{
    UserDialog dialog(this);
    while (dialog.exec() == QDialog::Accepted) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        const auto added = app::UserAdministration(m_session).add(dialog.newUser());
        QGuiApplication::restoreOverrideCursor();
        if (added) {
            showResult({}, tr("User %1 was added.").arg(toQString(added->username)));
            return;
        }
        dialog.showError(errorText(added.error()));
    }
}

void AdminPage::toggleDisabled()
{
    const User* user = selectedUser();
    if (user == nullptr) return;
    const QString name = toQString(user->username);
    const bool disable = !user->disabled;
    showResult(app::UserAdministration(m_session).setDisabled(user->id, disable),
               disable ? tr("User %1 was disabled and can no longer log in.").arg(name)
                       : tr("User %1 was enabled.").arg(name));
}

void AdminPage::setRole(Role role)
{
    const User* user = selectedUser();
    if (user == nullptr) return;
    const QString name = toQString(user->username);
    showResult(app::UserAdministration(m_session).setRole(user->id, role),
               tr("User %1 is now: %2.").arg(name, roleText(role)));
}

void AdminPage::resetPassword()
{
    const User* user = selectedUser();
    if (user == nullptr) return;
    const auto id = user->id;
    const QString name = toQString(user->username);
    PasswordDialog dialog(PasswordDialog::Mode::Reset, name, this);
    while (dialog.exec() == QDialog::Accepted) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        const auto result = app::UserAdministration(m_session).resetPassword(id, toStd(dialog.newPassword()));
        QGuiApplication::restoreOverrideCursor();
        if (result) {
            showResult({}, tr("The password of %1 was reset.").arg(name));
            return;
        }
        dialog.showError(errorText(result.error()));
    }
}

void AdminPage::removeUser()
{
    const User* user = selectedUser();
    if (user == nullptr) return;
    const auto id = user->id;
    const QString name = toQString(user->username);
    if (!MessageBox::confirm(this, tr("Remove user"),
                             tr("Remove %1? Their key slot is deleted and the database is re-encrypted with a new "
                                "key, so they cannot open it again. This cannot be undone; to keep the account "
                                "but stop its use, disable it instead.")
                                 .arg(name),
                             tr("Remove user"))) {
        return;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result = app::UserAdministration(m_session).remove(id);
    QGuiApplication::restoreOverrideCursor();
    showResult(result, tr("User %1 was removed and the database re-encrypted.").arg(name));
}

void AdminPage::verifyAudit()
{
    const auto result = app::verifyAudit(m_session);
    if (!result) {
        m_auditLabel->setText(errorText(result.error()));
    } else if (result->intact) {
        m_auditLabel->setStyleSheet(Theme::successStyle());
        m_auditLabel->setText(tr("Intact: all %Ln event(s) follow one another unchanged.", nullptr,
                                 static_cast<int>(result->eventsChecked)));
    } else {
        m_auditLabel->setStyleSheet(Theme::errorStyle());
        m_auditLabel->setText(
            tr("Broken at event %L1: the trail was changed after it was written.").arg(result->brokenAt));
    }
    reload();
}

void AdminPage::exportAudit()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export audit trail"),
                                                      QDir::home().filePath(QStringLiteral("doorstep-audit.pdf")),
                                                      tr("PDF document (*.pdf)"));
    if (!path.isEmpty()) exportAuditTo(path);
}

void AdminPage::exportAuditTo(const QString& path)
{
    const auto check = app::verifyAudit(m_session);
    auto events = app::exportAuditTrail(m_session);
    if (!check || !events) {
        MessageBox::warning(this, tr("Export audit trail"), errorText(!check ? check.error() : events.error()));
        return;
    }
    // The same words as the table on screen: names looked up, local times.
    auto names = app::auditNames(m_session, *events);
    const auto rows = AuditTableModel::reportRows(std::move(*events), names ? std::move(*names) : app::AuditNames{});
    const report::AuditReportInfo info{
        QFileInfo(toQString(m_session.databasePath().string())).fileName(), toQString(m_session.user().displayName),
        AuditTableModel::whenText(m_session.now()),
        check->intact ? tr("intact (%Ln event(s))", nullptr, static_cast<int>(check->eventsChecked))
                      : tr("BROKEN at event %L1").arg(check->brokenAt)};
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const bool written = report::writeAuditReportPdf(path, info, rows);
    QGuiApplication::restoreOverrideCursor();
    if (written) {
        MessageBox::information(this, tr("Export audit trail"),
                                tr("The audit trail was saved as %1.").arg(QDir::toNativeSeparators(path)));
    } else {
        MessageBox::warning(this, tr("Export audit trail"),
                            tr("The file could not be written. Choose another "
                               "folder."));
    }
    reload();
}

void AdminPage::editDelinquencySettings()
{
    const auto current = app::delinquencySettings(m_session);
    if (!current) {
        showResult(std::unexpected(current.error()), {});
        return;
    }
    DelinquencySettingsDialog dialog(*current, this);
    while (dialog.exec() == QDialog::Accepted) {
        const DelinquencySettings chosen = dialog.settings();
        if (chosen == *current) return;
        if (const auto saved = app::saveDelinquencySettings(m_session, chosen); !saved) {
            dialog.showError(errorText(saved.error()));
            continue;
        }
        showResult({}, tr("The delinquency rules were saved."));
        offerRecompute();
        reload();
        return;
    }
}

void AdminPage::editPlanSettings()
{
    const auto current = app::planSettings(m_session);
    if (!current) {
        showResult(std::unexpected(current.error()), {});
        return;
    }
    PlanSettingsDialog dialog(*current, this);
    while (dialog.exec() == QDialog::Accepted) {
        const auto chosen = dialog.settings();
        if (!chosen || *chosen == *current) return;
        if (const auto saved = app::savePlanSettings(m_session, *chosen); !saved) {
            dialog.showError(errorText(saved.error()));
            continue;
        }
        showResult({}, tr("The repayment-plan rules were saved; plans in force are judged by them from the next import "
                          "or recompute."));
        return;
    }
}

// The stored states follow new rules only when recomputed: offer it at once, for the current as-of date.
void AdminPage::offerRecompute()
{
    const Date asOf = app::ScreeningService(m_session).currentAsOf();
    const QString date = toQString(formatIsoDate(asOf));
    if (!MessageBox::confirm(this, tr("Delinquency rules"),
                             tr("The new rules apply to every loan from its next recompute. Recompute every loan "
                                "as of %1 now? It may take a few seconds for a large portfolio.")
                                 .arg(date),
                             tr("Recompute now"))) {
        showResult({}, tr("The delinquency rules were saved; they apply from the next import or recompute."));
        return;
    }
    // The recompute runs in the background job; this window-modal progress box keeps the rules form's
    // owner from starting a second one, while the event loop (and the idle lock's timer) runs as usual.
    auto* progress = new QProgressDialog(tr("Recomputing every loan as of %1…").arg(date), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("recomputeProgress"));
    progress->setWindowTitle(tr("Delinquency rules"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    const auto loans = std::make_shared<std::atomic<std::int64_t>>(0);
    const bool started = m_workspace.job.start<Result<app::RecomputeSummary>>(
        this,
        [asOf, loans](app::Session& session, const JobProgress& job) {
            return app::recompute(session, asOf, [&](std::int64_t done) {
                loans->store(done);
                return job(0, 0);
            });
        },
        [this, progress = QPointer<QProgressDialog>(progress), date](Result<app::RecomputeSummary> result) {
            if (progress) progress->close();
            if (!result) {
                showResult(std::unexpected(result.error()), {});
                return;
            }
            showResult({}, tr("The delinquency rules were saved and every loan recomputed as of %1: %Ln loan(s) "
                              "overdue.",
                              nullptr, static_cast<int>(result->overdue))
                               .arg(date));
        });
    if (!started) {
        progress->deleteLater();
        showResult({}, tr("Another long task is still running; try again when it has finished."));
        return;
    }
    connect(progress, &QProgressDialog::canceled, &m_workspace.job, &BackgroundJob::cancel);
    progress->show();
    connect(&m_workspace.job, &BackgroundJob::progressed, progress, [progress, loans, date] {
        progress->setLabelText(
            tr("Recomputing every loan as of %1: %Ln loan(s) done…", nullptr, static_cast<int>(loans->load()))
                .arg(date));
    });
}

}  // namespace doorstep::gui
