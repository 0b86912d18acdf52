#include "gui/appointments/appointment_calendar.h"

#include "gui/appointments/appointment_text.h"
#include "gui/shared/theme.h"

#include <QDate>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace doorstep::gui {
namespace {

constexpr int kAxisWidth = 46;
constexpr int kDayHeaderHeight = 24;
constexpr int kPersonHeaderHeight = 20;

}  // namespace

AppointmentCalendar::AppointmentCalendar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("appointmentCalendar"));
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void AppointmentCalendar::setDays(Date first, int count)
{
    m_first = first;
    m_days = std::max(1, count);
    layOut();
}

void AppointmentCalendar::setToday(Date today)
{
    m_today = today;
    update();
}

void AppointmentCalendar::setPeople(std::vector<CalendarPerson> people)
{
    m_people = std::move(people);
    layOut();
}

void AppointmentCalendar::setWorkingHours(int fromMinutes, int toMinutes)
{
    m_workFrom = fromMinutes;
    m_workTo = toMinutes;
    layOut();
}

void AppointmentCalendar::setItems(std::vector<CalendarItem> items)
{
    m_items = std::move(items);
    if (m_selected != 0 && item(m_selected) == nullptr) {
        m_selected = 0;
        Q_EMIT selectionChanged(0);
    }
    layOut();
}

const CalendarItem* AppointmentCalendar::item(std::int64_t id) const
{
    const auto it = std::ranges::find(m_items, id, &CalendarItem::id);
    return it != m_items.end() ? &*it : nullptr;
}

void AppointmentCalendar::select(std::int64_t id)
{
    if (id != 0 && item(id) == nullptr) id = 0;
    if (id == m_selected) return;
    m_selected = id;
    update();
    Q_EMIT selectionChanged(id);
}

std::int64_t AppointmentCalendar::appointmentAt(QPoint point) const
{
    // The last drawn is on top.
    for (auto it = m_blocks.rbegin(); it != m_blocks.rend(); ++it) {
        if (it->rect.contains(point)) return m_items[it->item].id;
    }
    return 0;
}

std::vector<QRect> AppointmentCalendar::blocksOf(std::int64_t id) const
{
    std::vector<QRect> out;
    for (const Block& b : m_blocks) {
        if (m_items[b.item].id == id) out.push_back(b.rect);
    }
    return out;
}

QSize AppointmentCalendar::minimumSizeHint() const
{
    return {kAxisWidth + 200, kDayHeaderHeight + kPersonHeaderHeight + 200};
}

int AppointmentCalendar::yOf(int minutes) const
{
    const double perMinute = static_cast<double>(m_grid.height()) / std::max(1, m_to - m_from);
    return m_grid.top() + static_cast<int>((minutes - m_from) * perMinute + 0.5);
}

void AppointmentCalendar::layOut()
{
    // Whole hours covering the working hours and every appointment shown.
    int from = m_workFrom;
    int to = m_workTo;
    for (const CalendarItem& i : m_items) {
        from = std::min(from, i.start);
        to = std::max(to, i.start + i.durationMinutes);
    }
    m_from = std::max(0, from / 60 * 60);
    m_to = std::min(24 * 60 + 60, (to + 59) / 60 * 60);
    if (m_to <= m_from) m_to = m_from + 60;
    m_grid = QRect(kAxisWidth, kDayHeaderHeight + kPersonHeaderHeight, std::max(1, width() - kAxisWidth - 1),
                   std::max(1, height() - kDayHeaderHeight - kPersonHeaderHeight - 1));
    const int lanes = m_days * std::max<int>(1, static_cast<int>(m_people.size()));
    m_laneWidth = static_cast<double>(m_grid.width()) / lanes;

    m_blocks.clear();
    for (std::size_t n = 0; n < m_items.size(); ++n) {
        const CalendarItem& i = m_items[n];
        const int day = daysBetween(m_first, i.date);
        if (day < 0 || day >= m_days) continue;
        const int top = yOf(i.start);
        const int bottom = std::max(top + 3, yOf(i.start + i.durationMinutes));
        for (std::size_t p = 0; p < m_people.size(); ++p) {
            if (std::ranges::find(i.staff, m_people[p].userName) == i.staff.end()) continue;
            const int lane = day * static_cast<int>(m_people.size()) + static_cast<int>(p);
            const int left = m_grid.left() + static_cast<int>(lane * m_laneWidth);
            const int right = m_grid.left() + static_cast<int>((lane + 1) * m_laneWidth);
            const int inset = m_laneWidth >= 12 ? 2 : 0;
            m_blocks.push_back(Block{QRect(QPoint(left + inset, top), QPoint(right - inset - 1, bottom - 1)), n});
        }
    }
    update();
}

void AppointmentCalendar::resizeEvent(QResizeEvent*)
{
    layOut();
}

