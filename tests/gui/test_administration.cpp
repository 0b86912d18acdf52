// An administrator creates a user who can then log in; a removed user cannot.
#include "gui/application_controller.h"
#include "gui/login_dialog.h"
#include "gui/main_window.h"
#include "gui/message_box.h"
#include "gui/user_table_model.h"
#include "gui_fixture.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

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
