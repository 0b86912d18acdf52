// Issue 11's acceptance through the GUI: an officer writes a visit note in the form and submits it; a supervisor
// returns it with a comment from the Review page; the officer finds it first on the Visits page and answers with
// an addendum; the supervisor approves it. Each step is checked through the service and on the page. The crash
// test kills a process typing into the form and finds the draft afterwards.
#include "app/appointments/appointment_service.h"
#include "app/screening/screening_service.h"
#include "app/visits/visit_note_service.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/main_window.h"
#include "gui/shared/message_box.h"
#include "gui/shared/theme.h"
#include "gui/visits/return_note_dialog.h"
#include "gui/visits/review_page.h"
#include "gui/visits/visit_note_form.h"
#include "gui/visits/visit_note_table_model.h"
#include "gui/visits/visits_page.h"
#include "gui/visits/visits_to_write_model.h"
#include "gui_fixture.h"
#include "support/manual_clock.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QTimeEdit>
#include <QtTest>
#include <functional>
#include <memory>

using namespace doorstep;

namespace {

const QString kSupervisor = QStringLiteral("sue.supervisor");
const QString kSupervisorPassword = QStringLiteral("Sue-pass-2026");
const QString kOfficer = QStringLiteral("officer1");
const QString kOfficer2 = QStringLiteral("officer2");
const QString kOfficerPassword = QStringLiteral("Officer-pass-1");
const Date kDay{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};

// The instant of `hour`:00 on kDay in Asia/Shanghai.
std::chrono::sys_seconds shanghai(int hour, int minute = 0)
{
    return std::chrono::sys_days{kDay} + std::chrono::hours{hour - 8} + std::chrono::minutes{minute};
}

// A branch of officer1's cases with two visits of officer1 and officer2 made that day (10:00 and 15:00, both
// done); the clock at 16:00. Returns the appointments' ids, or none after a test failure.
std::vector<std::int64_t> madeVisits(test::GuiFixture& fixture, test::ManualClock& clock)
{
    fixture.addUser(kSupervisor, Role::Supervisor, kSupervisorPassword);
    fixture.addUser(kOfficer, Role::Officer, kOfficerPassword);
    fixture.addUser(kOfficer2, Role::Officer, kOfficerPassword);
    if (!test::importSynthetic(fixture, test::kAdminName, test::kAdminPassword, 60, 11, {"officer1"})) return {};
    clock.set(shanghai(9));
    auto officer = fixture.login(clock, kOfficer, kOfficerPassword);
    if (!officer) return {};
    const auto queue = app::ScreeningService(*officer).queue({});
    if (!queue) return {};
    std::vector<std::int64_t> visits;
    for (const app::QueueItem& item : *queue) {
        if (item.state != QueueState::Open || visits.size() == 2) continue;
        app::BookingRequest r;
        r.borrowerRowId = item.borrowerRowId;
        r.date = kDay;
        r.start = ClockTime::at(visits.empty() ? 10 : 15, 0);  // time to travel between them
        r.staff = {"officer1", "officer2"};
        r.confirmed = true;
        auto booked = app::AppointmentService(*officer).book(r);
        if (!booked) {
            qWarning("booking refused: %s", booked.error().message.c_str());
            return {};
        }
        visits.push_back(booked->id);
    }
    clock.set(shanghai(16));
    for (std::int64_t id : visits) {
        if (!app::AppointmentService(*officer).markDone(id)) return {};
    }
    return visits;
}

// Types `text` as key presses: QTest::keyClicks takes ASCII only, and a person types Chinese too (the input
// method delivers each character as a key event's text).
void typeText(QWidget* widget, const QString& text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            QTest::keyClick(widget, ch.toLatin1());
        } else {
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }
}

template <typename T> T* child(QWidget* parent, const char* name)
{
    auto* w = parent->findChild<T*>(QString::fromLatin1(name));
    if (!w) qWarning("no widget %s", name);
    return w;
}

void selectByData(QComboBox* combo, const QVariant& value)
{
    combo->setCurrentIndex(combo->findData(value));
}

VisitNote storedNote(app::Session& session, std::int64_t id)
{
    auto detail = app::VisitNoteService(session).note(id);
    return detail ? detail->note : VisitNote{};
}

}  // namespace

