// Import an extract through the Import page, filter the portfolio list, open a case.
#include "app/portfolio_import.h"
#include "app/portfolio_service.h"
#include "gui/application_controller.h"
#include "gui/case_dialog.h"
#include "gui/import_page.h"
#include "gui/login_dialog.h"
#include "gui/main_window.h"
#include "gui/portfolio_model.h"
#include "gui_fixture.h"
#include "io/synthetic_extract.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace doorstep;

namespace {

const QString kSupervisor = QStringLiteral("sue.supervisor");
const QString kSupervisorPassword = QStringLiteral("Sue-pass-2026");
const QString kOfficer = QStringLiteral("officer1");
const QString kOfficerPassword = QStringLiteral("Officer-pass-1");

}  // namespace

class TestPortfolio final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importFilterAndOpenCase()
    {
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer, Role::Officer, kOfficerPassword);
        const QString extract = fixture.folder() + QStringLiteral("/extract");
        io::SyntheticOptions options;
        options.loans = 300;
        options.seed = 7;
        options.officers = {kOfficer.toStdString(), "officer2"};
        QVERIFY(io::writeSyntheticExtract(extract.toStdString(), options).has_value());

        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window != nullptr);

        // Import through the page.
        QVERIFY(window->showPage(QStringLiteral("importPage")));
        auto* page = window->findChild<gui::ImportPage*>();
        page->setFolder(extract);
        QSignalSpy importDone(page, &gui::ImportPage::finished);
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("importButton")), Qt::LeftButton);
        QVERIFY(importDone.wait(60000));  // the import runs in the background
        auto* result = window->findChild<QLabel*>(QStringLiteral("importResult"));
        QVERIFY2(result->text().contains(QStringLiteral("300")), qPrintable(result->text()));
        QVERIFY(!window->findChild<QWidget*>(QStringLiteral("importProblems"))->isVisible());

        // The list shows every loan; a bucket filter narrows it to what the database holds for that bucket.
        QVERIFY(window->showPage(QStringLiteral("portfolioPage")));
        auto* table = window->findChild<QTableView*>(QStringLiteral("portfolioTable"));
        auto* model = qobject_cast<gui::PortfolioModel*>(table->model());
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->totalCount(), 300);
        app::PortfolioFilter overdue;
        overdue.overdueOnly = true;
        auto* session = const_cast<app::Session*>(controller.session());
        const auto expectedOverdue = app::PortfolioService(*session).count(overdue);
        QVERIFY(expectedOverdue.has_value() && *expectedOverdue > 0 && *expectedOverdue < 300);
        window->findChild<QCheckBox*>(QStringLiteral("overdueOnly"))->setChecked(true);
        QCOMPARE(model->totalCount(), *expectedOverdue);
        // Sorted by DPD, worst first: the first row is at least as late as the last loaded one.
        QVERIFY(model->index(0, gui::PortfolioModel::Dpd).data().toInt() >=
                model->index(model->rowCount() - 1, gui::PortfolioModel::Dpd).data().toInt());
        // Lists mask identity numbers and phones.
        QVERIFY(model->index(0, gui::PortfolioModel::IdNumber).data().toString().contains(QStringLiteral("****")));
        QVERIFY(model->index(0, gui::PortfolioModel::Phone).data().toString().contains(QStringLiteral("****")));

        // Searching by the first row's loan number finds exactly that loan.
        const QString loanNo = model->index(0, gui::PortfolioModel::LoanNo).data().toString();
        auto* search = window->findChild<QLineEdit*>(QStringLiteral("portfolioSearch"));
        QTest::keyClicks(search, loanNo);
        QTRY_COMPARE(model->totalCount(), 1);
        QCOMPARE(model->index(0, gui::PortfolioModel::LoanNo).data().toString(), loanNo);

        // Opening it shows the case with the loan's delinquency breakdown.
        bool sawCase = false;
        test::onNextModal([&](QWidget* dialog) {
            sawCase = qobject_cast<gui::CaseDialog*>(dialog) != nullptr;
            auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("caseTabs"));
            QVERIFY(tabs->count() >= 3);
            auto* status = dialog->findChild<QLabel*>(QStringLiteral("loanStatus"));
            QVERIFY(status != nullptr && !status->text().isEmpty());
            qobject_cast<QDialog*>(dialog)->accept();
        });
        table->setCurrentIndex(model->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY(sawCase);
    }

    void officerSeesOnlyOwnLoans()
    {
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer, Role::Officer, kOfficerPassword);
        const QString extract = fixture.folder() + QStringLiteral("/extract");
        io::SyntheticOptions options;
        options.loans = 120;
        options.officers = {kOfficer.toStdString(), "officer2"};
        QVERIFY(io::writeSyntheticExtract(extract.toStdString(), options).has_value());
        {
            app::SystemClock clock;
            app::LoginThrottle throttle(clock);
            auto supervisor = app::Session::login(fixture.databasePath().toStdString(), kSupervisor.toStdString(),
                                                  kSupervisorPassword.toStdString(), throttle, clock);
            QVERIFY(supervisor.has_value());
            QVERIFY(app::importExtract(**supervisor, extract.toStdString(), {}).value().imported);
        }
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kOfficer, kOfficerPassword);
        auto* table = controller.mainWindow()->findChild<QTableView*>(QStringLiteral("portfolioTable"));
        auto* model = qobject_cast<gui::PortfolioModel*>(table->model());
        QVERIFY(model->totalCount() > 0 && model->totalCount() < 120);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, gui::PortfolioModel::Officer).data().toString(), kOfficer);
    }
};

QTEST_MAIN(TestPortfolio)
#include "test_portfolio.moc"
