// Issue 10's acceptance through the GUI: an officer books a confirmed visit with two staff in the booking
// dialog (the customer found among the accepted queue entries) and finds it in the week view; a clashing
// booking (same staff, same time) is refused with the words on the dialog and OK disabled; confirm and cancel
// through the page's buttons; the day plan orders the day and its day sheet PDF is written and looked at.
#include "app/appointments/appointment_service.h"
#include "app/portfolio/portfolio_import.h"
#include "app/screening/screening_service.h"
#include "gui/appointments/appointment_calendar.h"
#include "gui/appointments/appointment_table_model.h"
#include "gui/appointments/appointments_page.h"
#include "gui/appointments/booking_dialog.h"
#include "gui/appointments/route_picture.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/error_text.h"
#include "gui/shared/main_window.h"
#include "gui/shared/message_box.h"
#include "gui_fixture.h"
#include "report/day_sheet.h"
#include "support/manual_clock.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimeEdit>
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
const QString kPartner = QStringLiteral("officer2");
const QString kPartnerPassword = QStringLiteral("Officer-pass-2");

const Date kMonday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};

// Three customers of officer1 in Pudong, each 12,000.00 overdue since September, with coordinates.
void writeExtract(const QString& folder)
{
    std::string borrowers =
        "borrower_id,name,id_number,phone,phone2,address,district,latitude,longitude,employer,"
        "monthly_income,monthly_expenses\n"
        "C001,王秀英,110101199003071233,13812345678,,浦东新区张杨路1500号,浦东新区,31.2304,121.5137,,8000.00,"
        "5000.00\n"
        "C002,李强,110101198805061235,13900001111,,浦东新区世纪大道100号,浦东新区,31.2400,121.5400,,"
        "9000.00,5000.00\n"
        "C003,张伟,110101197701011239,13700002222,,浦东新区浦东南路500号,浦东新区,31.2200,121.5000,,"
        "7000.00,4000.00\n";
    std::string loans = "loan_id,borrower_id,product,principal,interest_rate,start_date,term_months,repayment_method,"
                        "officer\n";
    std::string instalments = "loan_id,seq,due_date,principal_due,interest_due\n";
    for (const char* c : {"C001", "C002", "C003"}) {
        loans += std::string("L") + c + "," + c + ",consumer,12000.00,6,2026-08-15,2,equal_instalment,officer1\n";
        instalments += std::string("L") + c + ",1,2026-09-15,6000.00,60.00\nL" + c + ",2,2026-10-15,6000.00,30.00\n";
    }
    const std::map<std::string, std::string> files{
        {"manifest.csv", "extract_date,branch_code\n2026-11-28,310115\n"},
        {"borrowers.csv", borrowers},
        {"contacts.csv", "borrower_id,name,relation,phone\n"},
        {"credit_records.csv",
         "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m\n"},
        {"loans.csv", loans},
        {"instalments.csv", instalments},
        {"payments.csv", "payment_id,loan_id,paid_date,amount\n"},
    };
    QDir().mkpath(folder);
    for (const auto& [name, content] : files) {
        QFile f(folder + QLatin1Char('/') + QString::fromStdString(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content.data(), static_cast<qint64>(content.size()));
    }
}

// Fills the booking form: the customer by search, the time, the two staff (user names), confirmed or not.
void fill(gui::BookingDialog* dialog, const QString& search, QTime start, bool confirmed)
{
    auto* searchEdit = dialog->findChild<QLineEdit*>(QStringLiteral("customerSearch"));
    searchEdit->setText(search);  // (keyClicks types ASCII only)
    auto* customers = dialog->findChild<QComboBox*>(QStringLiteral("customerCombo"));
    QCOMPARE(customers->count(), 1);  // the search found exactly the one customer
    dialog->findChild<QDateEdit*>(QStringLiteral("dateEdit"))->setDate(QDate(2026, 11, 30));
    dialog->findChild<QTimeEdit*>(QStringLiteral("startEdit"))->setTime(start);
    dialog->findChild<QSpinBox*>(QStringLiteral("durationSpin"))->setValue(45);
    auto* staff1 = dialog->findChild<QComboBox*>(QStringLiteral("staff1Combo"));
    auto* staff2 = dialog->findChild<QComboBox*>(QStringLiteral("staff2Combo"));
    staff1->setCurrentIndex(staff1->findData(kOfficer));
    staff2->setCurrentIndex(staff2->findData(kPartner));
    dialog->findChild<QCheckBox*>(QStringLiteral("confirmedCheck"))->setChecked(confirmed);
}

QPushButton* okOf(gui::BookingDialog* dialog)
{
    return dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
}

}  // namespace

