// Issue 4's acceptance: a supervisor changes a rule's weight, reruns screening, sees the order change
// and the reason follow; assigns automatically; an officer then sees only their own cases.
#include "app/portfolio/portfolio_import.h"
#include "app/screening/screening_service.h"
#include "gui/screening/auto_assign_dialog.h"
#include "gui/screening/rule_set_dialog.h"
#include "gui/screening/visit_queue_model.h"
#include "gui/screening/visit_queue_page.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/main_window.h"
#include "gui/shared/message_box.h"
#include "gui/users/login_dialog.h"
#include "gui_fixture.h"
#include "io/demo/synthetic_extract.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
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
        // Seed 11, no officers: the bank assigns nobody, so the queue starts unassigned.
        QVERIFY(test::importSynthetic(fixture, kSupervisor, kSupervisorPassword, 400, 11));

        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("visitQueuePage")));
        auto* table = window->findChild<QTableView*>(QStringLiteral("queueTable"));
        auto* model =
            qobject_cast<gui::VisitQueueModel*>(qobject_cast<QSortFilterProxyModel*>(table->model())->sourceModel());
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
            gui::MessageBox::setNextAnswer(true);  // Apply asks first
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
        auto* officerModel = controller.mainWindow()->findChild<gui::VisitQueuePage*>()->model();
        QCOMPARE(officerModel->rowCount(), mine);
        for (int row = 0; row < officerModel->rowCount(); ++row)
            QCOMPARE(QString::fromStdString(officerModel->itemAt(row)->officer), kOfficer1);
        QVERIFY(controller.mainWindow()->findChild<QPushButton*>(QStringLiteral("autoAssignButton")) == nullptr);
    }

    // Issue 8: every header sorts by its own column with the documented ties; Enter opens the case; "unassigned
    // only" shows the unassigned; after a decision the selection moves on; dismissing starts without a reason.
    void sortOpenFilterAndDecide()
    {
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer1, Role::Officer, kOfficerPassword);
        // Seed 11, no officers: the bank assigns nobody, so the queue starts unassigned.
        QVERIFY(test::importSynthetic(fixture, kSupervisor, kSupervisorPassword, 300, 11));
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("visitQueuePage")));
        auto* page = window->findChild<gui::VisitQueuePage*>();
        auto* table = window->findChild<QTableView*>(QStringLiteral("queueTable"));
        auto* view = qobject_cast<QSortFilterProxyModel*>(table->model());
        QVERIFY(view != nullptr);
        QAbstractItemModelTester tester(view, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view->rowCount() > 10);
        const auto itemAt = [&](int row) {
            return page->model()->itemAt(view->mapToSource(view->index(row, 0)).row());
        };

        // Each column, both ways: the column's own value never goes the wrong way between neighbours.
        using Col = gui::VisitQueueModel::Column;
        const auto key = [](const app::QueueItem* i, int column) -> QVariant {
            switch (column) {
            case Col::Score: return i->score;
            case Col::Dpd:
            case Col::BucketColumn: return i->maxDpd;
            case Col::TotalOverdue: return QVariant::fromValue<qlonglong>(i->totalOverdue.fen);
            case Col::Customer: return QString::fromStdString(i->borrowerId);
            default: return {};
            }
        };
        for (const int column : {Col::Score, Col::Customer, Col::Dpd, Col::BucketColumn, Col::TotalOverdue}) {
            for (const auto order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                table->sortByColumn(column, order);
                for (int row = 1; row < view->rowCount(); ++row) {
                    const QPartialOrdering c =
                        QVariant::compare(key(itemAt(row - 1), column), key(itemAt(row), column));
                    QVERIFY2(order == Qt::AscendingOrder ? c != QPartialOrdering::Greater : c != QPartialOrdering::Less,
                             qPrintable(QStringLiteral("column %1 row %2").arg(column).arg(row)));
                    if (c == QPartialOrdering::Equivalent && column != Col::Score) {
                        // Ties in the queue's order: score first, highest first.
                        QVERIFY(itemAt(row - 1)->score >= itemAt(row)->score);
                    }
                }
            }
        }
        // The days are shown with thousands separators (1,029), sorted as numbers above.
        {
            const auto grouped = [](qint64 n) {
                QString text = QString::number(n);
                for (auto i = text.size() - 3; i > 0; i -= 3)
                    text.insert(i, QLatin1Char(','));
                return text;
            };
            for (int row = 0; row < view->rowCount(); ++row)
                QCOMPARE(view->index(row, Col::Dpd).data().toString(), grouped(itemAt(row)->maxDpd));
            // This queue's worst is under 1,000 days: one that is not, sorted as a number still.
            gui::VisitQueueModel late;
            app::QueueItem a, b;
            a.maxDpd = 1029;
            b.maxDpd = 999;
            late.setItems({a, b});
            QCOMPARE(late.index(0, Col::Dpd).data().toString(), QStringLiteral("1,029"));
            QCOMPARE(late.index(1, Col::Dpd).data().toString(), QStringLiteral("999"));
            QCOMPARE(late.index(0, Col::Dpd).data(gui::VisitQueueModel::SortRole).toInt(), 1029);
        }
        // Back to the queue's own order: it is the order the service gives.
        table->sortByColumn(Col::Score, Qt::DescendingOrder);
        auto ordered = app::ScreeningService(*const_cast<app::Session*>(controller.session())).queue({});
        QVERIFY(ordered.has_value());
        for (int row = 0; row < view->rowCount(); ++row)
            QCOMPARE(itemAt(row)->borrowerRowId, (*ordered)[static_cast<std::size_t>(row)].borrowerRowId);

        // "Unassigned only": every case is unassigned here, then assign one and it leaves that list.
        auto* unassigned = window->findChild<QCheckBox*>(QStringLiteral("queueUnassigned"));
        QVERIFY(unassigned != nullptr);
        const int all = view->rowCount();
        unassigned->setChecked(true);
        QCOMPARE(view->rowCount(), all);
        QVERIFY(app::ScreeningService(*const_cast<app::Session*>(controller.session()))
                    .assign({itemAt(0)->borrowerRowId}, kOfficer1.toStdString()));
        page->reload();
        QCOMPARE(view->rowCount(), all - 1);
        for (int row = 0; row < view->rowCount(); ++row)
            QVERIFY(itemAt(row)->officer.empty());
        unassigned->setChecked(false);

        // Enter opens the selected customer's case.
        table->setFocus();
        table->selectRow(2);
        const std::int64_t third = itemAt(2)->borrowerRowId;
        const std::int64_t fourth = itemAt(3)->borrowerRowId;
        bool sawCase = false;
        test::onNextModal([&](QWidget* w) {
            sawCase = w->objectName() == QStringLiteral("CaseDialog");
            qobject_cast<QDialog*>(w)->reject();
        });
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY(sawCase);

        // Accept: the selection moves to the next case.
        table->selectRow(2);
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("acceptButton")), Qt::LeftButton);
        QVERIFY(page->model()->itemAt(page->model()->rowOf(third))->state == QueueState::Accepted);
        QCOMPARE(itemAt(table->selectionModel()->selectedRows().first().row())->borrowerRowId, fourth);

        // Dismiss starts with no reason chosen and refuses to go on without one.
        bool refused = false;
        test::onNextModal([&](QWidget* w) {
            auto* reason = w->findChild<QComboBox*>(QStringLiteral("dismissReason"));
            QCOMPARE(reason->currentData().toInt(), -1);
            auto* buttons = w->findChild<QDialogButtonBox*>();
            QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
            refused = w->isVisible();
            qobject_cast<QDialog*>(w)->reject();
        });
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("dismissButton")), Qt::LeftButton);
        QVERIFY(refused);
        QVERIFY(page->model()->itemAt(page->model()->rowOf(fourth))->state == QueueState::Open);
    }

    // Issue 8: automatic assignment keeps a manual assignment unless the supervisor ticks it, Apply asks with the
    // number of changes, and undo gives the last run's cases their previous officers.
    void autoAssignKeepsManualAndUndoes()
    {
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer1, Role::Officer, kOfficerPassword);
        fixture.addUser(kOfficer2, Role::Officer, kOfficerPassword);
        // Seed 11, no officers: the bank assigns nobody, so the queue starts unassigned.
        QVERIFY(test::importSynthetic(fixture, kSupervisor, kSupervisorPassword, 300, 11));
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("visitQueuePage")));
        auto* page = window->findChild<gui::VisitQueuePage*>();
        app::ScreeningService service(*const_cast<app::Session*>(controller.session()));
        const auto officers = [&] {
            std::map<std::int64_t, std::string> of;
            for (int row = 0; row < page->model()->rowCount(); ++row)
                of[page->model()->itemAt(row)->borrowerRowId] = page->model()->itemAt(row)->officer;
            return of;
        };
        QVERIFY(page->model()->rowCount() > 10);
        const std::int64_t byHand = page->model()->itemAt(0)->borrowerRowId;
        QVERIFY(service.assign({byHand}, kOfficer2.toStdString()));
        page->reload();
        auto* autoAssign = window->findChild<QPushButton*>(QStringLiteral("autoAssignButton"));
        const auto setDuty = [](QWidget* dialog, const QString& onlyOfficer) {
            auto* list = dialog->findChild<QListWidget*>(QStringLiteral("dutyOfficers"));
            for (int i = 0; i < list->count(); ++i) {
                const bool on = onlyOfficer.isEmpty() || list->item(i)->data(Qt::UserRole).toString() == onlyOfficer;
                list->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
            }
            dialog->findChild<QSpinBox*>(QStringLiteral("capacity"))->setValue(1000);
        };
        const auto changesRowOf = [](QWidget* dialog, std::int64_t id) {
            auto* changes = dialog->findChild<QTableWidget*>(QStringLiteral("changesTable"));
            for (int row = 0; row < changes->rowCount(); ++row) {
                if (changes->item(row, gui::AutoAssignDialog::Release)->data(Qt::UserRole).toLongLong() == id)
                    return row;
            }
            return -1;
        };

        // Run 1: both officers place the unassigned cases; the manual one is not among the changes.
        const int cases = page->model()->rowCount();
        test::onNextModal([&](QWidget* dialog) {
            setDuty(dialog, {});
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("proposeButton")), Qt::LeftButton);
            QCOMPARE(dialog->findChild<QTableWidget*>(QStringLiteral("changesTable"))->rowCount(), cases - 1);
            QCOMPARE(changesRowOf(dialog, byHand), -1);
            // Refusing the confirmation changes nothing and keeps the dialog open.
            gui::MessageBox::setNextAnswer(false);
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("applyButton")), Qt::LeftButton);
            QVERIFY(gui::MessageBox::lastText().contains(QString::number(cases - 1)));
            QVERIFY(dialog->isVisible());
            gui::MessageBox::setNextAnswer(true);
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("applyButton")), Qt::LeftButton);
        });
        QTest::mouseClick(autoAssign, Qt::LeftButton);
        const auto afterFirst = officers();
        QCOMPARE(afterFirst.at(byHand), kOfficer2.toStdString());
        QVERIFY(std::ranges::count(afterFirst, kOfficer2.toStdString(),
                                   &std::pair<const std::int64_t, std::string>::second) > 1);
        for (const auto& [id, officer] : afterFirst)
            QVERIFY(!officer.empty());

        // Run 2: everything to officer1; the manual case is listed as kept, unticked, and stays with officer2.
        int changed = 0;
        test::onNextModal([&](QWidget* dialog) {
            setDuty(dialog, kOfficer1);
            dialog->findChild<QCheckBox*>(QStringLiteral("reassignAll"))->setChecked(true);
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("proposeButton")), Qt::LeftButton);
            auto* changes = dialog->findChild<QTableWidget*>(QStringLiteral("changesTable"));
            const int row = changesRowOf(dialog, byHand);
            QVERIFY(row >= 0);
            QCOMPARE(changes->item(row, gui::AutoAssignDialog::Release)->checkState(), Qt::Unchecked);
            QVERIFY(!changes->item(row, gui::AutoAssignDialog::Origin)->text().isEmpty());  // "by hand (…)"
            const auto* d = qobject_cast<gui::AutoAssignDialog*>(dialog);
            QVERIFY(std::ranges::find(d->proposal()->changes, byHand, &AssignmentChange::caseId) ==
                    d->proposal()->changes.end());
            // Ticking it releases it: the proposal is made again with it moving to officer1...
            changes->item(row, gui::AutoAssignDialog::Release)->setCheckState(Qt::Checked);
            QTRY_VERIFY(d->proposal() && std::ranges::find(d->proposal()->changes, byHand, &AssignmentChange::caseId) !=
                                             d->proposal()->changes.end());
            // ...and unticking keeps it again.
            auto* released = changes->item(changesRowOf(dialog, byHand), gui::AutoAssignDialog::Release);
            released->setCheckState(Qt::Unchecked);
            QTRY_VERIFY(d->proposal() && std::ranges::find(d->proposal()->changes, byHand, &AssignmentChange::caseId) ==
                                             d->proposal()->changes.end());
            changed = static_cast<int>(d->proposal()->changes.size());
            gui::MessageBox::setNextAnswer(true);
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("applyButton")), Qt::LeftButton);
            QVERIFY(gui::MessageBox::lastText().contains(QString::number(changed)));
        });
        QTest::mouseClick(autoAssign, Qt::LeftButton);
        QVERIFY(changed > 0);
        for (const auto& [id, officer] : officers())
            QCOMPARE(officer, id == byHand ? kOfficer2.toStdString() : kOfficer1.toStdString());

        // Undo: the previous officers come back, and the run cannot be undone twice.
        test::onNextModal([&](QWidget* dialog) {
            auto* undo = dialog->findChild<QPushButton*>(QStringLiteral("undoButton"));
            QVERIFY(undo->isEnabled());
            gui::MessageBox::setNextAnswer(true);
            QTest::mouseClick(undo, Qt::LeftButton);
            QVERIFY(!undo->isEnabled());
            qobject_cast<QDialog*>(dialog)->reject();
        });
        QTest::mouseClick(autoAssign, Qt::LeftButton);
        QCOMPARE(officers(), afterFirst);
    }

    // Issue 8: the page reads the queue once and filters it in memory. Each filter shows exactly the entries, in
    // exactly the order, that the service's own filter gives; a sort by another column keeps the same entries; a
    // change (a dismissal) shows after the page reads the queue again.
    void filtersInMemoryMatchTheService()
    {
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        QVERIFY(
            test::importSynthetic(fixture, kSupervisor, kSupervisorPassword, 400, 11, {"officer1", "officer2", ""}));
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("visitQueuePage")));
        auto* page = window->findChild<gui::VisitQueuePage*>();
        auto* table = window->findChild<QTableView*>(QStringLiteral("queueTable"));
        auto* view = qobject_cast<QSortFilterProxyModel*>(table->model());
        QAbstractItemModelTester tester(view, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* session = const_cast<app::Session*>(controller.session());
        app::ScreeningService service(*session);
        // Two dismissed entries, so that "show dismissed" has something to show.
        const auto open = service.queue({});
        QVERIFY(open.has_value() && open->size() > 20);
        for (const std::size_t n : {std::size_t{3}, std::size_t{7}})
            QVERIFY(service.dismiss((*open)[n].borrowerRowId, app::DismissReason::PaidMeanwhile, "").has_value());
        page->reload();

        const auto shownIds = [&] {
            std::vector<std::int64_t> ids;
            for (int row = 0; row < view->rowCount(); ++row)
                ids.push_back(page->model()->itemAt(view->mapToSource(view->index(row, 0)).row())->borrowerRowId);
            return ids;
        };
        const auto serviceIds = [&](const app::QueueFilter& filter) {
            const auto items = service.queue(filter);
            std::vector<std::int64_t> ids;
            for (const auto& i : items.value())
                ids.push_back(i.borrowerRowId);
            return ids;
        };
        auto* district = window->findChild<QComboBox*>(QStringLiteral("queueDistrict"));
        auto* bucket = window->findChild<QComboBox*>(QStringLiteral("queueBucket"));
        auto* officer = window->findChild<QComboBox*>(QStringLiteral("queueOfficer"));
        auto* unassigned = window->findChild<QCheckBox*>(QStringLiteral("queueUnassigned"));
        QCheckBox* dismissed = nullptr;
        for (auto* box : page->findChildren<QCheckBox*>()) {
            if (box != unassigned) dismissed = box;
        }
        QVERIFY(dismissed != nullptr);
        QVERIFY(district->count() > 2 && officer->count() == 3);
        int nonEmpty = 0;
        for (const bool withDismissed : {false, true}) {
            dismissed->setChecked(withDismissed);
            for (int d = 0; d < district->count(); ++d) {
                district->setCurrentIndex(d);
                for (int b = 0; b < bucket->count(); ++b) {
                    bucket->setCurrentIndex(b);
                    for (int o = 0; o < officer->count(); ++o) {
                        officer->setCurrentIndex(o);
                        for (const bool onlyUnassigned : {false, true}) {
                            unassigned->setChecked(onlyUnassigned);
                            app::QueueFilter filter;
                            filter.district = district->currentData().toString().toStdString();
                            if (const int v = bucket->currentData().toInt(); v >= 0)
                                filter.bucket = static_cast<Bucket>(v);
                            filter.officer = officer->currentData().toString().toStdString();
                            filter.unassignedOnly = onlyUnassigned;
                            filter.includeDismissed = withDismissed;
                            const auto expected = serviceIds(filter);
                            QCOMPARE(shownIds(), expected);
                            if (!expected.empty()) ++nonEmpty;
                        }
                    }
                }
            }
        }
        QVERIFY(nonEmpty > 20);
        // Another column's sort shows the same entries in another order.
        district->setCurrentIndex(0);
        bucket->setCurrentIndex(0);
        officer->setCurrentIndex(0);
        unassigned->setChecked(false);
        dismissed->setChecked(true);
        auto all = shownIds();
        QCOMPARE(all.size(), open->size());
        table->sortByColumn(gui::VisitQueueModel::District, Qt::AscendingOrder);
        auto byDistrict = shownIds();
        QVERIFY(byDistrict != all);
        std::ranges::sort(all);
        std::ranges::sort(byDistrict);
        QCOMPARE(byDistrict, all);
    }
};

QTEST_MAIN(TestVisitQueue)
#include "test_visit_queue.moc"
