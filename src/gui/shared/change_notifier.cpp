#include "gui/shared/change_notifier.h"

namespace doorstep::gui {

namespace {
constexpr int kPollMilliseconds = 3000;
}

ChangeNotifier::ChangeNotifier(app::Session& session, QObject* parent) : QObject(parent), m_session(session)
{
    m_session.changes().add(this);
    m_dataVersion = m_session.dataVersion();
    m_poll.setInterval(kPollMilliseconds);
    connect(&m_poll, &QTimer::timeout, this, &ChangeNotifier::checkForOutsideChanges);
    m_poll.start();
}

ChangeNotifier::~ChangeNotifier()
{
    m_session.changes().remove(this);
}

void ChangeNotifier::changed(const app::Change& change)
{
    // Emitted on the thread of the use case; receivers on the GUI thread get it queued.
    switch (change.what) {
    case app::Change::What::Portfolio: Q_EMIT portfolioChanged(); break;
    case app::Change::What::Queue: Q_EMIT queueChanged(); break;
    case app::Change::What::Case: Q_EMIT caseChanged(change.borrowerRowId); break;
    case app::Change::What::Users: Q_EMIT usersChanged(); break;
    case app::Change::What::Settings: Q_EMIT settingsChanged(); break;
    case app::Change::What::Appointments: Q_EMIT appointmentsChanged(); break;
    case app::Change::What::Visits: Q_EMIT visitsChanged(); break;
    case app::Change::What::Plans: Q_EMIT plansChanged(); break;
    }
}

void ChangeNotifier::checkForOutsideChanges()
{
    if (!m_session.isOpen()) return;
    const qint64 version = m_session.dataVersion();
    if (version == m_dataVersion) return;
    m_dataVersion = version;
    // Another connection committed something; which tables it touched is not known here, so every page
    // that shows stored data refreshes. (This program's own worker commits count too; its use cases also
    // notified precisely, and a second reload of a page is cheap.)
    Q_EMIT portfolioChanged();
    Q_EMIT queueChanged();
    Q_EMIT appointmentsChanged();
    Q_EMIT visitsChanged();
    Q_EMIT plansChanged();
    Q_EMIT usersChanged();  // a user added with doorstep-cli; the audit trail's new events
}

}  // namespace doorstep::gui