class TestVisits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writeSubmitReturnAddendumApprove()
    {
        gui::MessageBox::setTestMode(true);
        test::GuiFixture fixture;
        test::ManualClock clock;
        const auto visits = madeVisits(fixture, clock);
        QCOMPARE(visits.size(), std::size_t{2});
        auto officer = fixture.login(clock, kOfficer, kOfficerPassword);
        auto supervisor = fixture.login(clock, kSupervisor, kSupervisorPassword);
        QVERIFY(officer && supervisor);
        // A draft of the 15:00 visit, opened first: without "returned first" it would lead the list.
        const std::int64_t otherNote = app::VisitNoteService(*officer).open(visits[1]).value();

        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, kOfficer, kOfficerPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("visitsPage")));
        auto* page = window->findChild<gui::VisitsPage*>();
        QAbstractItemModelTester notesTester(page->notesModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester writeTester(page->toWriteModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page->notesModel()->rowCount(), 1);
        QCOMPARE(page->toWriteModel()->rowCount(), 1);  // the 10:00 visit; the 15:00 one has its note
        QCOMPARE(page->toWriteModel()->rowAt(0)->id, visits[0]);

        // The officer writes up the 10:00 visit in the form.
        std::int64_t noteId = 0;
        QString savedStatus, refusal, tooLarge;
        bool readOnlyAfterSubmit = false;
        test::onModal<gui::VisitNoteForm>([&](gui::VisitNoteForm* form) {
            noteId = form->noteId();
            QVERIFY(form->isEditable());
            // Filled in from the appointment: both staff, the place, the start.
            QCOMPARE(child<QComboBox>(form, "visitor1Combo")->currentData().toString(), kOfficer);
            QCOMPARE(child<QComboBox>(form, "visitor2Combo")->currentData().toString(), kOfficer2);
            QCOMPARE(child<QTimeEdit>(form, "arrivedEdit")->time(), QTime(10, 0));
            child<QTimeEdit>(form, "leftEdit")->setTime(QTime(10, 40));
            child<QCheckBox>(form, "identificationCheck")->click();
            child<QCheckBox>(form, "consentAskedCheck")->click();
            child<QCheckBox>(form, "consentGivenCheck")->click();
            child<QCheckBox>(form, "purposeCheck")->click();
            child<QCheckBox>(form, "hardshipIllness")->click();
            child<QCheckBox>(form, "hardshipJobLoss")->click();
            typeText(child<QLineEdit>(form, "incomeEdit"), QStringLiteral("5200"));
            typeText(child<QLineEdit>(form, "expensesEdit"), QStringLiteral("3100.50"));
            selectByData(child<QComboBox>(form, "willingnessCombo"), 4);
            selectByData(child<QComboBox>(form, "attitudeCombo"), static_cast<int>(Attitude::Cooperative));
            typeText(child<QPlainTextEdit>(form, "requestsEdit"), QStringLiteral("延后一个月还款"));
            QTest::mouseClick(child<QPushButton>(form, "addPromiseButton"), Qt::LeftButton);
            typeText(child<QLineEdit>(form, "promiseAmount0"), QStringLiteral("800"));
            typeText(child<QPlainTextEdit>(form, "nextStepsEdit"), QStringLiteral("12月7日电话确认"));
            child<QCheckBox>(form, "proposePlanCheck")->click();
            typeText(child<QPlainTextEdit>(form, "freeTextEdit"), QStringLiteral("配偶住院，收入减少。"));

            // Saved about a second after the typing stops, without any button.
            QVERIFY(form->hasUnsavedChanges());
            QTRY_VERIFY_WITH_TIMEOUT(!form->hasUnsavedChanges(), 5000);
            savedStatus = child<QLabel>(form, "statusLabel")->text();
            const VisitNote saved = storedNote(*officer, noteId);
            QVERIFY(saved.draft.has_value());
            const VisitNoteContent& c = saved.draft->content;
            QCOMPARE(c.freeText, std::string("配偶住院，收入减少。"));
            QCOMPARE(c.hardship, (std::vector{HardshipReason::IllnessOrFamilyEvent, HardshipReason::JobLoss}));
            QCOMPARE(c.monthlyExpenses, std::optional(Money{310050}));
            QCOMPARE(c.promises.size(), std::size_t{1});
            QCOMPARE(c.promises[0].amount, Money::fromYuan(800));
            QCOMPARE(c.promises[0].due, addDays(kDay, 7));
            QCOMPARE(c.left, std::optional(ClockTime::at(10, 40)));
            QVERIFY(c.protocol.consentToEnterGiven && c.proposePlan);

            // A file above the branch's limit is refused with the limit's words; a small one is kept.
            const QString big = fixture.folder() + QStringLiteral("/big.jpg");
            QFile bigFile(big);
            QVERIFY(bigFile.open(QIODevice::WriteOnly));
            QVERIFY(bigFile.resize(6 * 1024 * 1024));
            bigFile.close();
            QVERIFY(!form->addAttachmentFile(big));
            tooLarge = child<QLabel>(form, "errorLabel")->text();
            const QString small = fixture.folder() + QStringLiteral("/id-card.png");
            QFile smallFile(small);
            QVERIFY(smallFile.open(QIODevice::WriteOnly));
            smallFile.write("not really a picture");
            smallFile.close();
            QVERIFY(form->addAttachmentFile(small));
            QCOMPARE(child<QListWidget>(form, "attachmentsList")->count(), 1);

            // Submitting without rating the ability to pay is refused, in words next to the form, before any
            // "cannot be changed once submitted" question (none is answered here: asking would cancel it).
            QTest::mouseClick(child<QPushButton>(form, "submitButton"), Qt::LeftButton);
            QVERIFY(child<QLabel>(form, "errorLabel")->isVisible());
            QVERIFY(!gui::MessageBox::lastText().contains(QStringLiteral("cannot be changed")));
            refusal = child<QLabel>(form, "errorLabel")->text();
            QCOMPARE(storedNote(*officer, noteId).state, NoteState::Draft);

            selectByData(child<QComboBox>(form, "abilityCombo"), 3);
            gui::MessageBox::setNextAnswer(true);
            QTest::mouseClick(child<QPushButton>(form, "submitButton"), Qt::LeftButton);
            QVERIFY(gui::MessageBox::lastText().contains(QStringLiteral("addendum")));
            readOnlyAfterSubmit = !form->isEditable();
            QTest::mouseClick(child<QPushButton>(form, "closeButton"), Qt::LeftButton);
        });
        page->findChild<QTableView*>(QStringLiteral("visitsToWriteTable"))->selectRow(0);
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("writeNoteButton")), Qt::LeftButton);
        QVERIFY(noteId != 0);
        QVERIFY(savedStatus.startsWith(QStringLiteral("Draft saved ")));
        QVERIFY(tooLarge.contains(QStringLiteral("5,242,880")));
        QVERIFY(refusal.contains(QStringLiteral("ability")));
        QVERIFY(readOnlyAfterSubmit);
        VisitNote note = storedNote(*officer, noteId);
        QCOMPARE(note.state, NoteState::Submitted);
        QCOMPARE(note.versions.size(), std::size_t{1});
        QCOMPARE(note.versions[0].content.ability, 3);
        QCOMPARE(note.versions[0].content.freeText, std::string("配偶住院，收入减少。"));
        QCOMPARE(page->toWriteModel()->rowCount(), 0);
        const int submittedRow = page->notesModel()->rowOf(noteId);
        QCOMPARE(page->notesModel()->rowAt(submittedRow)->state, NoteState::Submitted);

        // The supervisor returns it from the Review page, with a comment (none is refused).
        test::pressLock(window);
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("reviewPage")));
        auto* review = window->findChild<gui::ReviewPage*>();
        QAbstractItemModelTester reviewTester(review->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(review->model()->rowCount(), 1);
        QVERIFY(review->selectNote(noteId));
        QVERIFY(window->findChild<QTextBrowser*>(QStringLiteral("reviewNote"))
                    ->toPlainText()
                    .contains(QStringLiteral("配偶住院，收入减少。")));
        const QString context = window->findChild<QTextBrowser*>(QStringLiteral("reviewContext"))->toPlainText();
        QVERIFY(context.contains(QStringLiteral("days past due")));
        QVERIFY(context.contains(QStringLiteral("¥800.00")));  // the promise, with how it stands
        auto* returnButton = window->findChild<QPushButton*>(QStringLiteral("returnNoteButton"));
        QVERIFY(returnButton->isEnabled());
        QVERIFY(window->findChild<QPushButton*>(QStringLiteral("approveNoteButton"))->isEnabled());
        QString emptyRefusal;
        test::onModal<gui::ReturnNoteDialog>([&](gui::ReturnNoteDialog* dialog) {
            auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            QTest::mouseClick(ok, Qt::LeftButton);
            QVERIFY(dialog->isVisible());
            auto* error = dialog->findChild<QLabel*>(QStringLiteral("errorLabel"));
            emptyRefusal = error->text();
            QVERIFY(error->isVisible());
            auto* comment = dialog->findChild<QPlainTextEdit*>(QStringLiteral("commentEdit"));
            QTest::keyClicks(comment, QStringLiteral("x"));  // the first key typed clears the refusal
            QVERIFY(!error->isVisible());
            comment->clear();
            typeText(comment, QStringLiteral("请补充离开时间和收入证明"));
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        QTest::mouseClick(returnButton, Qt::LeftButton);
        QVERIFY(!emptyRefusal.isEmpty());
        note = storedNote(*supervisor, noteId);
        QCOMPARE(note.state, NoteState::Returned);
        QCOMPARE(note.returnComment(), std::string("请补充离开时间和收入证明"));
        QCOMPARE(review->model()->rowCount(), 0);

        // The officer sees it first, highlighted, with the comment, and answers with an addendum.
        test::pressLock(window);
        test::logIn(controller, kOfficer, kOfficerPassword);
        window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("visitsPage")));
        page = window->findChild<gui::VisitsPage*>();
        QCOMPARE(page->notesModel()->rowCount(), 2);
        QCOMPARE(page->notesModel()->rowAt(0)->id, noteId);
        QCOMPARE(page->notesModel()->rowAt(1)->id, otherNote);
        const QModelIndex first = page->notesModel()->index(0, gui::VisitNoteTableModel::Comment);
        QCOMPARE(first.data().toString(), QStringLiteral("请补充离开时间和收入证明"));
        QCOMPARE(first.data(Qt::BackgroundRole).value<QColor>(), gui::Theme::attentionBackground());
        QVERIFY(page->selectNote(noteId));
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("returnComment"))
                    ->text()
                    .contains(QStringLiteral("请补充离开时间和收入证明")));

        bool versionOneReadOnly = false;
        QString versionOneText, versionOneIncome, versionOnePromise;
        test::onModal<gui::VisitNoteForm>([&](gui::VisitNoteForm* form) {
            QVERIFY(form->isEditable());
            auto* versions = child<QListWidget>(form, "versionsList");
            QCOMPARE(versions->count(), 2);  // version 1, the addendum being written
            // Version 1 shown as it was submitted, read-only; then back to the addendum.
            form->showVersion(1);
            versionOneReadOnly = !form->isEditable() && child<QPlainTextEdit>(form, "freeTextEdit")->isReadOnly();
            versionOneText = child<QPlainTextEdit>(form, "freeTextEdit")->toPlainText();
            // Read-only amounts read as numbers for people; editable ones as the field accepts them.
            versionOneIncome = child<QLineEdit>(form, "incomeEdit")->text();
            versionOnePromise = child<QLineEdit>(form, "promiseAmount0")->text();
            form->showVersion(0);
            QVERIFY(form->isEditable());
            QCOMPARE(child<QLineEdit>(form, "incomeEdit")->text(), QStringLiteral("5200.00"));
            child<QLineEdit>(form, "incomeEdit")->selectAll();
            typeText(child<QLineEdit>(form, "incomeEdit"), QStringLiteral("52000"));
            typeText(child<QPlainTextEdit>(form, "addendumEdit"), QStringLiteral("收入应为每月 52,000 元。"));
            gui::MessageBox::setNextAnswer(true);
            QTest::mouseClick(child<QPushButton>(form, "submitButton"), Qt::LeftButton);
            QVERIFY(!form->isEditable());
            QTest::mouseClick(child<QPushButton>(form, "closeButton"), Qt::LeftButton);
        });
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("openNoteButton")), Qt::LeftButton);
        QVERIFY(versionOneReadOnly);
        QCOMPARE(versionOneText, QStringLiteral("配偶住院，收入减少。"));
        QCOMPARE(versionOneIncome, QStringLiteral("5,200.00"));
        QCOMPARE(versionOnePromise, QStringLiteral("800.00"));
        note = storedNote(*officer, noteId);
        QCOMPARE(note.state, NoteState::Submitted);
        QCOMPARE(note.versions.size(), std::size_t{2});
        QCOMPARE(note.versions[1].kind, VersionKind::Addendum);
        QCOMPARE(note.versions[1].addendumText, std::string("收入应为每月 52,000 元。"));
        QCOMPARE(note.versions[1].content.monthlyIncome, std::optional(Money::fromYuan(52000)));
        QCOMPARE(note.versions[0].content.monthlyIncome, std::optional(Money::fromYuan(5200)));  // kept as it was
        QCOMPARE(page->notesModel()->rowAt(page->notesModel()->rowOf(noteId))->state, NoteState::Submitted);

        // The supervisor approves it with a comment.
        test::pressLock(window);
        test::logIn(controller, kSupervisor, kSupervisorPassword);
        window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("reviewPage")));
        review = window->findChild<gui::ReviewPage*>();
        QCOMPARE(review->model()->rowCount(), 1);
        QVERIFY(review->selectNote(noteId));
        QVERIFY(window->findChild<QTextBrowser*>(QStringLiteral("reviewNote"))
                    ->toPlainText()
                    .contains(QStringLiteral("收入应为每月 52,000 元。")));
        typeText(window->findChild<QLineEdit*>(QStringLiteral("approveComment")), QStringLiteral("同意"));
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("approveNoteButton")), Qt::LeftButton);
        note = storedNote(*supervisor, noteId);
        QCOMPARE(note.state, NoteState::Approved);
        QCOMPARE(note.reviews.size(), std::size_t{2});
        QCOMPARE(note.reviews[1].comment, std::string("同意"));
        QCOMPARE(note.reviews[1].version, 2);
        QCOMPARE(review->model()->rowCount(), 0);
        QVERIFY(window->findChild<QLabel*>(QStringLiteral("reviewStatus"))->text().contains(QString::number(noteId)));
    }

    // The form's autosave is all that stands between typing and a crash: a process typing into the form is
    // killed (SIGKILL, no chance to save) once the draft reached the database, and the draft is there afterwards.
    void aKilledFormLeavesTheDraft()
    {
        test::GuiFixture fixture;
        test::ManualClock clock;
        const auto visits = madeVisits(fixture, clock);
        QVERIFY(!visits.empty());
        auto officer = fixture.login(clock, kOfficer, kOfficerPassword);
        QVERIFY(officer);
        const std::int64_t noteId = app::VisitNoteService(*officer).open(visits[0]).value();
        const QString typed = QStringLiteral("门口见到借款人，约定下周再谈");

        QProcess helper;
        helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        helper.start(QStringLiteral(VISIT_NOTE_CRASH_HELPER),
                     {fixture.databasePath(), kOfficer, kOfficerPassword, QString::number(noteId), typed});
        QVERIFY(helper.waitForStarted());
        QByteArray said;
        while (!said.contains("typed") && helper.waitForReadyRead(30000))
            said += helper.readAllStandardOutput();
        QVERIFY2(said.contains("typed"), said.constData());
        QCOMPARE(helper.state(), QProcess::Running);
        // Polled through this process's own connection: no fixed wait.
        const auto draftText = [&] {
            const VisitNote n = storedNote(*officer, noteId);
            return n.draft ? QString::fromStdString(n.draft->content.freeText) : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(draftText(), typed, 15000);
        helper.kill();
        QVERIFY(helper.waitForFinished());
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

        // The next login finds the draft with what was typed.
        officer.reset();
        auto again = fixture.login(clock, kOfficer, kOfficerPassword);
        QVERIFY(again);
        const VisitNote n = storedNote(*again, noteId);
        QCOMPARE(n.state, NoteState::Draft);
        QVERIFY(n.draft.has_value());
        QCOMPARE(QString::fromStdString(n.draft->content.freeText), typed);
    }
};

QTEST_MAIN(TestVisits)
#include "test_visits.moc"
