// Login fails with a wrong password and succeeds with the right one; lock (Ctrl+L and idle) returns to login.
#include "gui/shared/application_controller.h"
#include "gui/shared/main_window.h"
#include "gui/users/login_dialog.h"
#include "gui_fixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QtTest>

using namespace doorstep;

class TestLoginLock final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wrongPasswordIsRefusedThenRightOneOpens()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();

        test::logIn(controller, test::kAdminName, QStringLiteral("not-the-password-1"));
        auto* message = controller.loginDialog()->findChild<QLabel*>(QStringLiteral("messageLabel"));
        QVERIFY(message->isVisible());
        QVERIFY(!message->text().isEmpty());
        QVERIFY(controller.mainWindow() == nullptr);
        QVERIFY(controller.session() == nullptr);
        // The password field is emptied after a failure, never kept.
        QVERIFY(controller.loginDialog()->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->text().isEmpty());

        // An unknown user gets the very same sentence.
        const QString wrongPasswordText = message->text();
        test::logIn(controller, QStringLiteral("nobody"), QStringLiteral("not-the-password-1"));
        QCOMPARE(message->text(), wrongPasswordText);

        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        QVERIFY(controller.mainWindow() != nullptr);
        QTRY_VERIFY(controller.mainWindow()->isVisible());
        QVERIFY(!controller.loginDialog()->isVisible());
        auto* status = controller.mainWindow()->findChild<QLabel*>(QStringLiteral("statusUser"));
        QVERIFY(status->text().contains(test::kAdminName));
    }

    void ctrlLLocksAndReturnsToLogin()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        QVERIFY(controller.session() != nullptr);
        gui::MainWindow* window = controller.mainWindow();
        QTRY_VERIFY(window->isVisible());

        test::pressLock(window);
        QVERIFY(controller.session() == nullptr);
        QTRY_VERIFY(controller.loginDialog()->isVisible());
        QTRY_VERIFY(controller.mainWindow() == nullptr);  // the window and its data are gone
        // The user name is kept for convenience; the password is not.
        QCOMPARE(controller.loginDialog()->findChild<QLineEdit*>(QStringLiteral("usernameEdit"))->text(),
                 test::kAdminName);
        QVERIFY(controller.loginDialog()->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->text().isEmpty());

        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        QTRY_VERIFY(controller.mainWindow() != nullptr && controller.mainWindow()->isVisible());
    }

    void idleTimeLocks()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.setIdleTimeout(200);
        controller.start();
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        QVERIFY(controller.session() != nullptr);
        // Nobody touches anything: the controller locks by itself.
        QTRY_VERIFY_WITH_TIMEOUT(controller.session() == nullptr, 5000);
        QTRY_VERIFY(controller.loginDialog()->isVisible());
    }
};

QTEST_MAIN(TestLoginLock)
#include "test_login_lock.moc"
