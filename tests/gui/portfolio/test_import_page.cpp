// The Import page's summary writes its counts for people, with thousands separators (issue 8: "Numbers for
// people carry thousands separators"). The page's other behaviour is driven in test_portfolio.
#include "gui/portfolio/import_page.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/main_window.h"
#include "gui_fixture.h"
#include "io/demo/synthetic_extract.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QtTest>

using namespace doorstep;

class TestImportPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theSummaryGroupsItsCountsInThousands()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        test::GuiFixture fixture;
        const QString supervisor = QStringLiteral("sue.supervisor");
        const QString password = QStringLiteral("Sue-pass-2026");
        fixture.addUser(supervisor, Role::Supervisor, password);
        const QString extract = fixture.folder() + QStringLiteral("/extract");
        io::SyntheticOptions options;
        options.loans = 300;
        options.seed = 5;
        const auto written = io::writeSyntheticExtract(extract.toStdString(), options);
        QVERIFY(written.has_value());
        QVERIFY(written->instalments >= 1000);  // a count that needs a separator

        app::SystemClock clock;
        gui::ApplicationController controller(fixture.databasePath(), clock);
        controller.start();
        test::logIn(controller, supervisor, password);
        gui::MainWindow* window = controller.mainWindow();
        QVERIFY(window->showPage(QStringLiteral("importPage")));
        auto* page = window->findChild<gui::ImportPage*>();
        page->setFolder(extract);
        QSignalSpy importDone(page, &gui::ImportPage::finished);
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("importButton")), Qt::LeftButton);
        QVERIFY(importDone.wait(60000));

        const QString text = window->findChild<QLabel*>(QStringLiteral("importResult"))->text();
        const QString instalments = QStringLiteral("%1,%2")
                                        .arg(written->instalments / 1000)
                                        .arg(written->instalments % 1000, 3, 10, QLatin1Char('0'));
        QVERIFY2(text.contains(QStringLiteral(", 300 loans, ") + instalments + QStringLiteral(" instalments, ")),
                 qPrintable(text));
        QLocale::setDefault(before);
    }
};

QTEST_MAIN(TestImportPage)
#include "test_import_page.moc"
