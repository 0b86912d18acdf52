// Issue 4's acceptance: a supervisor changes a rule's weight, reruns screening, sees the order change
// and the reason follow; assigns automatically; an officer then sees only their own cases.
#include "app/portfolio_import.h"
#include "app/screening_service.h"
#include "gui/application_controller.h"
#include "gui/login_dialog.h"
#include "gui/main_window.h"
#include "gui/rule_set_dialog.h"
#include "gui/visit_queue_model.h"
#include "gui/visit_queue_page.h"
#include "gui_fixture.h"
#include "io/synthetic_extract.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace doorstep;

namespace {

const QString kSupervisor = QStringLiteral("sue.supervisor");
const QString kSupervisorPassword = QStringLiteral("Sue-pass-2026");
const QString kOfficer1 = QStringLiteral("officer1");
const QString kOfficer2 = QStringLiteral("officer2");
const QString kOfficerPassword = QStringLiteral("Officer-pass-1");

int failedContactsPoints(const app::QueueItem& item)
{
    int points = 0;
    for (const RuleHit& h : item.hits) {
        if (h.kind == RuleKind::FailedContactsAtLeast) points += h.points;
    }
    return points;
}

}  // namespace

class TestVisitQueue final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ruleWeightReordersQueueAssignAndOfficerView()
    {
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer1, Role::Officer, kOfficerPassword);
        fixture.addUser(kOfficer2, Role::Officer, kOfficerPassword);
        const QString extract = fixture.folder() + QStringLiteral("/extract");
        io::SyntheticOptions options;
        options.loans = 400;
        options.seed = 11;  // the bank assigns no officer: the queue starts unassigned
        QVERIFY(io::writeSyntheticExtract(extract.toStdString(), options).has_value());
        {
            app::SystemClock clock;
            app::LoginThrottle throttle(clock);
            auto s = app::Session::login(fixture.databasePath().toStdString(), kSupervisor.toStdString(),
                                         kSupervisorPassword.toStdString(), throttle, clock);
            QVERIFY(s.has_value());
            QVERIFY(app::importExtract(**s, extract.toStdString(), {}).value().imported);
        }

        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("visitQueuePage")));
        auto* table = window->findChild<QTableView*>(QStringLiteral("queueTable"));
        auto* model = qobject_cast<gui::VisitQueueModel*>(table->model());
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->rowCount() > 10);
        // Before: the queue's order, and at least one case without failed contacts above one with them.
        std::vector<std::int64_t> orderBefore;
        bool inversion = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            orderBefore.push_back(model->itemAt(row)->borrowerRowId);
            if (row > 0 && failedContactsPoints(*model->itemAt(row)) > 0 &&
                failedContactsPoints(*model->itemAt(row - 1)) == 0)
                inversion = true;
        }
        QVERIFY2(inversion, "the synthetic queue should rank some case without failed contacts first");

        // The supervisor makes failed contacts weigh 500 points.
        test::onNextModal([](QWidget* w) {
            auto* dialog = qobject_cast<gui::RuleSetDialog*>(w);
            QVERIFY(dialog != nullptr);
            auto* rules = dialog->findChild<QTableWidget*>(QStringLiteral("ruleTable"));
            bool changed = false;
            for (int row = 0; row < rules->rowCount(); ++row) {
                auto* kind = qobject_cast<QComboBox*>(rules->cellWidget(row, 1));
                if (kind->currentData().toInt() == static_cast<int>(RuleKind::FailedContactsAtLeast)) {
                    dialog->pointsEditor(row)->setValue(500);
                    changed = true;
                }
            }
            QVERIFY(changed);
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveRulesButton")), Qt::LeftButton);
        });
        auto* page = window->findChild<gui::VisitQueuePage*>();
        QSignalSpy screened(page, &gui::VisitQueuePage::screeningFinished);
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("rulesButton")), Qt::LeftButton);
        QVERIFY(screened.wait(30000));  // the rerun runs in the background

        // Rerun happened: the top case now owes its place to failed contacts, shows +500, new version.
        const app::QueueItem* top = model->itemAt(0);
        std::vector<std::int64_t> orderAfter;
        for (int row = 0; row < model->rowCount(); ++row)
            orderAfter.push_back(model->itemAt(row)->borrowerRowId);
        QVERIFY(orderAfter != orderBefore);
        // Every case with failed contacts now ranks above every case without them.
        bool seenWithout = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const bool with = failedContactsPoints(*model->itemAt(row)) > 0;
            QVERIFY(!(with && seenWithout));
            seenWithout = seenWithout || !with;
        }
        QCOMPARE(failedContactsPoints(*top), 500);
        QCOMPARE(top->ruleSetVersion, 1);
        QVERIFY(model->index(0, gui::VisitQueueModel::Why).data().toString().contains(QStringLiteral("+500")));
        table->selectRow(0);
        QVERIFY(window->findChild<QLabel*>(QStringLiteral("queueDetail"))->text().contains(QStringLiteral("+500")));

        // Automatic assignment: propose, see the loads, apply.
        test::onNextModal([](QWidget* dialog) {
            dialog->findChild<QSpinBox*>(QStringLiteral("capacity"))->setValue(1000);
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("proposeButton")), Qt::LeftButton);
            QCOMPARE(dialog->findChild<QTableWidget*>(QStringLiteral("proposalTable"))->rowCount(), 2);
            auto* apply = dialog->findChild<QPushButton*>(QStringLiteral("applyButton"));
            QVERIFY(apply->isEnabled());
            QTest::mouseClick(apply, Qt::LeftButton);
        });
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("autoAssignButton")), Qt::LeftButton);
        int mine = 0;
        int theirs = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString officer = QString::fromStdString(model->itemAt(row)->officer);
            QVERIFY2(officer == kOfficer1 || officer == kOfficer2, qPrintable(officer));
            (officer == kOfficer1 ? mine : theirs) += 1;
        }
        // Balanced by weight within a few cases: neither officer gets everything.
        QVERIFY(mine > 0 && theirs > 0);

        // An officer sees only the cases assigned to them.
        test::pressLock(window);
        test::logIn(controller, kOfficer1, kOfficerPassword);
        QVERIFY(controller.mainWindow()->showPage(QStringLiteral("visitQueuePage")));
        auto* officerModel = qobject_cast<gui::VisitQueueModel*>(
            controller.mainWindow()->findChild<QTableView*>(QStringLiteral("queueTable"))->model());
        QCOMPARE(officerModel->rowCount(), mine);
        for (int row = 0; row < officerModel->rowCount(); ++row)
            QCOMPARE(QString::fromStdString(officerModel->itemAt(row)->officer), kOfficer1);
        QVERIFY(controller.mainWindow()->findChild<QPushButton*>(QStringLiteral("autoAssignButton")) == nullptr);
    }
};

QTEST_MAIN(TestVisitQueue)
#include "test_visit_queue.moc"
