#pragma once
// The use cases' change notification (app/shared/changes.h) as Qt signals, delivered on the GUI thread whichever
// thread made the change, so pages and models refresh themselves. It also notices what other programs
// (a script importing while the app is open) committed to the database, by polling its data version.
#include "app/shared/changes.h"
#include "app/users/session.h"

#include <QObject>
#include <QTimer>

namespace doorstep::gui {

class ChangeNotifier final : public QObject, public app::ChangeObserver {
    Q_OBJECT
public:
    explicit ChangeNotifier(app::Session& session, QObject* parent = nullptr);
    ~ChangeNotifier() override;
    ChangeNotifier(const ChangeNotifier&) = delete;
    ChangeNotifier& operator=(const ChangeNotifier&) = delete;

    void changed(const app::Change& change) override;  // any thread
    // Looks once for commits by other connections (also run every few seconds).
    void checkForOutsideChanges();

Q_SIGNALS:
    void portfolioChanged();
    void queueChanged();
    void caseChanged(qint64 borrowerRowId);
    void usersChanged();
    void settingsChanged();
    void appointmentsChanged();
    void visitsChanged();
    void plansChanged();

private:
    app::Session& m_session;
    QTimer m_poll;
    qint64 m_dataVersion = 0;
};

}  // namespace doorstep::gui
