#include "gui/shared/page_refresher.h"

#include <QEvent>
#include <QWidget>

namespace doorstep::gui {

PageRefresher::PageRefresher(QWidget* page, std::function<void()> reload)
    : QObject(page), m_page(page), m_reload(std::move(reload))
{
    page->installEventFilter(this);
}

void PageRefresher::dataChanged()
{
    if (m_page->isVisible()) {
        m_stale = false;
        m_reload();
    } else {
        m_stale = true;
    }
}

bool PageRefresher::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_page && event->type() == QEvent::Show && m_stale) {
        m_stale = false;
        m_reload();
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace doorstep::gui
