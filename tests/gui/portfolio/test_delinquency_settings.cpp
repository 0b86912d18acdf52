// An administrator changes the branch's delinquency rules in the Administration page's form: invalid
// rules are refused inside the form, valid ones are stored and, when asked, every loan is recomputed.
#include "app/portfolio/delinquency_service.h"
#include "app/portfolio/portfolio_import.h"
#include "gui/portfolio/delinquency_settings_dialog.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/main_window.h"
#include "gui/shared/message_box.h"
#include "gui/shared/theme.h"
#include "gui_fixture.h"
#include "io/demo/synthetic_extract.h"
#include "support/db_query.h"

#include <QApplication>
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
            QVERIFY2(error->text().startsWith(QStringLiteral("Doubtful (Loans): ")), qPrintable(error->text()));

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

    // Issue 8: a wrong value in any field is refused with a message that names the field by its label and says
    // why; the field gets the focus and the highlight, and the form keeps its layout at 1366×768.
    void aWrongValueNamesFocusesAndMarksItsField()
    {
        gui::DelinquencySettingsDialog dialog(DelinquencySettings{});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(dialog.height() <= 768 - 60);  // room for the window frame and the panel
        auto* save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
        auto* restore = dialog.findChild<QPushButton*>(QStringLiteral("restoreDefaultsButton"));
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("settingsError"));
        const auto geometries = [&] {
            QList<QRect> all;
            for (auto* w : dialog.findChildren<QWidget*>())
                all << w->geometry();
            return all;
        };
        const QSize size = dialog.size();
        const QList<QRect> before = geometries();

        struct Case {
            QString field;  // object name
            QString name;   // as the form labels it
            int bad;
        };
        std::vector<Case> cases{{QStringLiteral("bucketM1"), QStringLiteral("M1"), 0}};
        for (int i = 2; i <= 6; ++i) {  // ending on the day the bucket before it ends
            const int previous = spin(&dialog, qPrintable(QStringLiteral("bucketM%1").arg(i - 1)))->value();
            cases.push_back({QStringLiteral("bucketM%1").arg(i), QStringLiteral("M%1").arg(i), previous});
        }
        const QStringList classes{QStringLiteral("Special mention"), QStringLiteral("Substandard"),
                                  QStringLiteral("Doubtful"), QStringLiteral("Loss")};
        for (const auto& [prefix, profile] : {std::pair{QStringLiteral("loanClass"), QStringLiteral("Loans")},
                                              std::pair{QStringLiteral("cardClass"), QStringLiteral("Credit cards")}}) {
            for (int i = 0; i < 4; ++i) {  // above the next class's threshold; the last one below the one before
                const QString other = prefix + QString::number(i < 3 ? i + 1 : i - 1);
                const int bad = spin(&dialog, qPrintable(other))->value() + (i < 3 ? 10 : -10);
                cases.push_back({prefix + QString::number(i), QStringLiteral("%1 (%2)").arg(classes[i], profile), bad});
            }
        }

        for (std::size_t k = 0; k < cases.size(); ++k) {
            QSpinBox* field = spin(&dialog, qPrintable(cases[k].field));
            setValue(field, cases[k].bad);
            save->setFocus();
            QTest::mouseClick(save, Qt::LeftButton);
            QVERIFY(dialog.isVisible());
            QVERIFY2(error->text().startsWith(cases[k].name + QStringLiteral(": ")), qPrintable(error->text()));
            QVERIFY2(error->text().length() > cases[k].name.length() + 10, qPrintable(error->text()));  // and why
            QCOMPARE(dialog.flaggedField(), field);
            QTRY_COMPARE(QApplication::focusWidget(), field);
            QCOMPARE(field->palette().color(QPalette::Base), gui::Theme::invalidFieldBackground());
            // Nothing moved or shrank for the message.
            QCOMPARE(dialog.size(), size);
            QCOMPARE(geometries(), before);
            QTest::mouseClick(restore, Qt::LeftButton);
            QVERIFY(dialog.flaggedField() == nullptr);
            QVERIFY(field->palette().color(QPalette::Base) != gui::Theme::invalidFieldBackground());
            QVERIFY(error->text().isEmpty());
        }

        // Of two fields out of order, the one changed last: M3 raised past M4 names M3 and M4's last day.
        setValue(spin(&dialog, "bucketM3"), 200);
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialog.flaggedField(), spin(&dialog, "bucketM3"));
        QVERIFY2(error->text().startsWith(QStringLiteral("M3: ")) && error->text().contains(QStringLiteral("M4")) &&
                     error->text().contains(QStringLiteral("120")),
                 qPrintable(error->text()));
        // A valid form is saved.
        QTest::mouseClick(restore, Qt::LeftButton);
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));
    }
};

QTEST_MAIN(TestDelinquencySettings)
#include "test_delinquency_settings.moc"
