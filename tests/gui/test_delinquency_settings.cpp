// An administrator changes the branch's delinquency rules in the Administration page's form: invalid
// rules are refused inside the form, valid ones are stored and, when asked, every loan is recomputed.
#include "app/delinquency_service.h"
#include "app/portfolio_import.h"
#include "gui/application_controller.h"
#include "gui/delinquency_settings_dialog.h"
#include "gui/main_window.h"
#include "gui/message_box.h"
#include "gui_fixture.h"
#include "io/synthetic_extract.h"
#include "support/db_query.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace doorstep;

namespace {

QSpinBox* spin(QWidget* dialog, const char* name)
{
    auto* s = dialog->findChild<QSpinBox*>(QString::fromLatin1(name));
    if (s == nullptr) qFatal("no spin box %s", name);
    return s;
}

void setValue(QSpinBox* box, int value)
{
    box->selectAll();
    QTest::keyClicks(box, QString::number(value));
    QCOMPARE(box->value(), value);
}

std::int64_t substandardLoans(const storage::Connection& db)
{
    return test::queryInt(db, "SELECT count(*) FROM loan_status WHERE risk_class = 'substandard'");
}

// What the rules say: non-card loans over `loanOver` days up to doubtful (270), credit cards 91–120.
std::int64_t expectedSubstandard(const storage::Connection& db, int loanOver)
{
    return test::queryInt(db, "SELECT count(*) FROM loan_status s JOIN loans l ON l.id = s.loan_id WHERE "
                              "(l.product <> 'credit_card' AND s.dpd > " +
                                  std::to_string(loanOver) +
                                  " AND s.dpd <= 270) OR (l.product = 'credit_card' AND s.dpd > 90 AND s.dpd <= 120)");
}

}  // namespace

class TestDelinquencySettings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void administratorChangesRulesAndRecomputes()
    {
        test::GuiFixture fixture;
        const QString extract = fixture.folder() + QStringLiteral("/extract");
        io::SyntheticOptions options;
        options.loans = 400;
        options.seed = 11;
        QVERIFY(io::writeSyntheticExtract(extract.toStdString(), options).has_value());

        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, test::kAdminName, test::kAdminPassword);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window != nullptr);
        auto* session = const_cast<app::Session*>(controller.session());
        const auto imported = app::importExtract(*session, extract.toStdString(), {});
        QVERIFY(imported.has_value() && imported->imported);
        const auto& db = session->database().connection();
        const std::int64_t before = substandardLoans(db);
        QCOMPARE(before, expectedSubstandard(db, 90));
        // Loans 31–90 days late, which the new threshold moves from special mention to substandard.
        QVERIFY(expectedSubstandard(db, 30) > before);

        QVERIFY(window->showPage(QStringLiteral("administrationPage")));
        bool checked = false;
        test::onNextModal([&checked](QWidget* dialog) {
            QVERIFY(qobject_cast<gui::DelinquencySettingsDialog*>(dialog) != nullptr);
            QCOMPARE(spin(dialog, "markupSpin")->value(), 50);
            QCOMPARE(spin(dialog, "loanClass1")->value(), 90);
            auto* save = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
            auto* error = dialog->findChild<QLabel*>(QStringLiteral("settingsError"));

            // M2 ending before M1 is refused in the form, which stays open.
            setValue(spin(dialog, "bucketM2"), 20);
            QTest::mouseClick(save, Qt::LeftButton);
            QVERIFY(dialog->isVisible());
            QVERIFY(error->isVisible() && !error->text().isEmpty());
            // So is a loan threshold below the one before it; the message names the profile.
            setValue(spin(dialog, "bucketM2"), 60);
            setValue(spin(dialog, "loanClass2"), 20);
            QTest::mouseClick(save, Qt::LeftButton);
            QVERIFY(dialog->isVisible());
            QVERIFY2(error->text().startsWith(QStringLiteral("Loans: ")), qPrintable(error->text()));

            // Restore defaults undoes every edit; then the real change: substandard from 30 days.
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("restoreDefaultsButton")), Qt::LeftButton);
            QCOMPARE(spin(dialog, "loanClass2")->value(), 270);
            setValue(spin(dialog, "loanClass1"), 30);
            setValue(spin(dialog, "markupSpin"), 30);
            // Interest before penalty: the first item moves down one place.
            auto* order = dialog->findChild<QListWidget*>(QStringLiteral("allocationOrder"));
            order->setCurrentRow(0);
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("moveDownButton")), Qt::LeftButton);
            QCOMPARE(order->currentRow(), 1);
            gui::MessageBox::setNextAnswer(true);  // yes, recompute now
            QTest::mouseClick(save, Qt::LeftButton);
            checked = true;
        });
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("delinquencySettingsButton")), Qt::LeftButton);
        QVERIFY(checked);
        // The recompute runs in the background; the page says when it is done.
        auto* status = window->findChild<QLabel*>(QStringLiteral("adminStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("every loan recomputed")), 30000);

        const auto stored = app::delinquencySettings(*session);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->classes.loan.substandardOver, 30);
        QCOMPARE(stored->classes.creditCard.substandardOver, 90);
        QCOMPARE(stored->penaltyMarkupPercent, 30);
        QVERIFY(stored->allocationOrder[0] == Component::Compound);
        QVERIFY(stored->allocationOrder[1] == Component::Penalty);
        // Every loan was recomputed with the new threshold.
        QCOMPARE(substandardLoans(db), expectedSubstandard(db, 30));
        QVERIFY(substandardLoans(db) > before);
        const auto overdue = test::queryInt(db, "SELECT count(*) FROM loan_status WHERE dpd > 0");
        QVERIFY2(status->text().contains(QStringLiteral("every loan recomputed")) &&
                     status->text().contains(QString::number(overdue)),
                 qPrintable(status->text()));
    }
};

QTEST_MAIN(TestDelinquencySettings)
#include "test_delinquency_settings.moc"
