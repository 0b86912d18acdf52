// The interface speaks Simplified Chinese by default: with the zh_CN translation loaded, the login
// dialog and every navigation entry, menu and button of the main window read in Chinese.
#include "app/clock.h"
#include "gui/application_controller.h"
#include "gui/error_text.h"
#include "gui/import_problem_text.h"
#include "gui/login_dialog.h"
#include "gui/main_window.h"
#include "gui/translations.h"
#include "gui_fixture.h"
#include "storage/branch_database.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QtTest>

using namespace doorstep;

namespace {

bool hasChinese(const QString& text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return text.contains(han);
}

}  // namespace

class TestTranslations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(gui::installTranslations(*qApp, QStringLiteral("zh_CN"))); }

    void loginDialogIsInChinese()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        app::LoginThrottle throttle(clock);
        gui::LoginDialog dialog(fixture.databasePath(), throttle, clock);
        QVERIFY(hasChinese(dialog.windowTitle()));
        for (auto* button : dialog.findChildren<QPushButton*>())
            QVERIFY2(hasChinese(button->text()), qPrintable(button->text()));
    }

    void mainWindowIsInChinese()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        gui::LoginDialog* login = controller.loginDialog();
        login->findChild<QLineEdit*>(QStringLiteral("usernameEdit"))->setText(test::kAdminName);
        login->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(test::kAdminPassword);
        QTest::mouseClick(login->findChild<QPushButton*>(QStringLiteral("loginButton")), Qt::LeftButton);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window != nullptr);
        auto* nav = window->findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(nav->count() > 0);
        for (int row = 0; row < nav->count(); ++row)
            QVERIFY2(hasChinese(nav->item(row)->text()), qPrintable(nav->item(row)->text()));
        for (QAction* menu : window->menuBar()->actions()) {
            QVERIFY2(hasChinese(menu->text()), qPrintable(menu->text()));
            for (QAction* item : menu->menu()->actions()) {
                if (!item->isSeparator()) QVERIFY2(hasChinese(item->text()), qPrintable(item->text()));
            }
        }
        for (auto* button : window->findChildren<QAbstractButton*>()) {
            if (!button->text().isEmpty()) QVERIFY2(hasChinese(button->text()), qPrintable(button->text()));
        }
    }

    // The import's refusals and warnings about the book read in Chinese with every value kept in its place.
    void importProblemsWithSeveralValuesReadInChinese()
    {
        const auto text = [](const char* message) {
            return gui::importProblemText({"payments.csv", 4, "payment_id", message});
        };
        QVERIFY2(text("'P3' is stored for loan 'L002-1' by an earlier extract; this extract gives it to loan 'L001-1'")
                     .endsWith(QStringLiteral("'P3' 在此前导入的核心系统数据中属于借据 'L002-1'，本次数据却记在借据 "
                                              "'L001-1' 名下")),
                 qPrintable(text("'P3' is stored for loan 'L002-1' by an earlier extract; this extract gives it to "
                                 "loan 'L001-1'")));
        QVERIFY(text("the value is stored for loan 'L002-1' by an earlier extract; this extract gives it to loan "
                     "'L001-1'")
                    .endsWith(QStringLiteral("该值 在此前导入的核心系统数据中属于借据 'L002-1'，本次数据却记在借据 "
                                             "'L001-1' 名下")));
        QVERIFY(text("'2024-01-09' is before the loan's start date '2024-01-10'")
                    .endsWith(QStringLiteral("'2024-01-09' 早于该笔贷款的起始日期 '2024-01-10'")));
        QVERIFY(text("'36' differs from the '2' instalments listed in instalments.csv")
                    .endsWith(QStringLiteral("'36' 与 instalments.csv 所列的期数 '2' 不一致")));
        QVERIFY(text("'800000.00' differs from the principal_due of its instalments, '2222.22' in all")
                    .endsWith(QStringLiteral("'800000.00' 与各期应还本金之和 '2222.22' 不一致")));
        QVERIFY(text("'L003-1' has no instalments in instalments.csv")
                    .endsWith(QStringLiteral("'L003-1' 在 instalments.csv 中没有任何一期还款")));
    }

    // Issue 9: the refusals of a step that needs the database alone, and of a damaged keyring, in Chinese.
    void hardeningMessagesAreInChinese()
    {
        QCOMPARE(gui::errorText(fail(ErrorCode::Conflict, storage::kNeedsDatabaseAloneMessage).error()),
                 QStringLiteral("关闭其他正在使用此数据库的 Doorstep 后再试。"));
        const Error damaged = fail(ErrorCode::FileCorrupt, MessageId{"keyring.file_damaged"},
                                   {MessageArg::text("file", "branch.db.keyring"),
                                    MessageArg::ref("part", MessageId{"keyring.part.checksum"})})
                                  .error();
        QCOMPARE(gui::errorText(damaged), QStringLiteral("密钥环文件 branch.db.keyring 已损坏（校验和）。"));
        QVERIFY(hasChinese(gui::errorText(fail(ErrorCode::Conflict, storage::kBusyMessage).error())));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
