#pragma once
// Installs the translators for the chosen language: Doorstep's own and Qt's standard texts.
#include <QString>

class QCoreApplication;

namespace doorstep::gui {

// "zh_CN" or "en". Returns false if Doorstep's own translation could not be loaded.
bool installTranslations(QCoreApplication& app, const QString& language);

}  // namespace doorstep::gui
