#include "gui/shared/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace doorstep::gui {

bool installTranslations(QCoreApplication& app, const QString& language)
{
    QLocale::setDefault(QLocale(language));
    auto* own = new QTranslator(&app);
    const bool loaded = own->load(QStringLiteral(":/i18n/doorstep_%1.qm").arg(language));
    if (loaded) QCoreApplication::installTranslator(own);
    // Qt's own dialogs (file chooser, standard buttons) in the same language.
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return loaded;
}

}  // namespace doorstep::gui
