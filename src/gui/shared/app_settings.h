#pragma once
// The workstation's own settings (QSettings), typed and with defaults. Branch-wide settings live in
// the database; these are the ones a desk keeps for itself.
#include <QByteArray>
#include <QString>

namespace doorstep::gui {

class AppSettings final {
public:
    static constexpr int kDefaultIdleLockMinutes = 10;
    static constexpr int kMinIdleLockMinutes = 1;
    static constexpr int kMaxIdleLockMinutes = 120;

    // "zh_CN" (default) or "en".
    static QString language();
    static void setLanguage(const QString& language);

    static int idleLockMinutes();
    static void setIdleLockMinutes(int minutes);

    // The branch database opened when neither --db nor --demo is given; empty until set up.
    static QString databasePath();
    static void setDatabasePath(const QString& path);

    // The main window's geometry and state as Qt saves them; empty on first start (the window then opens
    // maximised).
    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray& geometry);

    static QString lastUsername();
    static void setLastUsername(const QString& username);
};

}  // namespace doorstep::gui
