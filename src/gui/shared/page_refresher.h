#pragma once
// Reloads a page when the data it shows changed: at once when the page is visible, else the next time it is
// shown, so hidden pages cost nothing while an import or a colleague's script writes.
#include <QObject>
#include <functional>

class QWidget;

namespace doorstep::gui {

class PageRefresher final : public QObject {
    Q_OBJECT
public:
    PageRefresher(QWidget* page, std::function<void()> reload);
    void dataChanged();
    bool isStale() const { return m_stale; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_page;
    std::function<void()> m_reload;
    bool m_stale = false;
};

}  // namespace doorstep::gui
