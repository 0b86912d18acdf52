// The interface speaks Simplified Chinese by default: with the zh_CN translation loaded, the login
// dialog and every navigation entry, menu and button of the main window read in Chinese.
#include "app/shared/clock.h"
#include "gui/cases/case_timeline_text.h"
#include "gui/plans/plan_table_model.h"
#include "gui/portfolio/import_problem_text.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/error_text.h"
#include "gui/shared/main_window.h"
#include "gui/shared/translations.h"
#include "gui/users/login_dialog.h"
#include "gui_fixture.h"
#include "storage/database/branch_database.h"

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

    // The import's refusals and warnings about the book read in Chinese with every value kept in its place,
    // the place itself (file, line, column) in Chinese words too.
    void importProblemsWithSeveralValuesReadInChinese()
    {
        const auto text = [](MessageId id, MessageArgs args) {
            return gui::importProblemText(io::extractProblem("payments.csv", 4, "payment_id", id, std::move(args)));
        };
        // A value from the files, quoted as the reader's language quotes it (“…” in Chinese, no space around).
        const auto q = [](std::string name, std::string value) {
            return MessageArg::ref(std::move(name), "import.quoted", {MessageArg::text("text", std::move(value))});
        };
        QCOMPARE(
            text(MessageId{"import.payment_moved"}, {q("value", "P3"), q("stored", "L002-1"), q("given", "L001-1")}),
            QStringLiteral("payments.csv 第 4 行，payment_id 列：“P3”在此前导入的核心系统数据中属于借据"
                           "“L002-1”，本次数据却记在借据“L001-1”名下"));
        QVERIFY(text(MessageId{"import.payment_moved"}, {MessageArg::ref("value", MessageId{"import.the_value"}),
                                                         q("stored", "L002-1"), q("given", "L001-1")})
                    .endsWith(QStringLiteral("该值在此前导入的核心系统数据中属于借据“L002-1”，本次数据却记在借据"
                                             "“L001-1”名下")));
        QVERIFY(text(MessageId{"import.before_start"}, {q("value", "2024-01-09"), q("date", "2024-01-10")})
                    .endsWith(QStringLiteral("“2024-01-09”早于该笔贷款的起始日期“2024-01-10”")));
        QVERIFY(text(MessageId{"import.term_differs"}, {q("value", "36"), q("count", "2")})
                    .endsWith(QStringLiteral("“36”与 instalments.csv 所列的期数“2”不一致")));
        QVERIFY(text(MessageId{"import.principal_differs"}, {q("value", "800000.00"), q("total", "2222.22")})
                    .endsWith(QStringLiteral("“800000.00”与各期应还本金之和“2222.22”不一致")));
        // A value's own error inside the problem: a rate that does not parse.
        const Error notRate = fail(ErrorCode::InvalidInput, MessageId{"rate.not_percent"}).error();
        QCOMPARE(text(MessageId{"import.value_problem"}, {q("value", "4.3x"), errorArg("problem", notRate)}),
                 QStringLiteral("payments.csv 第 4 行，payment_id 列：“4.3x”不是百分比形式的利率（如 4.35）"));
        QCOMPARE(
            gui::importProblemText(io::extractProblem("manifest.csv", 0, {}, MessageId{"import.manifest_missing"})),
            QStringLiteral("manifest.csv：manifest 文件缺少数据行（只有表头）"));
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

    // GLOSSARY.md's words where the new-user test found others: promises, failed contacts, states as labels.
    void glossaryWordsOnScreen()
    {
        QCOMPARE(gui::promiseStatusText(PromiseStatus::Kept), QStringLiteral("已兑现"));
        QCOMPARE(gui::promiseStatusText(PromiseStatus::Broken), QStringLiteral("承诺还款未兑现"));
        QCOMPARE(gui::contactPartyText(ContactParty::None), QStringLiteral("联系未果"));
        QCOMPARE(gui::proposalStateText(ProposalState::Draft), QStringLiteral("草稿"));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
