#include "gui/shared/app_settings.h"

#include <QSettings>
#include <algorithm>

namespace doorstep::gui {
namespace {

QSettings settings()
{
    return QSettings(QStringLiteral("Doorstep"), QStringLiteral("doorstep"));
}

}  // namespace

QString AppSettings::language()
{
    const QString value = settings().value(QStringLiteral("ui/language"), QStringLiteral("zh_CN")).toString();
    return value == QStringLiteral("en") ? value : QStringLiteral("zh_CN");
}

void AppSettings::setLanguage(const QString& language)
{
    settings().setValue(QStringLiteral("ui/language"), language);
}

int AppSettings::idleLockMinutes()
{
    bool ok = false;
    const int value = settings().value(QStringLiteral("security/idleLockMinutes"), kDefaultIdleLockMinutes).toInt(&ok);
    return ok ? std::clamp(value, kMinIdleLockMinutes, kMaxIdleLockMinutes) : kDefaultIdleLockMinutes;
}

void AppSettings::setIdleLockMinutes(int minutes)
{
    settings().setValue(QStringLiteral("security/idleLockMinutes"),
                        std::clamp(minutes, kMinIdleLockMinutes, kMaxIdleLockMinutes));
}

QString AppSettings::databasePath()
{
    return settings().value(QStringLiteral("database/path")).toString();
}

void AppSettings::setDatabasePath(const QString& path)
{
    settings().setValue(QStringLiteral("database/path"), path);
}

QByteArray AppSettings::windowGeometry()
{
    return settings().value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry)
{
    settings().setValue(QStringLiteral("window/geometry"), geometry);
}

QString AppSettings::lastUsername()
{
    return settings().value(QStringLiteral("login/lastUsername")).toString();
}

void AppSettings::setLastUsername(const QString& username)
{
    settings().setValue(QStringLiteral("login/lastUsername"), username);
}

}  // namespace doorstep::gui
