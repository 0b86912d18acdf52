#pragma once
// The main window: navigation to the areas of the work, one page each, and the status bar.
#include "app/users/session.h"
#include "gui/shared/workspace.h"

#include <QMainWindow>
#include <functional>
#include <memory>
#include <vector>

class QListWidget;
class QStackedWidget;
class QLabel;

namespace doorstep::gui {

class PortfolioPage;
class VisitQueuePage;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(app::Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows the page whose object name is `pageName` (e.g. "administrationPage"); false if hidden.
    bool showPage(const QString& pageName);
    QStringList visiblePages() const;
    // Long work (an import, a recompute, a screening) running in the background.
    bool isBusy() const { return m_job->isRunning(); }
    // Cancels long work and waits for it to roll back: before the session is locked or closed.
    void stopBackgroundWork() { m_job->cancelAndWait(); }
    Workspace& workspace() { return *m_workspace; }

Q_SIGNALS:
    void lockRequested();
    void quitRequested();
    void settingsChanged();

private:
    // Pages are built the first time they are shown (`make` runs then): the person sees the first page within
    // moments of the login, and a page never opened reads nothing (issue 8).
    void addPage(std::function<QWidget*()> make, const QString& objectName, const QString& label);
    void showRow(int row);
    void buildPages();
    void buildMenus();
    void changeOwnPassword();
    void openSettings();
    void showAbout();

    app::Session& m_session;
    BackgroundJob* m_job = nullptr;
    ChangeNotifier* m_changes = nullptr;
    std::unique_ptr<Workspace> m_workspace;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    std::vector<std::function<QWidget*()>> m_unbuilt;  // by row: how to build the page, until it is built
};

}  // namespace doorstep::gui
