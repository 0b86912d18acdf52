// Issue 8: the case window's summary header, its timeline (newest first) and a schedule that opens at the first
// overdue instalment with the paid ones collapsible, amounts right-aligned, payments newest first.
#include "app/cases/case_overview.h"
#include "app/portfolio/portfolio_service.h"
#include "app/screening/screening_service.h"
#include "gui/cases/case_dialog.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/shared/application_controller.h"
#include "gui_fixture.h"

#include <QCheckBox>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

using namespace doorstep;

namespace {

const QString kSupervisor = QStringLiteral("sue.supervisor");
const QString kSupervisorPassword = QStringLiteral("Sue-pass-2026");
const QString kOfficer1 = QStringLiteral("officer1");
const QString kOfficerPassword = QStringLiteral("Officer-pass-1");

QTableWidget* tableIn(QWidget* page, const QString& name)
{
    auto* table = page->findChild<QTableWidget*>(name);
    if (!table) qFatal("no table %s", qPrintable(name));
    return table;
}

}  // namespace

class TestCaseDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void summaryTimelineAndSchedule()
    {
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer1, Role::Officer, kOfficerPassword);
        QVERIFY(test::importSynthetic(fixture, kSupervisor, kSupervisorPassword, 300, 11, {"officer1"}));
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        auto& session = *const_cast<app::Session*>(controller.session());

        // A queued customer with a loan that has both settled and overdue instalments.
        auto queue = app::ScreeningService(session).queue({});
        QVERIFY(queue && !queue->empty());
        std::optional<app::BorrowerCase> found;
        std::optional<app::QueueItem> item;
        int loanIndex = -1;
        for (const auto& q : *queue) {
            auto c = app::PortfolioService(session).openCase(q.borrowerRowId);
            QVERIFY(c.has_value());
            for (std::size_t i = 0; i < c->loans.size(); ++i) {
                const auto& l = c->loans[i];
                if (l.status && l.status->dpd > 0 && l.payments.size() >= 2) {
                    found = *c;
                    item = q;
                    loanIndex = static_cast<int>(i);
                    break;
                }
            }
            if (found) break;
        }
        QVERIFY(found.has_value());
        const auto summary = app::CaseOverviewService(session).summary(*found);
        const auto timeline = app::CaseOverviewService(session).timeline(*found);
        QVERIFY(summary && timeline);

        gui::CaseDialog dialog(session, *found);
        // The summary: the same figures as the queue entry, the officer by display name.
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("summaryOverdue"))->text(),
                 gui::moneyText(item->totalOverdue.fen));
        QCOMPARE(summary->totalOverdue, item->totalOverdue);
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("summaryDpd"))->text().contains(QString::number(item->maxDpd)));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("summaryBucket"))->text(),
                 QString::fromStdString(summary->bucket));
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("summaryQueue"))->text().contains(QString::number(item->score)));
        const QString officer = dialog.findChild<QLabel*>(QStringLiteral("summaryOfficer"))->text();
        QCOMPARE(summary->officer, item->officer);
        QCOMPARE(officer, QString::fromStdString(summary->officerName));  // the display name (the fixture's is the
                                                                          // user name; test_case_overview maps them)

        // The timeline: one row per entry, newest first.
        auto* tabs = dialog.findChild<QTabWidget*>(QStringLiteral("caseTabs"));
        auto* timelineTable = tableIn(&dialog, QStringLiteral("timelineTable"));
        QCOMPARE(timelineTable->rowCount(), static_cast<int>(timeline->size()));
        QVERIFY(timelineTable->rowCount() >= 2);
        for (int row = 1; row < timelineTable->rowCount(); ++row)
            QVERIFY(timelineTable->item(row - 1, 0)->text() >= timelineTable->item(row, 0)->text());

        // The loan's tab: the first row shown is the first overdue instalment; the paid ones come back on a tick.
        QWidget* loanPage = tabs->widget(2 + loanIndex);
        auto* schedule = tableIn(loanPage, QStringLiteral("scheduleTable"));
        auto* showPaid = loanPage->findChild<QCheckBox*>(QStringLiteral("showPaidInstalments"));
        auto* showFuture = loanPage->findChild<QCheckBox*>(QStringLiteral("showFutureInstalments"));
        QVERIFY(showPaid && showFuture);
        QVERIFY(!showPaid->isChecked());
        constexpr int kDaysOverdue = 4;
        constexpr int kSettledOn = 7;
        int firstShown = -1;
        int hidden = 0;
        for (int row = 0; row < schedule->rowCount(); ++row) {
            if (schedule->isRowHidden(row)) {
                ++hidden;
                QVERIFY(!schedule->item(row, kSettledOn)->text().isEmpty());  // only settled rows are collapsed
            } else if (firstShown < 0) {
                firstShown = row;
            }
        }
        QVERIFY(hidden > 0);
        QVERIFY(showPaid->text().contains(QString::number(hidden)));
        QVERIFY(firstShown >= 0);
        QVERIFY(!schedule->item(firstShown, kDaysOverdue)->text().isEmpty());  // overdue
        QVERIFY(schedule->item(firstShown, kSettledOn)->text().isEmpty());     // and not settled
        QVERIFY(schedule->item(firstShown, 2)->textAlignment() & Qt::AlignRight);
        showPaid->setChecked(true);
        for (int row = 0; row < schedule->rowCount(); ++row)
            QVERIFY(!schedule->isRowHidden(row));
        // Collapsing the future instalments leaves only the overdue and (shown) paid ones.
        showFuture->setChecked(false);
        for (int row = 0; row < schedule->rowCount(); ++row) {
            if (schedule->isRowHidden(row)) {
                QVERIFY(schedule->item(row, kSettledOn)->text().isEmpty());
                QVERIFY(schedule->item(row, kDaysOverdue)->text().isEmpty());
            }
        }

        // Payments newest first, amounts right-aligned.
        auto* payments = tableIn(loanPage, QStringLiteral("paymentsTable"));
        QCOMPARE(payments->rowCount(),
                 static_cast<int>(found->loans[static_cast<std::size_t>(loanIndex)].payments.size()));
        for (int row = 1; row < payments->rowCount(); ++row)
            QVERIFY(payments->item(row - 1, 0)->text() >= payments->item(row, 0)->text());
        QVERIFY(payments->item(0, 1)->textAlignment() & Qt::AlignRight);
    }
};

QTEST_MAIN(TestCaseDialog)
#include "test_case_dialog.moc"
