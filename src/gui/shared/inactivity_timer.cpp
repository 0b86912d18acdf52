#include "gui/shared/inactivity_timer.h"

#include <QCoreApplication>
#include <QEvent>

namespace doorstep::gui {

InactivityTimer::InactivityTimer(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        stop();
        Q_EMIT inactive();
    });
}

InactivityTimer::~InactivityTimer()
{
    stop();
}

void InactivityTimer::start(int timeoutMs)
{
    if (!m_filtering) {
        qApp->installEventFilter(this);
        m_filtering = true;
    }
    m_timer.start(timeoutMs);
}

void InactivityTimer::stop()
{
    if (m_filtering) {
        qApp->removeEventFilter(this);
        m_filtering = false;
    }
    m_timer.stop();
}

bool InactivityTimer::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        if (m_timer.isActive()) m_timer.start();
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace doorstep::gui
