#include "gui/shared/error_text.h"

#include "gui/shared/qt_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace doorstep::gui {
namespace {

// What an error without a message id (an exception's text, or one made by hand) says by its code alone.
QString byCode(ErrorCode code)
{
    switch (code) {
    case ErrorCode::FileCorrupt:
        return QCoreApplication::translate("Errors", "The keyring file beside the database is damaged.");
    case ErrorCode::Internal:
        return QCoreApplication::translate("Errors",
                                           "Doorstep met an internal problem. The details are in the log file.");
    default: return {};
    }
}

}  // namespace

Language uiLanguage()
{
    return QLocale().language() == QLocale::Chinese ? Language::Chinese : Language::English;
}

QString messageText(MessageId id, const MessageArgs& args)
{
    return toQString(formatMessage(id.value, args, uiLanguage()));
}

QString errorText(const Error& error)
{
    if (!error.id.empty()) return toQString(errorMessage(error, uiLanguage()));
    if (QString generic = byCode(error.code); !generic.isEmpty()) return generic;
    return toQString(error.message);
}

QString roleText(Role role)
{
    switch (role) {
    case Role::Officer: return QCoreApplication::translate("Roles", "Collections officer");
    case Role::Supervisor: return QCoreApplication::translate("Roles", "Supervisor");
    case Role::Administrator: return QCoreApplication::translate("Roles", "Administrator");
    }
    return {};
}

}  // namespace doorstep::gui
