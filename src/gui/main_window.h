#pragma once
// The main window: navigation to the areas of the work, one page each, and the status bar.
#include "app/session.h"

#include <QMainWindow>

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

Q_SIGNALS:
    void lockRequested();
    void quitRequested();
    void settingsChanged();

private:
    void addPage(QWidget* page, const QString& objectName, const QString& label);
    void buildPages();
    void buildMenus();
    void changeOwnPassword();
    void openSettings();
    void showAbout();

    app::Session& m_session;
    PortfolioPage* m_portfolio = nullptr;
    VisitQueuePage* m_queue = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
};

}  // namespace doorstep::gui