void AppointmentCalendar::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm = fontMetrics();
    const int people = std::max<int>(1, static_cast<int>(m_people.size()));
    const double dayWidth = m_laneWidth * people;

    // Headers: the days, then the people in each.
    p.fillRect(QRect(0, 0, width(), m_grid.top()), Theme::calendarHeaderColor());
    const QLocale locale;
    for (int d = 0; d < m_days; ++d) {
        const int left = m_grid.left() + static_cast<int>(d * dayWidth);
        const int right = m_grid.left() + static_cast<int>((d + 1) * dayWidth);
        const Date date = addDays(m_first, d);
        if (date == m_today)
            p.fillRect(QRect(left, m_grid.top(), right - left, m_grid.height()), Theme::calendarTodayColor());
        const QDate q = toQDate(date);
        const QString title = locale.dayName(q.dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ') +
                              locale.toString(q, QStringLiteral("M/d"));
        p.setPen(Theme::calendarTextColor());
        QFont bold = font();
        bold.setBold(date == m_today);
        p.setFont(bold);
        p.drawText(QRect(left, 0, right - left, kDayHeaderHeight), Qt::AlignCenter,
                   fm.elidedText(title, Qt::ElideRight, right - left - 4));
        p.setFont(font());
        for (int n = 0; n < static_cast<int>(m_people.size()); ++n) {
            const int l = m_grid.left() + static_cast<int>((d * people + n) * m_laneWidth);
            const int r = m_grid.left() + static_cast<int>((d * people + n + 1) * m_laneWidth);
            const QString name = m_people[n].name;
            const QString shown = fm.horizontalAdvance(name) <= r - l - 2 ? name : name.left(1);
            p.drawText(QRect(l, kDayHeaderHeight, r - l, kPersonHeaderHeight), Qt::AlignCenter, shown);
        }
    }

    // The hours: a label and a line each, a lighter line between lanes, a darker one between days.
    p.setPen(Theme::calendarGridColor());
    for (int lane = 0; lane <= m_days * people; ++lane) {
        const int x = m_grid.left() + static_cast<int>(lane * m_laneWidth);
        p.setPen(lane % people == 0 ? Theme::mutedColor() : Theme::calendarGridColor());
        p.drawLine(x, lane % people == 0 ? 0 : kDayHeaderHeight, x, m_grid.bottom());
    }
    for (int m = m_from; m <= m_to; m += 60) {
        const int y = yOf(m);
        p.setPen(Theme::calendarGridColor());
        p.drawLine(kAxisWidth - 4, y, m_grid.right(), y);
        p.setPen(Theme::calendarTextColor());
        if (m < m_to) p.drawText(QRect(0, y, kAxisWidth - 6, fm.height()), Qt::AlignRight | Qt::AlignTop, clockText(m));
    }
    // Outside the working hours, shaded.
    p.fillRect(QRect(m_grid.left(), m_grid.top(), m_grid.width(), yOf(m_workFrom) - m_grid.top()),
               Theme::calendarOffHoursColor());
    p.fillRect(QRect(m_grid.left(), yOf(m_workTo), m_grid.width(), m_grid.bottom() - yOf(m_workTo)),
               Theme::calendarOffHoursColor());

    // The blocks.
    const int lineHeight = fm.height();
    for (const Block& b : m_blocks) {
        const CalendarItem& i = m_items[b.item];
        p.fillRect(b.rect, appointmentColor(i.state));
        const bool chosen = i.id == m_selected;
        p.setPen(chosen ? QPen(Theme::selectionOutlineColor(), 2) : QPen(appointmentColor(i.state).darker(140)));
        p.drawRect(b.rect.adjusted(0, 0, -1, -1));
        const int textWidth = b.rect.width() - 6;
        if (textWidth < 24 || b.rect.height() < lineHeight) continue;
        // The time and the label's first line together when they fit, else one under the other.
        QStringList lines = i.label.split(QLatin1Char('\n'));
        const QString time = clockText(i.start);
        const QString joined = time + QStringLiteral("  ") + lines.value(0);
        if (fm.horizontalAdvance(joined) <= textWidth) {
            lines[0] = joined;
        } else {
            lines.prepend(time);
        }
        p.setPen(Theme::calendarTextColor());
        QRect line(b.rect.left() + 3, b.rect.top() + 1, textWidth, lineHeight);
        for (const QString& part : lines) {
            if (line.bottom() > b.rect.bottom() + 2) break;
            p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(part, Qt::ElideRight, textWidth));
            line.translate(0, lineHeight);
        }
    }
    if (m_people.empty()) {
        p.setPen(Theme::mutedColor());
        p.drawText(m_grid, Qt::AlignCenter, tr("Nobody to show."));
    }
}

bool AppointmentCalendar::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const CalendarItem* i = item(appointmentAt(help->pos()))) {
            QToolTip::showText(help->globalPos(), i->tooltip, this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void AppointmentCalendar::mousePressEvent(QMouseEvent* event)
{
    const QPoint at = event->position().toPoint();
    if (event->button() == Qt::LeftButton && at.y() < kDayHeaderHeight + kPersonHeaderHeight &&
        at.x() >= m_grid.left() && m_laneWidth > 0) {
        const int people = std::max<int>(1, static_cast<int>(m_people.size()));
        const int day = static_cast<int>((at.x() - m_grid.left()) / (m_laneWidth * people));
        if (day >= 0 && day < m_days) Q_EMIT dayChosen(addDays(m_first, day));
    } else if (event->button() == Qt::LeftButton) {
        select(appointmentAt(at));
    }
    QWidget::mousePressEvent(event);
}

void AppointmentCalendar::mouseDoubleClickEvent(QMouseEvent* event)
{
    const std::int64_t id = appointmentAt(event->position().toPoint());
    if (id != 0) {
        select(id);
        Q_EMIT activated(id);
    }
}

}  // namespace doorstep::gui
