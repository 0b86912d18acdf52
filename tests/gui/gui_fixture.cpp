#include "gui_fixture.h"

#include "app/portfolio/portfolio_import.h"
#include "app/shared/branch_setup.h"
#include "app/users/login_throttle.h"
#include "app/users/session.h"
#include "app/users/user_admin.h"
#include "gui/shared/application_controller.h"
#include "gui/shared/message_box.h"
#include "gui/users/login_dialog.h"
#include "io/demo/synthetic_extract.h"

#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QtTest>
#include <memory>

namespace doorstep::test {

GuiFixture::GuiFixture()
{
    QVERIFY2(m_dir.isValid(), "temporary folder");
    // Settings go to the test program's own folder, which CTest names in the build tree: Qt writes its
    // settings cache back when the program ends, after this fixture's folder is gone, and would leave a
    // stray folder in /tmp. Run by hand without it, the fixture's folder; never the person's own settings.
    const QByteArray configHome = qgetenv("DOORSTEP_TEST_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", configHome.isEmpty() ? (m_dir.path() + QStringLiteral("/config")).toUtf8() : configHome);
    QSettings(QStringLiteral("Doorstep"), QStringLiteral("doorstep")).clear();  // each fixture starts empty
    qputenv("XDG_DATA_HOME", (m_dir.path() + QStringLiteral("/data")).toUtf8());
    // Key derivation at its real cost takes ~0.4 s a slot; the behaviour under test does not depend on it.
    app::Session::setKdfParamsForNewSlots(storage::KdfParams::minimum());
    gui::MessageBox::setTestMode(true);
    const auto created = app::createBranchDatabase(
        databasePath().toStdString(), {kAdminName.toStdString(), "Chief Admin", kAdminPassword.toStdString()},
        storage::KdfParams::minimum());
    QVERIFY2(created.has_value(), created ? "" : created.error().message.c_str());
}

void GuiFixture::addUser(const QString& name, Role role, const QString& password, const QString& displayName)
{
    app::SystemClock clock;
    app::LoginThrottle throttle(clock);
    auto admin = app::Session::login(databasePath().toStdString(), kAdminName.toStdString(),
                                     kAdminPassword.toStdString(), throttle, clock);
    QVERIFY(admin.has_value());
    const auto added = app::UserAdministration(**admin).add(
        {name.toStdString(), (displayName.isEmpty() ? name : displayName).toStdString(), role, password.toStdString()});
    QVERIFY2(added.has_value(), added ? "" : added.error().message.c_str());
}

QString GuiFixture::databasePath() const
{
    return m_dir.path() + QStringLiteral("/branch.db");
}

void logIn(gui::ApplicationController& controller, const QString& user, const QString& password)
{
    gui::LoginDialog* login = controller.loginDialog();
    QVERIFY(login != nullptr);
    QTRY_VERIFY(login->isVisible());
    auto* userEdit = login->findChild<QLineEdit*>(QStringLiteral("usernameEdit"));
    userEdit->clear();
    QTest::keyClicks(userEdit, user);
    QTest::keyClicks(login->findChild<QLineEdit*>(QStringLiteral("passwordEdit")), password);
    QTest::mouseClick(login->findChild<QPushButton*>(QStringLiteral("loginButton")), Qt::LeftButton);
}

void pressLock(QWidget* window)
{
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
}

std::unique_ptr<app::Session> GuiFixture::login(app::Clock& clock, const QString& user, const QString& password) const
{
    static app::SystemClock throttleClock;
    static app::LoginThrottle throttle(throttleClock);
    auto session =
        app::Session::login(databasePath().toStdString(), user.toStdString(), password.toStdString(), throttle, clock);
    return session ? std::move(*session) : nullptr;
}

double inkIn(const QImage& image, double fromFraction, double toFraction)
{
    int ink = 0, all = 0;
    for (int y = static_cast<int>(image.height() * fromFraction); y < static_cast<int>(image.height() * toFraction);
         ++y) {
        for (int x = 0; x < image.width(); ++x, ++all) {
            if (qGray(image.pixel(x, y)) < 160) ++ink;
        }
    }
    return all == 0 ? 0.0 : static_cast<double>(ink) / all;
}

void onNextModal(std::function<void(QWidget*)> action)
{
    auto shared = std::make_shared<std::function<void(QWidget*)>>(std::move(action));
    auto* timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, shared] {
        if (QWidget* modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            (*shared)(modal);
        }
    });
    timer->start();
}

bool importSynthetic(const GuiFixture& fixture, const QString& user, const QString& password, std::int64_t loans,
                     std::uint64_t seed, const std::vector<std::string>& officers)
{
    const QString extract = fixture.folder() + QStringLiteral("/extract-%1-%2").arg(loans).arg(seed);
    io::SyntheticOptions options;
    options.loans = loans;
    options.seed = seed;
    options.officers = officers;
    if (!io::writeSyntheticExtract(extract.toStdString(), options)) {
        qWarning("the synthetic extract could not be written");
        return false;
    }
    app::SystemClock clock;
    app::LoginThrottle throttle(clock);
    auto session = app::Session::login(fixture.databasePath().toStdString(), user.toStdString(), password.toStdString(),
                                       throttle, clock);
    if (!session) {
        qWarning("login for the import failed");
        return false;
    }
    const auto report = app::importExtract(**session, extract.toStdString(), {});
    return report.has_value() && report->imported;
}

}  // namespace doorstep::test