class TestAppointments final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bookFindRefuseConfirmCancelAndPrint()
    {
        gui::MessageBox::setTestMode(true);
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer, Role::Officer, kOfficerPassword, QStringLiteral("李专员"));
        fixture.addUser(kPartner, Role::Officer, kPartnerPassword, QStringLiteral("王专员"));
        test::ManualClock clock;  // Sunday 2026-11-29, 13:04 in Shanghai
        auto supervisor = fixture.login(clock, kSupervisor, kSupervisorPassword);
        QVERIFY(supervisor != nullptr);
        const QString extract = fixture.folder() + QStringLiteral("/extract");
        writeExtract(extract);
        auto imported = app::importExtract(*supervisor, extract.toStdString(), {});
        QVERIFY(imported.has_value());
        QVERIFY2(imported->imported, imported->problems.empty() ? "" : imported->problems.front().text().c_str());
        app::ScreeningService screening(*supervisor);
        QVERIFY(screening.run(screening.currentAsOf()).has_value());
        auto officer = fixture.login(clock, kOfficer, kOfficerPassword);
        QVERIFY(officer != nullptr);
        std::map<std::string, std::int64_t> rowOf;
        auto queue = app::ScreeningService(*officer).queue({});
        QVERIFY(queue.has_value());
        for (const auto& q : *queue)
            rowOf[q.borrowerId] = q.borrowerRowId;
        QCOMPARE(rowOf.size(), std::size_t{3});
        for (const auto& [id, row] : rowOf)
            QVERIFY(app::ScreeningService(*officer).accept(row).has_value());

        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kOfficer, kOfficerPassword);
        gui::MainWindow* window = controller.mainWindow();
        window->resize(1366, 768);
        QVERIFY(window->showPage(QStringLiteral("appointmentsPage")));
        auto* page = window->findChild<gui::AppointmentsPage*>();
        QVERIFY(page != nullptr);
        page->showWeek(true);
        page->showDate(kMonday);
        // The paging buttons say how far they go: a week in the week view, a day in the day view.
        {
            auto* previous = window->findChild<QPushButton*>(QStringLiteral("previousButton"));
            auto* next = window->findChild<QPushButton*>(QStringLiteral("nextButton"));
            QCOMPARE(previous->text(), QStringLiteral("◀ &Previous week"));
            QCOMPARE(next->text(), QStringLiteral("&Next week ▶"));
            auto* view = window->findChild<QComboBox*>(QStringLiteral("appointmentView"));
            view->setCurrentIndex(view->findData(false));
            QCOMPARE(previous->text(), QStringLiteral("◀ &Previous day"));
            QCOMPARE(next->text(), QStringLiteral("&Next day ▶"));
            view->setCurrentIndex(view->findData(true));
            QCOMPARE(previous->text(), QStringLiteral("◀ &Previous week"));
            page->showDate(kMonday);
        }
        auto* calendar = page->calendar();
        QAbstractItemModelTester tester(page->listModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // A confirmed visit with two staff, the customer found by number among the accepted entries.
        bool booked = false;
        test::onModal<gui::BookingDialog>([&](gui::BookingDialog* dialog) {
            fill(dialog, QStringLiteral("C001"), QTime(10, 0), true);
            QVERIFY(dialog->refusals().isEmpty());
            QVERIFY(okOf(dialog)->isEnabled());
            QTest::mouseClick(okOf(dialog), Qt::LeftButton);
            booked = dialog->bookedId() != 0;
        });
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("bookButton")), Qt::LeftButton);
        QVERIFY(booked);
        const std::int64_t first = page->selectedAppointment();
        QVERIFY(first != 0);

        // In the week view: one block in officer1's lane, on Monday (the first day), from 10:00; the view
        // says which appointment is drawn there.
        QCOMPARE(calendar->firstDay(), kMonday);
        QCOMPARE(calendar->dayCount(), 7);
        const gui::CalendarItem* item = calendar->item(first);
        QVERIFY(item != nullptr);
        QCOMPARE(item->state, AppointmentState::Confirmed);
        QCOMPARE(item->staff, (std::vector<std::string>{"officer1", "officer2"}));
        const auto blocks = calendar->blocksOf(first);
        QCOMPARE(blocks.size(), std::size_t{1});                       // an officer sees their own lane
        QVERIFY(blocks.front().right() < calendar->width() / 7 + 60);  // Monday's column
        QCOMPARE(calendar->appointmentAt(blocks.front().center()), first);
        QCOMPARE(calendar->appointmentAt(blocks.front().topLeft() - QPoint(0, 5)), std::int64_t{0});
        QVERIFY(item->tooltip.contains(QStringLiteral("138****5678")));  // the phone, masked
        QVERIFY(!item->tooltip.contains(QStringLiteral("13812345678")));
        // Clicking the block selects it.
        calendar->select(0);
        QTest::mouseClick(calendar, Qt::LeftButton, {}, blocks.front().center());
        QCOMPARE(page->selectedAppointment(), first);

        // The same two staff at the same time for another customer: refused in words, OK disabled; at 14:00
        // the form clears and the visit is booked, proposed.
        std::int64_t second = 0;
        test::onModal<gui::BookingDialog>([&](gui::BookingDialog* dialog) {
            fill(dialog, QStringLiteral("李强"), QTime(10, 15), false);
            QVERIFY(!okOf(dialog)->isEnabled());
            const QString busy = gui::messageText(MessageId{"booking.staff_busy"}, {MessageArg::text("user", "李专员"),
                                                                                    MessageArg::text("start", "10:00"),
                                                                                    MessageArg::text("end", "10:45")});
            QVERIFY2(dialog->refusals().contains(busy), qPrintable(dialog->refusals().join(QLatin1Char('|'))));
            const QString shown = dialog->findChild<QLabel*>(QStringLiteral("refusalLabel"))->text();
            QVERIFY(shown.contains(busy));
            QVERIFY(shown.contains(QStringLiteral("王专员")));  // the partner is busy too, named as people know them
            QVERIFY(!shown.contains(QStringLiteral("officer")));
            dialog->findChild<QTimeEdit*>(QStringLiteral("startEdit"))->setTime(QTime(14, 0));
            QVERIFY(dialog->refusals().isEmpty());
            QVERIFY(okOf(dialog)->isEnabled());
            QTest::mouseClick(okOf(dialog), Qt::LeftButton);
            second = dialog->bookedId();
        });
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("bookButton")), Qt::LeftButton);
        QVERIFY(second != 0 && second != first);
        QCOMPARE(calendar->item(second)->state, AppointmentState::Proposed);

        // Confirm by the button the state machine enables.
        auto* confirm = window->findChild<QPushButton*>(QStringLiteral("confirmAppointmentButton"));
        auto* cancel = window->findChild<QPushButton*>(QStringLiteral("cancelAppointmentButton"));
        QVERIFY(page->selectAppointment(first));
        QVERIFY(!confirm->isEnabled());  // already confirmed
        QVERIFY(page->selectAppointment(second));
        QVERIFY(confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(calendar->item(second)->state, AppointmentState::Confirmed);
        QVERIFY(!confirm->isEnabled());
        const int listRow = page->listModel()->rowOf(second);
        QVERIFY(listRow >= 0);
        QCOMPARE(page->listModel()->index(listRow, gui::AppointmentTableModel::State).data().toString(),
                 gui::appointmentStateText(AppointmentState::Confirmed));

        // Rescheduled through the same form: onto the first visit's time refused in words (the visit being moved
        // is no obstacle to itself), an hour later accepted; the replacement is proposed again.
        std::int64_t moved = 0;
        test::onModal<gui::BookingDialog>([&](gui::BookingDialog* dialog) {
            QVERIFY(!dialog->findChild<QComboBox*>(QStringLiteral("staff1Combo"))->isEnabled());
            auto* start = dialog->findChild<QTimeEdit*>(QStringLiteral("startEdit"));
            QCOMPARE(start->time(), QTime(14, 0));
            // Its own time: nothing to move (the domain's refusal), OK disabled.
            QCOMPARE(dialog->refusals(), QStringList{gui::messageText(MessageId{"appointment.same_time"})});
            QVERIFY(!okOf(dialog)->isEnabled());
            // ... not shown in red before the user has changed anything; once moved and back, it is.
            auto* refusalLabel = dialog->findChild<QLabel*>(QStringLiteral("refusalLabel"));
            QCOMPARE(refusalLabel->text(), QString());
            start->setTime(QTime(14, 30));
            start->setTime(QTime(14, 0));
            QCOMPARE(refusalLabel->text(), gui::messageText(MessageId{"appointment.same_time"}));
            start->setTime(QTime(10, 30));
            QVERIFY(!okOf(dialog)->isEnabled());
            QVERIFY(
                dialog->findChild<QLabel*>(QStringLiteral("refusalLabel"))->text().contains(QStringLiteral("10:45")));
            start->setTime(QTime(15, 0));
            QVERIFY(okOf(dialog)->isEnabled());
            QTest::mouseClick(okOf(dialog), Qt::LeftButton);
            moved = dialog->bookedId();
        });
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("rescheduleButton")), Qt::LeftButton);
        QVERIFY(moved != 0 && moved != second);
        QCOMPARE(calendar->item(second)->state, AppointmentState::Rescheduled);
        QCOMPARE(calendar->item(moved)->state, AppointmentState::Proposed);
        QCOMPARE(calendar->item(moved)->start, 15 * 60);
        QCOMPARE(page->selectedAppointment(), moved);
        QVERIFY(!window->findChild<QLabel*>(QStringLiteral("appointmentStatus"))->text().isEmpty());

        // On the List tab the buttons act on the list's selection: with the list's dates moved past the visit
        // chosen in the calendar, nothing is selected there and no button moves it (they stayed enabled).
        auto* tabs = window->findChild<QTabWidget*>(QStringLiteral("appointmentTabs"));
        auto* rescheduleButton = window->findChild<QPushButton*>(QStringLiteral("rescheduleButton"));
        auto* listFrom = window->findChild<QDateEdit*>(QStringLiteral("listFrom"));
        auto* listTo = window->findChild<QDateEdit*>(QStringLiteral("listTo"));
        const QDate wasFrom = listFrom->date();
        const QDate wasTo = listTo->date();
        QVERIFY(rescheduleButton->isEnabled());  // the replacement, chosen in the calendar
        listTo->setDate(QDate(2027, 1, 20));
        listFrom->setDate(QDate(2027, 1, 10));
        tabs->setCurrentIndex(
            tabs->indexOf(window->findChild<QTableView*>(QStringLiteral("appointmentList"))->parentWidget()));
        QVERIFY(!rescheduleButton->isEnabled());
        listFrom->setDate(wasFrom);
        listTo->setDate(wasTo);
        tabs->setCurrentIndex(0);
        QVERIFY(page->selectAppointment(moved));
        QVERIFY(rescheduleButton->isEnabled());

        // A third visit, cancelled through the button with a reason asked for.
        app::BookingRequest third{rowOf.at("C003"), kMonday, ClockTime::at(16, 30),   45,
                                  PlaceKind::Home,  {},      {"officer1", "officer2"}};
        auto thirdBooked = app::AppointmentService(*officer).book(third);
        QVERIFY2(thirdBooked.has_value(), thirdBooked ? "" : thirdBooked.error().message.c_str());
        page->reload();  // (the notifier reloads it too; a hidden page waits until shown)
        QVERIFY(page->selectAppointment(thirdBooked->id));
        QVERIFY(cancel->isEnabled());
        test::onModal<QInputDialog>([](QInputDialog* input) {
            input->setTextValue(QStringLiteral("客户来电改期"));
            input->accept();
        });
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(calendar->item(thirdBooked->id)->state, AppointmentState::Cancelled);
        QVERIFY(!cancel->isEnabled());
        QCOMPARE(app::AppointmentService(*officer).appointment(thirdBooked->id)->appointment.cancelReason,
                 std::string("客户来电改期"));

        // A click on Tuesday's heading plans Tuesday (nothing booked), on Monday's Monday again.
        const int dayWidth = (calendar->width() - 46) / 7;
        QTest::mouseClick(calendar, Qt::LeftButton, {}, QPoint(46 + dayWidth * 3 / 2, 5));
        QCOMPARE(page->daySheet()->date, addDays(kMonday, 1));
        QVERIFY(page->daySheet()->stops.empty());
        QTest::mouseClick(calendar, Qt::LeftButton, {}, QPoint(46 + dayWidth / 2, 5));
        QCOMPARE(page->daySheet()->date, kMonday);

        // The day plan: the two open visits in time order, the rescheduled and cancelled ones left out, on a
        // route of two points.
        const auto sheet = page->daySheet();
        QVERIFY(sheet.has_value());
        QCOMPARE(sheet->stops.size(), std::size_t{2});
        QCOMPARE(sheet->stops[0].caseId, std::string("C001"));
        QCOMPARE(sheet->stops[1].caseId, std::string("C002"));
        QCOMPARE(sheet->stops[0].arrival, 10 * 60);  // sets out from the first visit
        QVERIFY(sheet->stops[1].arrival > 10 * 60 + 45 && sheet->stops[1].arrival <= 15 * 60);
        QCOMPARE(sheet->stops[0].maskedPhone, std::string("138****5678"));
        QCOMPARE(sheet->staff.size(), std::size_t{2});
        auto* itinerary = window->findChild<QTableWidget*>(QStringLiteral("itinerary"));
        QCOMPARE(itinerary->rowCount(), 2);
        QCOMPARE(itinerary->item(0, 4)->text(), QStringLiteral("C001"));
        // C002 lies north-east of C001: drawn to its right and above it.
        page->route()->resize(300, 300);
        QVERIFY(page->route()->stopPosition(1).x() > page->route()->stopPosition(0).x());
        QVERIFY(page->route()->stopPosition(1).y() < page->route()->stopPosition(0).y());

        // The visit queue offers the same form for an accepted entry, the customer given.
        QVERIFY(window->showPage(QStringLiteral("visitQueuePage")));
        auto* queueTable = window->findChild<QTableView*>(QStringLiteral("queueTable"));
        QTRY_COMPARE(queueTable->model()->rowCount(), 3);
        queueTable->selectRow(0);
        auto* queueBook = window->findChild<QPushButton*>(QStringLiteral("queueBookButton"));
        QVERIFY(queueBook->isEnabled());
        bool sawFixedCustomer = false;
        test::onModal<gui::BookingDialog>([&](gui::BookingDialog* dialog) {
            sawFixedCustomer =
                dialog->findChild<QLabel*>(QStringLiteral("customerFixed"))->text().startsWith(QLatin1Char('C')) &&
                dialog->findChild<QLineEdit*>(QStringLiteral("customerSearch"))->isHidden() &&
                dialog->request().borrowerRowId != 0;
            dialog->reject();
        });
        QTest::mouseClick(queueBook, Qt::LeftButton);
        QVERIFY(sawFixedCustomer);

        // The day sheet PDF: written, one page, with ink where the title and table are; page 1 rendered by
        // poppler when it is installed.
        const QString pdf = fixture.folder() + QStringLiteral("/day-sheet.pdf");
        QCOMPARE(page->printDaySheet(pdf), 1);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("%PDF-"));
        const auto pages = report::renderDaySheetPages(*sheet, Language::Chinese, 72);
        QCOMPARE(pages.size(), std::size_t{1});
        QVERIFY(test::inkIn(pages.front(), 0.0, 0.3) > 0.005);  // title, staff, the two stops
        QVERIFY(test::inkIn(pages.front(), 0.9, 1.0) < 0.001);  // the rest blank
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (!pdftoppm.isEmpty()) {
            const QString prefix = fixture.folder() + QStringLiteral("/page");
            QCOMPARE(QProcess::execute(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"),
                                                  QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                                  QStringLiteral("1"), pdf, prefix}),
                     0);
            const QImage rendered(prefix + QStringLiteral("-1.png"));
            QVERIFY(!rendered.isNull());
            QVERIFY(rendered.width() > rendered.height());  // landscape
            QVERIFY(test::inkIn(rendered, 0.0, 0.3) > 0.005);
        }
    }
};

QTEST_MAIN(TestAppointments)
#include "test_appointments.moc"
