// Import an extract through the Import page, filter the portfolio list, open a case.
#include "app/portfolio/portfolio_import.h"
#include "app/portfolio/portfolio_service.h"
#include "gui/cases/case_dialog.h"
#include "gui/portfolio/import_page.h"
#include "gui/portfolio/portfolio_model.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/main_window.h"
#include "gui/users/login_dialog.h"
#include "gui_fixture.h"
#include "io/demo/synthetic_extract.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>
#include <map>
#include <string>

using namespace doorstep;

namespace {

const QString kSupervisor = QStringLiteral("sue.supervisor");
const QString kSupervisorPassword = QStringLiteral("Sue-pass-2026");
const QString kOfficer = QStringLiteral("officer1");
const QString kOfficerPassword = QStringLiteral("Officer-pass-1");

// Two borrowers, two loans; L002-1 is 51 days past due. Both loans' schedules are shorter than their terms and
// repay less than their principal: four warnings. The ID numbers are synthetic.
const std::map<std::string, std::string> kTiny{
    {"manifest.csv", "extract_date,branch_code\n2026-11-30,310115\n"},
    {"borrowers.csv", "borrower_id,name,id_number,phone,address,district\n"
                      "C001,王秀英,110101199003071233,13812345678,浦东新区张杨路1500号3室,浦东新区\n"
                      "C002,李强,44030419780101031X,13900001111,徐汇区漕溪北路1号,徐汇区\n"},
    {"contacts.csv", "borrower_id,name,relation,phone\n"},
    {"credit_records.csv",
     "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m\n"},
    {"loans.csv",
     "loan_id,borrower_id,product,principal,interest_rate,start_date,term_months,repayment_method,officer\n"
     "L001-1,C001,consumer,150000.00,4.35,2025-03-15,36,equal_instalment,officer1\n"
     "L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,\n"},
    {"instalments.csv", "loan_id,seq,due_date,principal_due,interest_due\n"
                        "L001-1,1,2025-04-15,3900.00,543.75\nL001-1,2,2025-05-15,3914.14,529.61\n"
                        "L002-1,1,2024-02-10,2222.22,2066.67\nL002-1,2,2026-10-10,2222.22,2060.94\n"},
    {"payments.csv", "payment_id,loan_id,paid_date,amount\n"
                     "P1,L001-1,2025-04-15,4443.75\nP2,L001-1,2025-05-15,4443.75\nP3,L002-1,2024-02-10,4288.89\n"},
};

void writeExtract(const QString& folder, const std::map<std::string, std::string>& files)
{
    QDir().mkpath(folder);
    for (const auto& [name, text] : files) {
        QFile f(folder + QLatin1Char('/') + QString::fromStdString(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.data(), static_cast<qint64>(text.size()));
    }
}

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
        // Issue 8: every sortable header sorts by its own column; masked ones keep the order they had.
        {
            const auto money = [](const QString& text) {
                QString digits = text;
                digits.remove(QChar(0x00A5)).remove(QLatin1Char(','));
                return qRound64(digits.toDouble() * 100);
            };
            const auto ordered = [&](int column, Qt::SortOrder order) {
                for (int row = 1; row < model->rowCount(); ++row) {
                    const QString a = model->index(row - 1, column).data().toString();
                    const QString b = model->index(row, column).data().toString();
                    qint64 c = 0;
                    if (column == gui::PortfolioModel::Dpd)
                        c = model->index(row - 1, column).data(Qt::EditRole).toLongLong() -
                            model->index(row, column).data(Qt::EditRole).toLongLong();
                    else if (column == gui::PortfolioModel::OverduePrincipal ||
                             column == gui::PortfolioModel::TotalOverdue)
                        c = money(a) - money(b);
                    else
                        c = a.compare(b);
                    if (order == Qt::AscendingOrder ? c > 0 : c < 0) {
                        qWarning("out of order at row %d of %d (total %lld): %s then %s", row, model->rowCount(),
                                 static_cast<long long>(model->totalCount()), qPrintable(a), qPrintable(b));
                        return false;
                    }
                }
                return true;
            };
            auto* header = table->horizontalHeader();
            for (const int column :
                 {int(gui::PortfolioModel::LoanNo), int(gui::PortfolioModel::Dpd),
                  int(gui::PortfolioModel::OverduePrincipal), int(gui::PortfolioModel::TotalOverdue)}) {
                for (const auto order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    header->setSortIndicator(column, order);
                    QVERIFY2(ordered(column, order), qPrintable(QStringLiteral("column %1").arg(column)));
                }
            }
            header->setSortIndicator(gui::PortfolioModel::IdNumber, Qt::AscendingOrder);
            QCOMPARE(header->sortIndicatorSection(), int(gui::PortfolioModel::TotalOverdue));
            QVERIFY(ordered(gui::PortfolioModel::TotalOverdue, Qt::DescendingOrder));
            header->setSortIndicator(gui::PortfolioModel::Dpd, Qt::DescendingOrder);
        }
        // Sorted by DPD, worst first: the first row is at least as late as the last loaded one.
        const int worst = model->index(0, gui::PortfolioModel::Dpd).data(Qt::EditRole).toInt();
        QVERIFY(worst >= model->index(model->rowCount() - 1, gui::PortfolioModel::Dpd).data(Qt::EditRole).toInt());
        // Days shown with thousands separators, like every number for people: 1,088.
        QVERIFY2(worst >= 1000 && worst < 1000000, qPrintable(QString::number(worst)));
        QCOMPARE(model->index(0, gui::PortfolioModel::Dpd).data().toString(),
                 QStringLiteral("%1,%2").arg(worst / 1000).arg(worst % 1000, 3, 10, QLatin1Char('0')));
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

    // The import page says who left the book and lists the warnings; the list leaves such a loan out, the
    // "no longer in the book" filter and a search find it, and its case says so.
    void leftTheBookAndWarnings()
    {
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        const QString november = fixture.folder() + QStringLiteral("/november");
        writeExtract(november, kTiny);
        auto december = kTiny;
        december["manifest.csv"] = "extract_date,branch_code\n2026-12-31,310115\n";
        december["borrowers.csv"] = "borrower_id,name,id_number,phone,address,district\n"
                                    "C001,王秀英,110101199003071233,13812345678,浦东新区张杨路1500号3室,浦东新区\n";
        december["loans.csv"] =
            "loan_id,borrower_id,product,principal,interest_rate,start_date,term_months,repayment_method,officer\n"
            "L001-1,C001,consumer,7814.14,4.35,2025-03-15,2,equal_instalment,officer1\n";
        december["instalments.csv"] = "loan_id,seq,due_date,principal_due,interest_due\n"
                                      "L001-1,1,2025-04-15,3900.00,543.75\nL001-1,2,2025-05-15,3914.14,529.61\n";
        december["payments.csv"] =
            "payment_id,loan_id,paid_date,amount\nP1,L001-1,2025-04-15,4443.75\nP2,L001-1,2025-05-15,4443.75\n";
        const QString decemberFolder = fixture.folder() + QStringLiteral("/december");
        writeExtract(decemberFolder, december);

        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("importPage")));
        auto* page = window->findChild<gui::ImportPage*>();
        auto* result = window->findChild<QLabel*>(QStringLiteral("importResult"));
        auto* warnings = window->findChild<QPlainTextEdit*>(QStringLiteral("importWarnings"));
        auto* warningsTitle = window->findChild<QLabel*>(QStringLiteral("importWarningsTitle"));
        auto* importButton = window->findChild<QPushButton*>(QStringLiteral("importButton"));

