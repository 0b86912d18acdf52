// Issue 10's contact log in the app: a failed call logged from the visit queue; the 7th unanswered call to one
// number refused in the rule's words with OK disabled; a quiet-hours exception with a reason, audited and listed
// for supervisors; a tone-flagged template refused for an SMS; tomorrow's reminders sent into the outbox and
// the outbox exported as CSV for the SMS platform.
#include "app/appointments/appointment_service.h"
#include "app/contacts/sms_outbox.h"
#include "app/contacts/template_service.h"
#include "app/screening/screening_service.h"
#include "gui/contacts/contact_dialog.h"
#include "gui/contacts/contact_exception_model.h"
#include "gui/contacts/exceptions_dialog.h"
#include "gui/contacts/message_templates_dialog.h"
#include "gui/contacts/reminder_table_model.h"
#include "gui/contacts/reminders_dialog.h"
#include "gui/screening/visit_queue_model.h"
#include "gui/screening/visit_queue_page.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/error_text.h"
#include "gui/shared/main_window.h"
#include "gui/shared/message_box.h"
#include "gui_fixture.h"
#include "storage/audit/audit_repository.h"
#include "storage/contacts/contact_log_repository.h"
#include "storage/contacts/sms_outbox_repository.h"
#include "support/manual_clock.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimeEdit>
#include <QtTest>
#include <functional>

using namespace doorstep;

namespace {

const QString kSupervisor = QStringLiteral("sue.supervisor");
const QString kSupervisorPassword = QStringLiteral("Sue-pass-2026");
const QString kOfficer = QStringLiteral("officer1");
const QString kOfficerPassword = QStringLiteral("Officer-pass-1");
const QString kOfficer2 = QStringLiteral("officer2");
const QString kOfficer2Password = QStringLiteral("Officer-pass-2");
const Date kToday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};
const Date kTomorrow{std::chrono::year{2026}, std::chrono::December, std::chrono::day{1}};

std::chrono::sys_seconds shanghai(Date date, int hour, int minute)
{
    return std::chrono::sys_days{date} + std::chrono::hours{hour - 8} + std::chrono::minutes{minute};
}

// Open queue entries of officer1 with no contact today.
std::vector<std::int64_t> openCasesOf(app::Session& session, const std::string& officer, std::size_t count)
{
    std::vector<std::int64_t> out;
    auto queue = app::ScreeningService(session).queue({});
    if (!queue) return out;
    for (const app::QueueItem& item : *queue) {
        if (item.officer != officer || item.state != QueueState::Open) continue;
        if (!storage::ContactLogRepository(session.database().connection()).onDay(item.borrowerRowId, kToday).empty())
            continue;
        out.push_back(item.borrowerRowId);
        if (out.size() == count) break;
    }
    return out;
}

void setCall(gui::ContactDialog* dialog, int hour, int minute, ContactResult result)
{
    auto* channel = dialog->findChild<QComboBox*>(QStringLiteral("channelCombo"));
    channel->setCurrentIndex(channel->findData(static_cast<int>(ContactChannel::Call)));
    dialog->findChild<QComboBox*>(QStringLiteral("numberCombo"))->setCurrentIndex(0);
    dialog->findChild<QTimeEdit*>(QStringLiteral("timeEdit"))->setTime(QTime(hour, minute));
    auto* outcome = dialog->findChild<QComboBox*>(QStringLiteral("resultCombo"));
    outcome->setCurrentIndex(outcome->findData(static_cast<int>(result)));
    dialog->updateState();
}

int auditCount(app::Session& session, std::string_view action)
{
    int n = 0;
    storage::AuditRepository(session.database().connection()).forEach([&](const AuditEvent& e) {
        if (e.action == action) ++n;
    });
    return n;
}

}  // namespace

