// doorstep: the desktop application.
#include "app/shared/branch_setup.h"
#include "app/shared/logging.h"
#include "app/shared/paths.h"
#include "gui/shared/app_settings.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/safe_application.h"
#include "gui/shared/setup_wizard.h"
#include "gui/shared/translations.h"
#include "gui/users/login_dialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace {

using namespace doorstep;

bool haveDisplay()
{
    const auto set = [](const char* name) {
        const char* v = std::getenv(name);
        return v != nullptr && *v != '\0';
    };
    return set("DISPLAY") || set("WAYLAND_DISPLAY") || set("QT_QPA_PLATFORM");
}

void printDemoAccounts()
{
    std::printf("%s\n", qPrintable(QCoreApplication::translate(
                            "main", "Demo branch database — synthetic data, for trying Doorstep only.")));
    std::printf("%s\n", qPrintable(QCoreApplication::translate(
                            "main", "Demo accounts (DEMO ONLY, never use these passwords for real data):")));
    for (const auto& a : app::demoAccounts()) {
        std::printf("  %-12s %-20s %s\n", a.username.c_str(), a.password.c_str(), qPrintable(gui::roleText(a.role)));
    }
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv)
{
    if (!haveDisplay()) {
        std::fprintf(stderr, "doorstep: no display found (DISPLAY is not set).\n"
                             "Run it on a desktop, or headless with: xvfb-run -a doorstep --demo\n");
        return 2;
    }
    gui::SafeApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("doorstep"));
    QApplication::setOrganizationName(QStringLiteral("Doorstep"));
    QApplication::setApplicationVersion(QStringLiteral(DOORSTEP_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/doorstep.svg")));
    app::initLogging(app::logDirectory(), /*echoToStderr=*/true);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Doorstep"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QCoreApplication::translate("main", "Open the branch database FILE."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QCoreApplication::translate("main", "Open the demo branch database."));
    const QCommandLineOption resetOption(QStringLiteral("reset-demo"),
                                         QCoreApplication::translate("main", "Recreate the demo database first."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QCoreApplication::translate("main", "Language for this run: zh_CN or en."),
                                        QStringLiteral("LANG"));
    // Starts, shows the first window, and quits: CI's check that the app comes up.
    QCommandLineOption smokeOption(QStringLiteral("smoke-test"));
    smokeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({dbOption, demoOption, resetOption, langOption, smokeOption});
    parser.process(application);

    const QString language = parser.isSet(langOption) ? parser.value(langOption) : gui::AppSettings::language();
    gui::installTranslations(application, language == QStringLiteral("en") ? language : QStringLiteral("zh_CN"));

    QString databasePath;
    QString hint;
    if (parser.isSet(demoOption) || parser.isSet(resetOption)) {
        const auto path = app::demoDatabasePath();
        if (parser.isSet(resetOption) || !std::filesystem::exists(path)) {
            std::printf("%s\n", qPrintable(QCoreApplication::translate(
                                    "main", "Creating the demo branch database with 5,000 synthetic loans…")));
            std::fflush(stdout);
        }
        const auto created = app::ensureDemoDatabase(path, parser.isSet(resetOption), storage::KdfParams::moderate());
        if (!created) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Demo database"),
                                  gui::errorText(created.error()));
            return 1;
        }
        printDemoAccounts();
        databasePath = gui::toQString(path.string());
        hint = QCoreApplication::translate("main", "Demo database: log in as admin, supervisor, officer1 or officer2; "
                                                   "the passwords were printed in the terminal.");
    } else if (parser.isSet(dbOption)) {
        databasePath = QDir::fromNativeSeparators(parser.value(dbOption));
    } else {
        databasePath = gui::AppSettings::databasePath();
        if (databasePath.isEmpty()) {
            gui::SetupWizard wizard;
            if (wizard.exec() != QDialog::Accepted) return 0;
            databasePath = wizard.databasePath();
            gui::AppSettings::setDatabasePath(databasePath);
        }
    }

    // Say what is wrong with the file before anyone types a password; never touch it.
    if (const auto files = app::checkBranchDatabaseFiles(gui::toStd(databasePath)); !files) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Cannot open the branch database"),
                              QCoreApplication::translate("main", "%1\n\nFile: %2\n\nThe file was not changed.")
                                  .arg(gui::errorText(files.error()), QDir::toNativeSeparators(databasePath)));
        return 1;
    }

    app::SystemClock clock;
    gui::ApplicationController controller(databasePath, clock);
    controller.setLoginHint(hint);
    QObject::connect(&controller, &gui::ApplicationController::quitRequested, &application, &QApplication::quit,
                     Qt::QueuedConnection);
    controller.start();
    if (parser.isSet(smokeOption)) {
        QTimer::singleShot(0, &application, [&controller] {
            const bool shown = controller.loginDialog() != nullptr && controller.loginDialog()->isVisible();
            std::printf("smoke test: login dialog %s\n", shown ? "shown" : "NOT shown");
            QCoreApplication::exit(shown ? 0 : 1);
        });
    }
    return QApplication::exec();
}