        QSignalSpy importDone(page, &gui::ImportPage::finished);
        page->setFolder(november);
        QTest::mouseClick(importButton, Qt::LeftButton);
        QVERIFY(importDone.wait(60000));  // the import runs in the background
        QVERIFY2(result->text().contains(QStringLiteral("No longer in the book: 0 loans and 0 borrowers. Back in the "
                                                        "book: 0 loans and 0 borrowers.")),
                 qPrintable(result->text()));
        QVERIFY(warnings->isVisible());
        QVERIFY2(warningsTitle->text().contains(QStringLiteral("4 warning")), qPrintable(warningsTitle->text()));
        const QStringList listed = warnings->toPlainText().split(QLatin1Char('\n'));
        QCOMPARE(listed.size(), 4);
        QCOMPARE(listed.at(0), QStringLiteral("loans.csv line 2, column term_months: '36' differs from the '2' "
                                              "instalments listed in instalments.csv"));

        page->setFolder(decemberFolder);
        QTest::mouseClick(importButton, Qt::LeftButton);
        QVERIFY(importDone.wait(60000));
        QVERIFY2(result->text().contains(QStringLiteral("No longer in the book: 1 loans and 1 borrowers.")),
                 qPrintable(result->text()));
        QVERIFY(!warnings->isVisible());  // this one matches its schedule

