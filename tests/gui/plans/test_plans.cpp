// Issue 12's acceptance through the GUI: from a case, an officer compares three repayment-plan options and
// submits one that needs approval; a supervisor approves it on the Plans page and prints the letter (its page
// rendered to an image and looked at); imports that miss the instalment mark the plan late, then broken.
#include "app/plans/plan_service.h"
#include "app/portfolio/portfolio_import.h"
#include "app/visits/visit_note_service.h"
#include "gui/cases/case_dialog.h"
#include "gui/plans/plan_proposal_dialog.h"
#include "gui/plans/plan_settings_dialog.h"
#include "gui/plans/plan_table_model.h"
#include "gui/plans/plans_page.h"
#include "gui/portfolio/portfolio_model.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/main_window.h"
#include "gui/shared/message_box.h"
#include "gui_fixture.h"
#include "storage/appointments/appointment_repository.h"
#include "storage/database/sqlite.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTranslator>
#include <QtTest>
#include <functional>
#include <map>
#include <memory>

using namespace doorstep;

namespace {

const QString kSupervisor = QStringLiteral("sue.supervisor");
const QString kSupervisorPassword = QStringLiteral("Sue-pass-2026");
const QString kOfficer = QStringLiteral("officer1");
const QString kOfficerPassword = QStringLiteral("Officer-pass-1");

// One customer of officer1 with 12,000.00 overdue since September; nothing paid.
void writeExtract(const QString& folder, const std::string& date)
{
    const std::map<std::string, std::string> files{
        {"manifest.csv", "extract_date,branch_code\n" + date + ",310115\n"},
        {"borrowers.csv",
         "borrower_id,name,id_number,phone,phone2,address,district,latitude,longitude,employer,monthly_income,"
         "monthly_expenses\n"
         "C001,王秀英,110101199003071233,13812345678,,浦东新区张杨路1500号,浦东新区,,,,8000.00,5000.00\n"},
        {"contacts.csv", "borrower_id,name,relation,phone\n"},
        {"credit_records.csv",
         "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m\n"},
        {"loans.csv", "loan_id,borrower_id,product,principal,interest_rate,start_date,term_months,repayment_method,"
                      "officer\nL001-1,C001,consumer,12000.00,6,2026-08-15,2,equal_instalment,officer1\n"},
        {"instalments.csv", "loan_id,seq,due_date,principal_due,interest_due\n"
                            "L001-1,1,2026-09-15,6000.00,60.00\nL001-1,2,2026-10-15,6000.00,30.00\n"},
        {"payments.csv", "payment_id,loan_id,paid_date,amount\n"},
    };
    QDir().mkpath(folder);
    for (const auto& [name, content] : files) {
        QFile f(folder + QLatin1Char('/') + QString::fromStdString(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content.data(), static_cast<qint64>(content.size()));
    }
}

void importAs(app::Session& session, const QString& folder, const std::string& date)
{
    writeExtract(folder, date);
    auto report = app::importExtract(session, folder.toStdString(), {});
    QVERIFY(report.has_value() && report->imported);
}

}  // namespace

class TestPlans final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void compareSubmitApprovePrintAndAdherence()
    {
        gui::MessageBox::setTestMode(true);
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer, Role::Officer, kOfficerPassword);
        app::SystemClock clock;
        auto supervisor = fixture.login(clock, kSupervisor, kSupervisorPassword);
        QVERIFY(supervisor != nullptr);
        importAs(*supervisor, fixture.folder() + QStringLiteral("/extract1"), "2026-11-30");

        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kOfficer, kOfficerPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("portfolioPage")));
        auto* table = window->findChild<QTableView*>(QStringLiteral("portfolioTable"));
        QTRY_COMPARE(table->model()->rowCount(), 1);

        // From the case: the loan tab's plan button opens the proposal dialog with three options.
        std::optional<std::int64_t> proposalId;
        bool sawComparison = false;
        test::onModal<gui::CaseDialog>([&](gui::CaseDialog* caseDialog) {
            test::onModal<gui::PlanProposalDialog>([&](gui::PlanProposalDialog* dialog) {
                QCOMPARE(dialog->optionCount(), 3);
                QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("compareButton")), Qt::LeftButton);
                auto* comparison = dialog->findChild<QTableWidget*>(QStringLiteral("comparisonTable"));
                QCOMPARE(comparison->columnCount(), 3);  // side by side
                QVERIFY(dialog->comparison().has_value());
                const auto& options = dialog->comparison()->options;
                for (const auto& o : options)
                    QVERIFY(o.plan.has_value());
                QCOMPARE(comparison->item(3, 0)->text(), QStringLiteral("12"));  // months of option 1
                QCOMPARE(comparison->item(3, 1)->text(), QStringLiteral("15"));  // 3 months' grace + 12
                QCOMPARE(comparison->item(3, 2)->text(), QStringLiteral("1"));   // the lump-sum settlement
                // The settlement waives penalty and compound interest: above the officer's limit (0).
                QVERIFY(options[2].approval.supervisorNeeded);
                QVERIFY(!options[0].approval.supervisorNeeded);
                // 3,000.00 disposable cannot carry a lump sum of about 12,000.00: flagged; the suggestion says why.
                QVERIFY(!options[2].summary.affordability.affordable);
                QVERIFY(dialog->comparison()->suggestion.option.has_value());
                QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("suggestionLabel"))->text().isEmpty());
                sawComparison = true;
                dialog->findChild<QComboBox*>(QStringLiteral("chosenCombo"))->setCurrentIndex(2);
                QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
                proposalId = dialog->proposalId();
            });
            QTest::mouseClick(caseDialog->findChild<QPushButton*>(QStringLiteral("planButton")), Qt::LeftButton);
            caseDialog->accept();
        });
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY(proposalId.has_value());
        QVERIFY(sawComparison);
        QVERIFY(gui::MessageBox::lastText().contains(QString::number(*proposalId)));

        // The officer's Plans page shows it, submitted; the officer cannot approve.
        QVERIFY(window->showPage(QStringLiteral("plansPage")));
        auto* page = window->findChild<gui::PlansPage*>();
        page->reload();
        QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page->model()->rowCount(), 1);
        QCOMPARE(page->model()->rowAt(0)->proposal.state, ProposalState::Submitted);
        QVERIFY(page->selectProposal(*proposalId));
        QVERIFY(!window->findChild<QPushButton*>(QStringLiteral("approvePlanButton"))->isEnabled());

        // The supervisor approves it from the Plans page and prints the letter.
        test::pressLock(window);
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("plansPage")));
        page = window->findChild<gui::PlansPage*>();
        QVERIFY(page->selectProposal(*proposalId));
        auto* approve = window->findChild<QPushButton*>(QStringLiteral("approvePlanButton"));
        QVERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QCOMPARE(page->model()->rowAt(page->model()->rowOf(*proposalId))->proposal.state, ProposalState::Approved);
        QVERIFY(window->findChild<QPushButton*>(QStringLiteral("printLetterButton"))->isEnabled());

        const QString pdf = fixture.folder() + QStringLiteral("/letter.pdf");
        QVERIFY(page->printLetter(pdf, Language::Chinese));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("%PDF-"));
        const auto letter = page->selectedLetter();
        QVERIFY(letter.has_value());
        QCOMPARE(letter->maskedIdNumber, std::string("110101********1233"));
        QCOMPARE(letter->plan.instalments.size(), std::size_t{1});
        const auto pages = report::renderPlanLetterPages(*letter, Language::Chinese, 72);
        QCOMPARE(pages.size(), std::size_t{1});
        QVERIFY(test::inkIn(pages.front(), 0.0, 0.15) > 0.005);  // title, customer, amounts
        QVERIFY(test::inkIn(pages.front(), 0.15, 0.6) > 0.005);  // schedule, terms, signature lines
        QVERIFY(test::inkIn(pages.front(), 0.9, 1.0) < 0.001);   // the rest of the page is blank

        // The customer accepts, the plan goes into force; imports that miss the instalment (due 30 November).
        auto officer = fixture.login(clock, kOfficer, kOfficerPassword);
        QVERIFY(app::PlanService(*officer).recordAcceptance(*proposalId).has_value());
        QVERIFY(app::PlanService(*supervisor).activate(*proposalId).has_value());
        importAs(*supervisor, fixture.folder() + QStringLiteral("/extract2"), "2026-12-05");
        page->reload();
        int row = page->model()->rowOf(*proposalId);
        QCOMPARE(page->model()->rowAt(row)->proposal.state, ProposalState::Active);
        QCOMPARE(page->model()->rowAt(row)->proposal.adherence, std::optional(AdherenceStatus::Late));
        QCOMPARE(page->model()->rowAt(row)->proposal.daysLate, 5);
        importAs(*supervisor, fixture.folder() + QStringLiteral("/extract3"), "2027-01-05");
        page->reload();
        row = page->model()->rowOf(*proposalId);
        QCOMPARE(page->model()->rowAt(row)->proposal.state, ProposalState::Broken);
        QCOMPARE(page->model()->index(row, gui::PlanTableModel::State).data().toString(),
                 gui::proposalStateText(ProposalState::Broken));
    }

    void anOfficerRevisesAReturnedProposalFromThePlansPage()
    {
        gui::MessageBox::setTestMode(true);
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer, Role::Officer, kOfficerPassword, QStringLiteral("李专员"));
        app::SystemClock clock;
        auto supervisor = fixture.login(clock, kSupervisor, kSupervisorPassword);
        QVERIFY(supervisor != nullptr);
        importAs(*supervisor, fixture.folder() + QStringLiteral("/extract"), "2026-11-30");
        auto officer = fixture.login(clock, kOfficer, kOfficerPassword);
        QVERIFY(officer != nullptr);
        // A waiver the supervisor returns.
        app::PlanService plans(*officer);
        const auto none = plans.list();
        QVERIFY(none.has_value() && none->empty());
        app::PlanCase c = app::PlanService(*supervisor).planCase(1).value();
        app::ProposalDraft draft{c.loanRowId, PlanTerms{c.asOf, Waiver::full(c.debt), Settlement{Money{}, 1}},
                                 c.household};
        const std::int64_t id = plans.create(draft).value();
        QCOMPARE(plans.submit(id).value(), ProposalState::Submitted);
        QVERIFY(app::PlanService(*supervisor).returnForChanges(id, "不予减免").has_value());

        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kOfficer, kOfficerPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("plansPage")));
        auto* page = window->findChild<gui::PlansPage*>();
        QVERIFY(page->selectProposal(id));
        const QString detail = window->findChild<QLabel*>(QStringLiteral("planDetail"))->text();
        QVERIFY(detail.contains(QStringLiteral("不予减免")));
        // Staff by display name, times local, in the list and the history (issue 8's words).
        const int shownRow = page->model()->rowOf(id);
        QCOMPARE(page->model()->index(shownRow, gui::PlanTableModel::Officer).data().toString(),
                 QStringLiteral("李专员"));
        QVERIFY(detail.contains(QStringLiteral("李专员")));
        QVERIFY(!detail.contains(kOfficer));
        const auto history = app::PlanService(*supervisor).proposal(id).value().moves;
        QVERIFY(detail.contains(QString::fromStdString(formatUtcStampLocally(history.front().at))));
        QVERIFY(!detail.contains(QString::fromStdString(history.front().at)));
        auto* revise = window->findChild<QPushButton*>(QStringLiteral("revisePlanButton"));
        QVERIFY(revise->isEnabled());
        bool revised = false;
        test::onModal<gui::PlanProposalDialog>([&](gui::PlanProposalDialog* dialog) {
            QVERIFY(dialog->proposalId() == id);
            QVERIFY(dialog->compare());
            dialog->findChild<QComboBox*>(QStringLiteral("chosenCombo"))->setCurrentIndex(0);  // no waiver
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
            revised = true;
        });
        QTest::mouseClick(revise, Qt::LeftButton);
        QTRY_VERIFY(revised);
        const auto p = app::PlanService(*supervisor).proposal(id);
        QVERIFY(p.has_value());
        // Revised (back to draft), resubmitted and, with nothing waived, approved by Doorstep.
        QCOMPARE(p->row.state, ProposalState::Approved);
        QCOMPARE(p->plan.waived(), Money{});
        QCOMPARE(p->moves.size(), std::size_t{5});
        QCOMPARE(p->moves[2].move, ProposalMove::Revise);
        QCOMPARE(page->model()->rowAt(page->model()->rowOf(id))->proposal.state, ProposalState::Approved);
    }

    void theFormTakesTheBudgetFromTheLatestVisitNoteAndSaysWhereEachFigureCameFrom()
    {
        gui::MessageBox::setTestMode(true);
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer, Role::Officer, kOfficerPassword);
        app::SystemClock clock;
        auto supervisor = fixture.login(clock, kSupervisor, kSupervisorPassword);
        QVERIFY(supervisor != nullptr);
        importAs(*supervisor, fixture.folder() + QStringLiteral("/extract"), "2026-11-30");
        auto officer = fixture.login(clock, kOfficer, kOfficerPassword);
        QVERIFY(officer != nullptr);
        const app::PlanCase c = app::PlanService(*officer).planCase(1).value();

        // officer1 visited on 20 November and submitted a note stating the income (12,345.60), not the expenses.
        storage::AppointmentRow a;
        a.borrowerRowId = c.borrowerRowId;
        a.appointment.caseId = "C001";
        a.appointment.date = Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};
        a.appointment.start = ClockTime::at(10, 0);
        a.appointment.staff = {kOfficer.toStdString(), kSupervisor.toStdString()};
        a.appointment.state = AppointmentState::Done;
        const std::int64_t appointment = storage::AppointmentRepository(officer->database().connection()).add(a);
        app::VisitNoteService notes(*officer);
        const std::int64_t noteId = notes.open(appointment).value();
        VisitNoteDraft draft;
        draft.content.visitors = a.appointment.staff;
        draft.content.arrived = ClockTime::at(10, 5);
        draft.content.ability = 3;
        draft.content.willingness = 4;
        draft.content.monthlyIncome = Money{1'234'560};
        QVERIFY(notes.submit(noteId, draft).has_value());

        gui::PlanProposalDialog dialog(*officer, c.loanRowId);
        auto* income = dialog.findChild<QLineEdit*>(QStringLiteral("incomeEdit"));
        auto* expenses = dialog.findChild<QLineEdit*>(QStringLiteral("expensesEdit"));
        auto* source = dialog.findChild<QLabel*>(QStringLiteral("householdSourceLabel"));
        QCOMPARE(income->text(), QStringLiteral("12345.60"));
        QCOMPARE(expenses->text(), QStringLiteral("5000.00"));  // the extract's: the note does not state it
        const QString fromNote = gui::PlanProposalDialog::tr("visit note of %1").arg(QStringLiteral("2026-11-20"));
        const QString fromExtract = gui::PlanProposalDialog::tr("core-banking extract");
        QCOMPARE(dialog.incomeSourceText(), fromNote);
        QCOMPARE(dialog.expensesSourceText(), fromExtract);
        QVERIFY(source->isVisibleTo(&dialog));
        QVERIFY2(source->text().contains(QStringLiteral("¥12,345.60")) && source->text().contains(fromNote) &&
                     source->text().contains(QStringLiteral("¥5,000.00")) && source->text().contains(fromExtract),
                 qPrintable(source->text()));
        QVERIFY(source->text().indexOf(fromNote) < source->text().indexOf(fromExtract));  // each after its figure

        // A figure typed over is the officer's own.
        expenses->selectAll();
        QTest::keyClicks(expenses, QStringLiteral("4200"));
        QCOMPARE(dialog.expensesSourceText(), gui::PlanProposalDialog::tr("entered here"));
        QVERIFY2(source->text().contains(QStringLiteral("¥4,200.00")), qPrintable(source->text()));
        QCOMPARE(dialog.incomeSourceText(), fromNote);

        // The proposal keeps the figures it was made with; revising it shows them as the proposal's.
        QVERIFY(dialog.compare());
        const auto id = dialog.propose(0, false);
        QVERIFY(id.has_value());
        const auto row = app::PlanService(*officer).proposal(*id).value().row;
        QCOMPARE(row.monthlyIncome, Money{1'234'560});
        QCOMPARE(row.monthlyExpenses, Money::fromYuan(4200));
        gui::PlanProposalDialog revise(*officer, row);
        QCOMPARE(revise.findChild<QLineEdit*>(QStringLiteral("expensesEdit"))->text(), QStringLiteral("4200.00"));
        QCOMPARE(revise.expensesSourceText(), gui::PlanProposalDialog::tr("as saved with proposal no. %1").arg(*id));
    }

    // Issue 8: numbers for people carry thousands separators, in the Plans page too.
    void thePlansPageWritesLargeCountsWithThousandsSeparators()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/doorstep_en.qm")));
        QCoreApplication::installTranslator(&english);
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer, Role::Officer, kOfficerPassword);
        app::SystemClock clock;
        auto supervisor = fixture.login(clock, kSupervisor, kSupervisorPassword);
        QVERIFY(supervisor != nullptr);
        importAs(*supervisor, fixture.folder() + QStringLiteral("/extract"), "2026-11-30");
        auto officer = fixture.login(clock, kOfficer, kOfficerPassword);
        QVERIFY(officer != nullptr);
        const app::PlanCase c = app::PlanService(*officer).planCase(1).value();
        app::ProposalDraft draft{c.loanRowId,
                                 PlanTerms{c.asOf, {}, Reamortisation{RepaymentMethod::EqualInstalment, c.rate, 12}},
                                 c.household};
        const std::int64_t first = app::PlanService(*officer).create(draft).value();
        // 12,345 proposals in all (copies of the first), one of them in force and 1,234 days late.
        const auto& db = officer->database().connection();
        app::ProposalRow row = app::PlanService(*officer).proposal(first).value().row;
        {
            storage::Transaction t(db);
            storage::PlanRepository plans(db);
            for (int i = 1; i < 12'345; ++i)
                plans.insert(row);
            row.state = ProposalState::Active;
            row.adherence = AdherenceStatus::Late;
            row.daysLate = 1'234;
            plans.update(row);
            t.commit();
        }

        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("plansPage")));
        auto* page = window->findChild<gui::PlansPage*>();
        page->reload();
        QCOMPARE(page->model()->rowCount(), 12'345);
        QCOMPARE(window->findChild<QLabel*>(QStringLiteral("planStatus"))->text(), QStringLiteral("12,345 proposals"));
        const int late = page->model()->rowOf(first);
        QCOMPARE(page->model()->index(late, gui::PlanTableModel::Adherence).data().toString(),
                 QStringLiteral("1,234 days late"));
        QVERIFY(page->selectProposal(first));
        const QString detail = window->findChild<QLabel*>(QStringLiteral("planDetail"))->text();
        QVERIFY2(detail.contains(QStringLiteral("12 instalments")), qPrintable(detail));

        QCoreApplication::removeTranslator(&english);
        QLocale::setDefault(before);
    }

    void anAdministratorSetsThePlanRules()
    {
        test::GuiFixture fixture;
        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("administrationPage")));
        bool saw = false;
        test::onModal<gui::PlanSettingsDialog>([&](gui::PlanSettingsDialog* dialog) {
            auto* waiver = dialog->findChild<QLineEdit*>(QStringLiteral("waiverEdit"));
            QCOMPARE(waiver->text(), QStringLiteral("0.00"));  // the domain's default
            waiver->setText(QStringLiteral("abc"));
            auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
            QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
            QVERIFY(dialog->isVisible());  // stays open, saying why
            QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("errorLabel"))->isVisibleTo(dialog));
            waiver->setText(QStringLiteral("500.00"));
            dialog->findChild<QSpinBox*>(QStringLiteral("observationSpin"))->setValue(18);
            saw = true;
            QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
        });
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("planSettingsButton")), Qt::LeftButton);
        QTRY_VERIFY(saw);
        auto* session = const_cast<app::Session*>(controller.session());
        const auto settings = app::planSettings(*session);
        QVERIFY(settings.has_value());
        QCOMPARE(settings->authority.waiverLimit, Money::fromYuan(500));
        QCOMPARE(settings->observationMonths, 18);
        QCOMPARE(settings->adherence.brokenAfterDays, 30);
    }
};

QTEST_MAIN(TestPlans)
#include "test_plans.moc"
