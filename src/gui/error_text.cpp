#include "gui/error_text.h"

#include "gui/qt_text.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

namespace doorstep::gui {
namespace {

// Every sentence the core can show a person. The core speaks English; lupdate finds these here.
// tests/checks keeps this list complete against the fail(...) calls in src/.
constexpr const char* kContext = "Errors";
constexpr const char* kMessages[] = {
    QT_TRANSLATE_NOOP("Errors", "A database with that name already exists; it was left untouched."),
    QT_TRANSLATE_NOOP("Errors", "A file with that name already exists; it was left untouched."),
    QT_TRANSLATE_NOOP("Errors", "A user with this user name already exists."),
    QT_TRANSLATE_NOOP("Errors", "A re-key of the database is still pending."),
    QT_TRANSLATE_NOOP("Errors", "This is the last active administrator; appoint another one first."),
    QT_TRANSLATE_NOOP("Errors", "You cannot do this to your own account."),
    QT_TRANSLATE_NOOP("Errors", "The database and the keyring beside it do not belong together."),
    QT_TRANSLATE_NOOP("Errors", "The database file is damaged."),
    QT_TRANSLATE_NOOP("Errors", "The database file is empty or damaged."),
    QT_TRANSLATE_NOOP("Errors", "The database file is damaged or does not belong to the keyring beside it."),
    QT_TRANSLATE_NOOP("Errors", "The file is not a Doorstep database."),
    QT_TRANSLATE_NOOP("Errors", "The file is an unencrypted SQLite database, not a Doorstep database."),
    QT_TRANSLATE_NOOP("Errors", "The database file does not exist."),
    QT_TRANSLATE_NOOP("Errors", "The file does not exist."),
    QT_TRANSLATE_NOOP("Errors", "The key does not open this database."),
    QT_TRANSLATE_NOOP("Errors", "The keyring file beside the database is missing."),
    QT_TRANSLATE_NOOP("Errors", "The keyring file beside the database cannot be read."),
    QT_TRANSLATE_NOOP("Errors", "The database file cannot be read (check its permissions)."),
    QT_TRANSLATE_NOOP("Errors", "The database file cannot be read."),
    QT_TRANSLATE_NOOP("Errors", "The database file cannot be opened for reading and writing."),
    QT_TRANSLATE_NOOP("Errors", "The database path is not a regular file."),
    QT_TRANSLATE_NOOP("Errors", "A user name must start with a letter or a digit."),
    QT_TRANSLATE_NOOP("Errors", "A user name may only hold letters a-z, digits and the characters . _ -"),
    QT_TRANSLATE_NOOP("Errors", "The user name is empty."),
    QT_TRANSLATE_NOOP("Errors", "The user name is longer than 32 characters."),
    QT_TRANSLATE_NOOP("Errors", "The display name is empty."),
    QT_TRANSLATE_NOOP("Errors", "The display name is too long."),
    QT_TRANSLATE_NOOP("Errors", "The password must have at least 10 characters."),
    QT_TRANSLATE_NOOP("Errors", "The password must mix letters with digits or other characters."),
    QT_TRANSLATE_NOOP("Errors", "The password must not contain the user name."),
    QT_TRANSLATE_NOOP("Errors", "Cannot create a file in the database folder."),
    QT_TRANSLATE_NOOP("Errors", "Cannot write the file; the disk may be full or read-only."),
    QT_TRANSLATE_NOOP("Errors", "The database could not be re-encrypted."),
    QT_TRANSLATE_NOOP("Errors", "The new database could not be written."),
    QT_TRANSLATE_NOOP("Errors", "The user no longer exists."),
    QT_TRANSLATE_NOOP("Errors",
                      "The database is busy: another Doorstep program is writing to it. Try again when it is done."),
    QT_TRANSLATE_NOOP("Errors", "Close the other Doorstep programs that use this database, then try again."),
    QT_TRANSLATE_NOOP("Errors", "Choose an active officer."),
    QT_TRANSLATE_NOOP("Errors", "Choose at least one officer on duty."),
    QT_TRANSLATE_NOOP("Errors", "Say in a few words why the case needs no visit."),
    QT_TRANSLATE_NOOP("Errors", "The capacity must be at least one case."),
    QT_TRANSLATE_NOOP("Errors", "The case is no longer in the visit queue."),
    QT_TRANSLATE_NOOP("Errors", "The minimum score must be between 0 and 100000."),
    QT_TRANSLATE_NOOP("Errors", "The note is too long."),
    QT_TRANSLATE_NOOP("Errors", "The rule set needs at least one scoring rule."),
    QT_TRANSLATE_NOOP("Errors", "The rule set version cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "The screening rules are empty."),
    QT_TRANSLATE_NOOP("Errors", "The screening rules end before their end line."),
    QT_TRANSLATE_NOOP("Errors", "The amount to repay must be above zero."),
    QT_TRANSLATE_NOOP("Errors", "The interest rate cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "The interest rate cannot be above 1000 % a year."),
    QT_TRANSLATE_NOOP("Errors", "The start date is not a day of the calendar."),
    QT_TRANSLATE_NOOP("Errors", "The extract date must be a day of the calendar from 1970 on."),
    QT_TRANSLATE_NOOP("Errors", "Cannot create the folder for the extract."),
    QT_TRANSLATE_NOOP("Errors", "The recomputation was cancelled; nothing was changed."),
    QT_TRANSLATE_NOOP("Errors", "The doubtful threshold must not be below the substandard one."),
    QT_TRANSLATE_NOOP("Errors", "The loss threshold must not be below the doubtful one."),
    QT_TRANSLATE_NOOP("Errors", "The penalty markup must be between 0 and 100 percent."),
    QT_TRANSLATE_NOOP("Errors", "The special-mention threshold must not be negative."),
    QT_TRANSLATE_NOOP("Errors", "The substandard threshold must not be below the special-mention one."),
    QT_TRANSLATE_NOOP("Errors", "The import could not be written; nothing was changed."),
    QT_TRANSLATE_NOOP("Errors", "The borrower no longer exists."),
    QT_TRANSLATE_NOOP("Errors", "Your role does not allow this action."),
    QT_TRANSLATE_NOOP("Errors", "Too many failed attempts; wait before trying again."),
    QT_TRANSLATE_NOOP("Errors", "The current password is not correct."),
    QT_TRANSLATE_NOOP("Errors", "The user name or password is not correct."),
    QT_TRANSLATE_NOOP("Errors", "This account is disabled. Ask an administrator to enable it."),
    QT_TRANSLATE_NOOP("Errors", "The database was written by a newer version of Doorstep; update Doorstep to open it."),
};

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
    static const QHash<QString, const char*> known = [] {
        QHash<QString, const char*> map;
        for (const char* m : kMessages)
            map.insert(QString::fromUtf8(m), m);
        return map;
    }();
    const QString english = toQString(error.message);
    if (auto it = known.constFind(english); it != known.constEnd())
        return QCoreApplication::translate(kContext, it.value());
    // "The keyring file branch.db.keyring is damaged (checksum).": name the file, so a person knows which
    // one to restore (issue 9).
    static const QString keyringPrefix = QStringLiteral("The keyring file ");
    if (error.code == ErrorCode::FileCorrupt && english.startsWith(keyringPrefix)) {
        const qsizetype end = english.indexOf(QStringLiteral(" is damaged"), keyringPrefix.size());
        if (end > keyringPrefix.size())
            return QCoreApplication::translate("Errors", "The keyring file %1 is damaged.")
                .arg(english.mid(keyringPrefix.size(), end - keyringPrefix.size()));
    }
    if (QString generic = byCode(error.code); !generic.isEmpty()) return generic;
    return english;
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