class TestContactLog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void contactsRemindersAndOutbox()
    {
        gui::MessageBox::setTestMode(true);
        test::GuiFixture fixture;
        fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
        fixture.addUser(kOfficer, Role::Officer, kOfficerPassword, QStringLiteral("李专员"));
        fixture.addUser(kOfficer2, Role::Officer, kOfficer2Password);
        QVERIFY(test::importSynthetic(fixture, kSupervisor, kSupervisorPassword, 150, 7, {"officer1", "officer2"}));
        test::ManualClock clock;
        clock.set(shanghai(kToday, 9, 0));
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kOfficer, kOfficerPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window != nullptr);
        app::Session* session = &window->workspace().session;
        const auto cases = openCasesOf(*session, "officer1", 2);
        QCOMPARE(cases.size(), std::size_t{2});
        const std::int64_t caseA = cases[0];
        const std::int64_t caseB = cases[1];

        // 1. A failed call logged from the visit queue: the dialog opens on the selected customer.
        QVERIFY(window->showPage(QStringLiteral("visitQueuePage")));
        auto* page = window->findChild<gui::VisitQueuePage*>();
        auto* view = page->findChild<QTableView*>();
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->model());
        QVERIFY(proxy != nullptr);
        view->selectRow(proxy->mapFromSource(page->model()->index(page->model()->rowOf(caseA), 0)).row());
        auto* logButton = page->findChild<QPushButton*>(QStringLiteral("logContactButton"));
        QVERIFY(logButton->isEnabled());
        std::optional<std::int64_t> firstEvent;
        test::onModal<gui::ContactDialog>([&](gui::ContactDialog* dialog) {
            setCall(dialog, 9, 5, ContactResult::NoAnswer);
            QVERIFY(dialog->okButton()->isEnabled());
            QVERIFY(dialog->guardText().isEmpty());
            QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
            firstEvent = dialog->loggedEventId();
        });
        QTest::mouseClick(logButton, Qt::LeftButton);
        QTRY_VERIFY(firstEvent.has_value());
        auto rows = storage::ContactLogRepository(session->database().connection()).onDay(caseA, kToday);
        QCOMPARE(rows.size(), std::size_t{1});
        QCOMPARE(rows[0].source, std::string("doorstep"));
        QVERIFY(rows[0].result == ContactResult::NoAnswer);
        QCOMPARE(rows[0].numberId, std::string("phone"));
        QCOMPARE(rows[0].minuteOfDay, 9 * 60 + 5);

        // 2. Five more unanswered calls to that number go through; the seventh is refused in the rule's words,
        // OK disabled and no exception offered (the daily limit has none).
        for (int i = 1; i <= 5; ++i) {
            gui::ContactDialog dialog(*session, caseA, QStringLiteral("A"));
            setCall(&dialog, 9, 5 + 10 * i, ContactResult::Busy);
            QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.guardText()));
            QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
            QVERIFY2(dialog.loggedEventId().has_value(), qPrintable(dialog.guardText()));
        }
        {
            QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
            gui::ContactDialog dialog(*session, caseA, QStringLiteral("A"));
            setCall(&dialog, 10, 30, ContactResult::NoAnswer);
            QVERIFY(!dialog.okButton()->isEnabled());
            QVERIFY2(dialog.guardText().contains(QStringLiteral("今天已对该号码拨打 6 次未接通")),
                     qPrintable(dialog.guardText()));
            QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("exceptionCheck"))->isVisibleTo(&dialog));
            QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
            QVERIFY(!dialog.loggedEventId().has_value());
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        }
        QCOMPARE(storage::ContactLogRepository(session->database().connection()).onDay(caseA, kToday).size(),
                 std::size_t{6});

        // 3. 22:30 is in the quiet hours: refused until the exception is ticked and a reason given; then logged
        // and audited as an exception.
        {
            gui::ContactDialog dialog(*session, caseB, QStringLiteral("B"));
            setCall(&dialog, 22, 30, ContactResult::Reached);
            QVERIFY(!dialog.okButton()->isEnabled());
            QVERIFY(dialog.guardText().contains(QStringLiteral("22:30")));
            auto* exception = dialog.findChild<QCheckBox*>(QStringLiteral("exceptionCheck"));
            QVERIFY(exception->isVisibleTo(&dialog));
            exception->setChecked(true);
            QVERIFY(!dialog.okButton()->isEnabled());  // no reason yet
            dialog.findChild<QLineEdit*>(QStringLiteral("exceptionReasonEdit"))
                ->setText(QStringLiteral("客户本人要求晚上 22:30 回电"));  // QTest types Latin-1 only
            QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.guardText()));
            QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
            QVERIFY(dialog.loggedEventId().has_value());
        }
        QCOMPARE(auditCount(*session, "contact.exception"), 1);

        // 4. The supervisor flags a template by a phrase of the list (the form says so while typing), sets the
        // branch phone, sees the exception in the list and books a confirmed visit for tomorrow.
        test::pressLock(window);
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        window = controller.mainWindow();
        session = &window->workspace().session;
        {
            gui::MessageTemplatesDialog dialog(*session);
            QVERIFY(dialog.selectTemplate(QStringLiteral("请回电")));
            QVERIFY(!dialog.reviewText().isEmpty());
            auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("textEdit"));
            text->setPlainText(text->toPlainText() + QStringLiteral("否则将有后果。"));
            QVERIFY2(dialog.reviewText().contains(QStringLiteral("后果")), qPrintable(dialog.reviewText()));
            QVERIFY(dialog.saveTemplate());  // kept, flagged
            dialog.findChild<QLineEdit*>(QStringLiteral("branchPhoneEdit"))->setText(QStringLiteral("021-5888 0000"));
            QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("savePhoneButton")), Qt::LeftButton);
            QVERIFY2(!dialog.statusText().isEmpty(), "no status after saving the phone");
        }
        QCOMPARE(auditCount(*session, "template.save"), 1);
        QCOMPARE(auditCount(*session, "template.branch_phone"), 1);
        // Closing with an unsaved edit asks (Save / Discard / Cancel); closing with none does not.
        {
            const auto storedPhone = [&] { return app::TemplateService(*session).branchPhone().value_or(""); };
            gui::MessageTemplatesDialog dialog(*session);
            dialog.show();
            auto* close = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Close);
            auto* phone = dialog.findChild<QLineEdit*>(QStringLiteral("branchPhoneEdit"));
            QVERIFY(!dialog.hasUnsavedChanges());
            phone->setText(QStringLiteral("021-5888 0001"));
            QVERIFY(dialog.hasUnsavedChanges());
            QTest::mouseClick(close, Qt::LeftButton);  // no answer given: Cancel, the dialog stays
            QVERIFY(dialog.isVisible());
            QVERIFY(gui::MessageBox::lastText().contains(QStringLiteral("not been saved")));
            gui::MessageBox::setNextSaveChoice(gui::MessageBox::SaveChoice::Discard);
            QTest::mouseClick(close, Qt::LeftButton);
            QVERIFY(!dialog.isVisible());
            QCOMPARE(storedPhone(), std::string("021-5888 0000"));

            gui::MessageTemplatesDialog again(*session);
            again.show();
            again.findChild<QLineEdit*>(QStringLiteral("branchPhoneEdit"))->setText(QStringLiteral("021-5888 0001"));
            gui::MessageBox::setNextSaveChoice(gui::MessageBox::SaveChoice::Save);
            QTest::keyClick(&again, Qt::Key_Escape);
            QVERIFY(!again.isVisible());
            QCOMPARE(storedPhone(), std::string("021-5888 0001"));
            QCOMPARE(auditCount(*session, "template.branch_phone"), 2);
            QVERIFY(app::TemplateService(*session).setBranchPhone("021-5888 0000"));  // as the steps below expect

            gui::MessageTemplatesDialog untouched(*session);
            untouched.show();
            QVERIFY(!untouched.hasUnsavedChanges());
            untouched.close();  // asking would have answered Cancel and kept it open
            QVERIFY(!untouched.isVisible());
        }
        {
            gui::ExceptionsDialog dialog(*session);
            QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QCOMPARE(dialog.model()->rowCount(), 1);
            QCOMPARE(dialog.model()->index(0, gui::ContactExceptionModel::Reason).data().toString(),
                     QStringLiteral("客户本人要求晚上 22:30 回电"));
            QCOMPARE(dialog.model()->index(0, gui::ContactExceptionModel::LoggedBy).data().toString(),
                     QStringLiteral("李专员"));  // by display name, not the user name
        }
        app::BookingRequest booking;
        booking.borrowerRowId = caseA;
        booking.date = kTomorrow;
        booking.start = ClockTime::at(10, 0);
        booking.staff = {"officer1", "officer2"};
        booking.confirmed = true;
        auto booked = app::AppointmentService(*session).book(booking);
        QVERIFY2(booked.has_value(), booked ? "" : booked.error().message.c_str());

        // 5. The officer cannot text the flagged template: the form says why and OK stays disabled.
        test::pressLock(window);
        test::logIn(controller, kOfficer, kOfficerPassword);
        window = controller.mainWindow();
        session = &window->workspace().session;
        {
            gui::ContactDialog dialog(*session, caseB, QStringLiteral("B"));
            auto* channel = dialog.findChild<QComboBox*>(QStringLiteral("channelCombo"));
            channel->setCurrentIndex(channel->findData(static_cast<int>(ContactChannel::Sms)));
            dialog.findChild<QTimeEdit*>(QStringLiteral("timeEdit"))->setTime(QTime(11, 0));
            auto* templates = dialog.findChild<QComboBox*>(QStringLiteral("templateCombo"));
            templates->setCurrentIndex(templates->findText(QStringLiteral("请回电")));
            dialog.updateState();
            QVERIFY(!dialog.okButton()->isEnabled());
            QVERIFY2(dialog.guardText().contains(QStringLiteral("后果")), qPrintable(dialog.guardText()));
            // The unflagged request template fills and may be sent.
            templates->setCurrentIndex(templates->findText(QStringLiteral("预约走访")));
            dialog.updateState();
            QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.guardText()));
            QVERIFY(dialog.findChild<QPlainTextEdit*>(QStringLiteral("previewEdit"))
                        ->toPlainText()
                        .contains(QStringLiteral("021-5888 0000")));
        }

        // 6. Tomorrow's reminders list the visit; sending it leaves the list and adds an outbox row.
        {
            gui::RemindersDialog dialog(*session);
            QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QCOMPARE(dialog.model()->rowCount(), 1);
            const app::Reminder* reminder = dialog.model()->reminderAt(0);
            QVERIFY(!reminder->problem.has_value());
            QVERIFY(reminder->text.find("12 月 1 日 10:00") != std::string::npos);
            QVERIFY(dialog.selectAppointment(booked->id));
            QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("sendButton")), Qt::LeftButton);
            QCOMPARE(dialog.model()->rowCount(), 0);
            QVERIFY(dialog.model()->rowOfAppointment(booked->id) < 0);

            const auto outbox = storage::SmsOutboxRepository(session->database().connection()).onDay(kToday, "");
            QCOMPARE(outbox.size(), std::size_t{1});
            QCOMPARE(outbox[0].appointmentId, booked->id);
            QVERIFY(outbox[0].text.find("12 月 1 日 10:00") != std::string::npos);
            const auto logged = storage::ContactLogRepository(session->database().connection()).onDay(caseA, kToday);
            QVERIFY(std::ranges::any_of(logged, [](const storage::ContactRow& r) {
                return r.channel == ContactChannel::Sms && r.result == ContactResult::MessageSent;
            }));

            // 7. The outbox CSV holds the row, number and text, for the SMS platform.
            const QString csv = fixture.folder() + QStringLiteral("/outbox.csv");
            QVERIFY2(dialog.exportOutbox(csv), qPrintable(dialog.statusText()));
            QFile file(csv);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString content = QString::fromUtf8(file.readAll());
            const QStringList lines = content.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
            QCOMPARE(lines.size(), 2);
            QCOMPARE(lines[0], QStringLiteral("message_id,date,time,phone,text,customer_no,sent_by,template"));
            QVERIFY(lines[1].contains(QString::fromStdString(outbox[0].phone)));
            QVERIFY(lines[1].contains(QStringLiteral("12 月 1 日 10:00")));
            QVERIFY(lines[1].contains(QStringLiteral("2026-11-30")));
        }
        QCOMPARE(auditCount(*session, "sms.outbox"), 1);
        QCOMPARE(auditCount(*session, "sms.export"), 1);
    }
};

QTEST_MAIN(TestContactLog)
#include "test_contact_log.moc"
