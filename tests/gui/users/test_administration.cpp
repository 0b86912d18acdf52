// An administrator creates a user who can then log in; a removed user cannot.
#include "app/audit/audit_names.h"
#include "app/audit/audit_verify.h"
#include "app/portfolio/portfolio_service.h"
#include "app/screening/screening_service.h"
#include "app/users/login_throttle.h"
#include "app/users/user_admin.h"
#include "gui/audit/audit_table_model.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/main_window.h"
#include "gui/shared/message_box.h"
#include "gui/users/admin_page.h"
#include "gui/users/login_dialog.h"
#include "gui/users/user_table_model.h"
#include "gui_fixture.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>
#include <ctime>

using namespace doorstep;

namespace {

const QString kNewUser = QStringLiteral("ivy.officer");
const QString kNewPassword = QStringLiteral("Ivy-pass-2026");

int rowOf(const QAbstractItemModel* model, const QString& username)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, gui::UserTableModel::Username).data().toString() == username) return row;
    }
    return -1;
}

}  // namespace

class TestAdministration final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Issue 8: the audit trail names people by display name and customers by customer number, in local time,
    // takes the page's height, and the PDF prints the same words.
    void auditTrailNamesRecordsAsPeopleKnowThem()
    {
        test::GuiFixture fixture;
        const QString supervisor = QStringLiteral("wang.sup");
        const QString supervisorPassword = QStringLiteral("Wang-pass-2026");
        fixture.addUser(supervisor, Role::Supervisor, supervisorPassword);
        QVERIFY(test::importSynthetic(fixture, supervisor, supervisorPassword, 60, 11));
        app::SystemClock clock;
        std::string customerNumber;
        {
            app::LoginThrottle throttle(clock);
            auto sup = app::Session::login(fixture.databasePath().toStdString(), supervisor.toStdString(),
                                           supervisorPassword.toStdString(), throttle, clock);
            QVERIFY(sup.has_value());
            auto queue = app::ScreeningService(**sup).queue({});
            QVERIFY(queue && !queue->empty());
            auto opened = app::PortfolioService(**sup).openCase(queue->front().borrowerRowId);  // audited
            QVERIFY(opened.has_value());
            customerNumber = opened->borrower.id;
        }
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        auto& admin = *const_cast<app::Session*>(controller.session());
        QVERIFY(app::UserAdministration(admin).add({"li.officer", "李专员", Role::Officer, "Li-pass-2026-x"}));
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("administrationPage")));
        auto* page = window->findChild<gui::AdminPage*>();
        page->reload();
        auto* view = window->findChild<QTableView*>(QStringLiteral("auditTable"));
        auto* model = view->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto rowWhere = [&](const QString& action) {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, gui::AuditTableModel::Action).data().toString() == action) return row;
            }
            return -1;
        };
        const int added = rowWhere(gui::AuditTableModel::actionText("user.add"));
        QVERIFY(added >= 0);  // the newest first: the officer just added
        QCOMPARE(model->index(added, gui::AuditTableModel::Record).data().toString(), QStringLiteral("李专员"));
        const int viewed = rowWhere(gui::AuditTableModel::actionText("case.view"));
        QVERIFY(viewed >= 0);
        const QString record = model->index(viewed, gui::AuditTableModel::Record).data().toString();
        QVERIFY2(record.contains(QString::fromStdString(customerNumber)), qPrintable(record));
        QCOMPARE(model->index(viewed, gui::AuditTableModel::Actor).data().toString(), supervisor);  // its display name
        // Local time: the stored UTC stamp plus eight hours (TZ=Asia/Shanghai in the test's environment).
        auto latest = app::recentAuditEvents(admin, 200);
        QVERIFY(latest && !latest->empty());
        const QDateTime utc = QDateTime::fromString(QString::fromStdString(latest->front().at), Qt::ISODate);
        QCOMPARE(model->index(0, gui::AuditTableModel::When).data().toString(),
                 utc.addSecs(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        // The audit table is given more of the page than the user list.
        auto* usersTable = window->findChild<QTableView*>(QStringLiteral("userTable"));
        window->resize(1366, 768);
        QApplication::processEvents();
        QVERIFY2(view->height() > usersTable->height(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(view->height()).arg(usersTable->height())));

        // The PDF's rows are the screen's words, event for event.
        auto all = app::exportAuditTrail(admin);
        QVERIFY(all.has_value());
        auto names = app::auditNames(admin, *all);
        QVERIFY(names.has_value());
        const auto rows = gui::AuditTableModel::reportRows(*all, *names);
        QCOMPARE(rows.size(), all->size());
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString number =
                QLocale().toString(model->index(row, gui::AuditTableModel::Sequence).data().toLongLong());
            const auto it = std::ranges::find_if(rows, [&](const auto& r) { return r.cells.front() == number; });
            QVERIFY2(it != rows.end(), qPrintable(number));
            for (int column = 1; column < gui::AuditTableModel::ColumnCount; ++column)
                QCOMPARE(it->cells[column], model->index(row, column).data().toString());
        }
        const QString pdf = fixture.folder() + QStringLiteral("/audit.pdf");
        page->exportAuditTo(pdf);
        QVERIFY(gui::MessageBox::lastText().contains(QStringLiteral("audit.pdf")));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.contains("/Type /Page"));
    }

    // A user added by another program (doorstep-cli user add) appears on the open page without a restart, and the
    // user list keeps room for several rows at 1366x768 beside the audit trail.
    void aUserAddedElsewhereAppearsAndTheListKeepsItsRows()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        gui::MainWindow* window = controller.mainWindow();
        window->resize(1366, 768);
        QVERIFY(window->showPage(QStringLiteral("administrationPage")));
        QApplication::processEvents();
        auto* users = window->findChild<QTableView*>(QStringLiteral("userTable"));
        QVERIFY2(users->height() >=
                     users->horizontalHeader()->height() + 5 * users->verticalHeader()->defaultSectionSize(),
                 qPrintable(QString::number(users->height())));
        QCOMPARE(rowOf(users->model(), kNewUser), -1);
        {
            auto other = fixture.login(clock, test::kAdminName, test::kAdminPassword);  // a second program
            QVERIFY(other != nullptr);
            QVERIFY(app::UserAdministration(*other).add(
                {kNewUser.toStdString(), "艾专员", Role::Officer, kNewPassword.toStdString()}));
        }
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(users->model(), kNewUser) >= 0, 15000);
    }

    // A workstation left on UTC (or any zone) still shows the branch's time, as the rest of the app does.
    void auditTimesAreTheBranchsTimeWhateverTheWorkstationsZone()
    {
        const QByteArray zone = qgetenv("TZ");
        qputenv("TZ", "UTC");
        tzset();
        const QString shown = gui::AuditTableModel::whenText("2026-06-30T17:30:45Z");
        qputenv("TZ", zone);
        tzset();
        QCOMPARE(shown, QStringLiteral("2026-07-01 01:30:45"));
        QCOMPARE(gui::AuditTableModel::whenText("not a time"), QStringLiteral("not a time"));
    }

    void administratorCreatesUserWhoCanLogIn()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window != nullptr);
        QVERIFY(window->showPage(QStringLiteral("administrationPage")));

        auto* table = window->findChild<QTableView*>(QStringLiteral("userTable"));
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), 1);

        // First try: passwords that differ are refused inside the dialog; then fixed and accepted.
        test::onNextModal([](QWidget* dialog) {
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("usernameEdit")), kNewUser);
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("displayNameEdit")), QStringLiteral("Ivy"));
            dialog->findChild<QComboBox*>(QStringLiteral("roleCombo"))->setCurrentIndex(0);  // officer
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit")), kNewPassword);
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("confirmEdit")), QStringLiteral("typo"));
            auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            QTest::mouseClick(ok, Qt::LeftButton);
            auto* error = dialog->findChild<QLabel*>(QStringLiteral("errorLabel"));
            QVERIFY(error->isVisible());
            QVERIFY(dialog->isVisible());
            auto* confirm = dialog->findChild<QLineEdit*>(QStringLiteral("confirmEdit"));
            confirm->clear();
            QTest::keyClicks(confirm, kNewPassword);
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("addUserButton")), Qt::LeftButton);
        QCOMPARE(table->model()->rowCount(), 2);
        QVERIFY(rowOf(table->model(), kNewUser) >= 0);

        // The new officer logs in and sees the officer's areas, not administration.
        test::pressLock(window);
        test::logIn(controller, kNewUser, kNewPassword);
        QVERIFY(controller.session() != nullptr);
        QCOMPARE(QString::fromStdString(controller.session()->user().username), kNewUser);
        const QStringList pages = controller.mainWindow()->visiblePages();
        QVERIFY(pages.contains(QStringLiteral("portfolioPage")));
        QVERIFY(pages.contains(QStringLiteral("visitQueuePage")));
        QVERIFY(!pages.contains(QStringLiteral("administrationPage")));
        QVERIFY(!pages.contains(QStringLiteral("reviewPage")));
    }

    void removedUserCannotLogIn()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        gui::MainWindow* window = controller.mainWindow();
        window->showPage(QStringLiteral("administrationPage"));
        test::onNextModal([](QWidget* dialog) {
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("usernameEdit")), kNewUser);
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("displayNameEdit")), QStringLiteral("Ivy"));
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit")), kNewPassword);
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("confirmEdit")), kNewPassword);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("addUserButton")), Qt::LeftButton);
        auto* table = window->findChild<QTableView*>(QStringLiteral("userTable"));
        const int row = rowOf(table->model(), kNewUser);
        QVERIFY(row >= 0);

        // Declining the confirmation changes nothing.
        table->selectRow(row);
        auto* remove = window->findChild<QPushButton*>(QStringLiteral("removeUserButton"));
        QVERIFY(remove->isEnabled());
        gui::MessageBox::setNextAnswer(false);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(rowOf(table->model(), kNewUser) >= 0);

        gui::MessageBox::setNextAnswer(true);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(rowOf(table->model(), kNewUser), -1);

        test::pressLock(window);
        test::logIn(controller, kNewUser, kNewPassword);
        QVERIFY(controller.session() == nullptr);
        QVERIFY(controller.loginDialog()->findChild<QLabel*>(QStringLiteral("messageLabel"))->isVisible());
        // The administrator still opens the re-keyed database.
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        QVERIFY(controller.session() != nullptr);
    }

    void administratorCannotRemoveThemself()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        gui::MainWindow* window = controller.mainWindow();
        window->showPage(QStringLiteral("administrationPage"));
        auto* table = window->findChild<QTableView*>(QStringLiteral("userTable"));
        table->selectRow(rowOf(table->model(), test::kAdminName));
        QVERIFY(!window->findChild<QPushButton*>(QStringLiteral("removeUserButton"))->isEnabled());
        QVERIFY(!window->findChild<QPushButton*>(QStringLiteral("disableUserButton"))->isEnabled());
    }
};

QTEST_MAIN(TestAdministration)
#include "test_administration.moc"
