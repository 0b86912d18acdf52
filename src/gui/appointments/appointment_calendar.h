#pragma once
// The Appointments page's calendar, painted: time of day down the side (the working hours, widened to any
// appointment outside them), one column per day and, inside it, one lane per person; each appointment a block
// in each of its staff's lanes, coloured by state, with its time, customer number and district where they
// fit and the details in a tooltip. A day view is one day's lanes; a week view seven days'. The layout is
// computed when something changes, so a paint only draws the cached rectangles.
#include "domain/appointments/appointment.h"
#include "domain/shared/calendar.h"

#include <QString>
#include <QWidget>
#include <cstdint>
#include <string>
#include <vector>

namespace doorstep::gui {

struct CalendarPerson {
    std::string userName;
    QString name;  // as people read it
};

struct CalendarItem {
    std::int64_t id = 0;
    Date date;
    int start = 0;  // minutes since midnight
    int durationMinutes = 0;
    AppointmentState state = AppointmentState::Proposed;
    std::vector<std::string> staff;  // user names
    QString label;                   // "C00123 浦东新区"
    QString tooltip;
};

class AppointmentCalendar final : public QWidget {
    Q_OBJECT
public:
    explicit AppointmentCalendar(QWidget* parent = nullptr);

    void setDays(Date first, int count);
    void setToday(Date today);
    void setPeople(std::vector<CalendarPerson> people);
    void setWorkingHours(int fromMinutes, int toMinutes);
    void setItems(std::vector<CalendarItem> items);

    Date firstDay() const { return m_first; }
    int dayCount() const { return m_days; }
    // The appointment drawn at `point` (0 for none), and where one is drawn (one rectangle per lane).
    std::int64_t appointmentAt(QPoint point) const;
    std::vector<QRect> blocksOf(std::int64_t id) const;
    std::int64_t selected() const { return m_selected; }
    void select(std::int64_t id);
    const CalendarItem* item(std::int64_t id) const;

    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void selectionChanged(qint64 id);
    void activated(qint64 id);  // double-click
    void dayChosen(Date date);  // a click on a day's heading

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    struct Block {
        QRect rect;
        std::size_t item = 0;
    };
    void layOut();
    int yOf(int minutes) const;

    Date m_first{};
    int m_days = 1;
    Date m_today{};
    std::vector<CalendarPerson> m_people;
    int m_workFrom = 9 * 60;
    int m_workTo = 18 * 60;
    std::vector<CalendarItem> m_items;
    std::int64_t m_selected = 0;

    // The layout.
    int m_from = 9 * 60;  // the hours drawn
    int m_to = 18 * 60;
    QRect m_grid;  // the area below the headers, right of the time axis
    double m_laneWidth = 0;
    std::vector<Block> m_blocks;
};

}  // namespace doorstep::gui