        QVERIFY(window->showPage(QStringLiteral("portfolioPage")));
        auto* table = window->findChild<QTableView*>(QStringLiteral("portfolioTable"));
        auto* model = qobject_cast<gui::PortfolioModel*>(table->model());
        QTRY_COMPARE(model->totalCount(), 1);
        QCOMPARE(model->index(0, gui::PortfolioModel::LoanNo).data().toString(), QStringLiteral("L001-1"));
        auto* leftOnly = window->findChild<QCheckBox*>(QStringLiteral("leftBookOnly"));
        leftOnly->setChecked(true);
        QTRY_COMPARE(model->totalCount(), 1);
        QCOMPARE(model->index(0, gui::PortfolioModel::LoanNo).data().toString(), QStringLiteral("L002-1"));
        QCOMPARE(model->index(0, gui::PortfolioModel::Dpd).data().toString(),
                 QStringLiteral("51"));  // its figures of November
        QVERIFY(model->index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("2026-11-30")));
        leftOnly->setChecked(false);
        QTRY_COMPARE(model->totalCount(), 1);
        QTest::keyClicks(window->findChild<QLineEdit*>(QStringLiteral("portfolioSearch")), QStringLiteral("L002"));
        QTRY_COMPARE(model->index(0, gui::PortfolioModel::LoanNo).data().toString(), QStringLiteral("L002-1"));

        bool sawNote = false;
        test::onNextModal([&](QWidget* dialog) {
            auto* loanNote = dialog->findChild<QLabel*>(QStringLiteral("loanLeftBook"));
            auto* borrowerNote = dialog->findChild<QLabel*>(QStringLiteral("borrowerLeftBook"));
            sawNote = loanNote != nullptr && loanNote->text().contains(QStringLiteral("2026-11-30")) &&
                      borrowerNote != nullptr;
            qobject_cast<QDialog*>(dialog)->accept();
        });
        table->setCurrentIndex(model->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY(sawNote);
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

    // Issue 8: the list filters and sorts in memory and reads the shown columns a page at a time. Every sort orders
    // the whole filtered set (not the page fetched so far) exactly as the database does, the pages fetched as the
    // view scrolls continue it, and the list reads the portfolio again when the data changes.
    void pagesContinueTheWholeSortAndFollowChanges()
    {
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        QVERIFY(test::importSynthetic(fixture, kSupervisor, kSupervisorPassword, 700, 11, {"officer1", "officer2"}));
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("portfolioPage")));
        auto* table = window->findChild<QTableView*>(QStringLiteral("portfolioTable"));
        auto* model = qobject_cast<gui::PortfolioModel*>(table->model());
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* session = const_cast<app::Session*>(controller.session());
        const auto loanIds = [](const std::vector<app::PortfolioRow>& rows) {
            QStringList ids;
            for (const auto& r : rows)
                ids << QString::fromStdString(r.loanId);
            return ids;
        };
        const auto shown = [&] {
            while (model->canFetchMore({}))
                model->fetchMore({});
            QStringList ids;
            for (int row = 0; row < model->rowCount(); ++row)
                ids << model->index(row, gui::PortfolioModel::LoanNo).data().toString();
            return ids;
        };
        const struct {
            int column;
            app::PortfolioSort sort;
        } sorts[] = {{gui::PortfolioModel::TotalOverdue, app::PortfolioSort::TotalOverdue},
                     {gui::PortfolioModel::Borrower, app::PortfolioSort::Borrower},
                     {gui::PortfolioModel::LoanNo, app::PortfolioSort::LoanId},
                     {gui::PortfolioModel::RiskClass, app::PortfolioSort::RiskClass},
                     {gui::PortfolioModel::Officer, app::PortfolioSort::Officer}};
        auto* header = table->horizontalHeader();
        auto* overdue = window->findChild<QCheckBox*>(QStringLiteral("overdueOnly"));
        QCOMPARE(model->totalCount(), 700);  // more than a page: the pages continue a sort
        for (const bool overdueOnly : {false, true}) {
            overdue->setChecked(overdueOnly);
            app::PortfolioFilter filter;
            filter.overdueOnly = overdueOnly;
            for (const auto& s : sorts) {
                for (const auto order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    header->setSortIndicator(s.column, order);
                    QCOMPARE(model->rowCount(), std::min<int>(gui::PortfolioModel::kPageSize, model->totalCount()));
                    const auto expected =
                        app::PortfolioService(*session).page(filter, s.sort, order == Qt::AscendingOrder, 0, 100000);
                    QVERIFY(expected.has_value());
                    QCOMPARE(model->totalCount(), static_cast<std::int64_t>(expected->size()));
                    QCOMPARE(shown(), loanIds(*expected));
                }
            }
        }

        // Another program imports the next extract, which holds two loans only: the others leave the book and the
        // list follows (the change notifier's poll reloads the page).
        overdue->setChecked(false);
        header->setSortIndicator(gui::PortfolioModel::Dpd, Qt::DescendingOrder);
        QCOMPARE(model->totalCount(), 700);
        const QString tiny = fixture.folder() + QStringLiteral("/tiny");
        writeExtract(tiny, kTiny);
        {
            app::LoginThrottle throttle(clock);
            auto other = app::Session::login(fixture.databasePath().toStdString(), kSupervisor.toStdString(),
                                             kSupervisorPassword.toStdString(), throttle, clock);
            QVERIFY(other.has_value());
            QVERIFY(app::importExtract(**other, tiny.toStdString(), {}).value().imported);
        }
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 2, 10000);
        QCOMPARE(shown(), (QStringList{QStringLiteral("L002-1"), QStringLiteral("L001-1")}));
    }
};

QTEST_MAIN(TestPortfolio)
#include "test_portfolio.moc"
