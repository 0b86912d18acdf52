#pragma once
// Doorstep's colours and text styles, in one place (no colour or font literal elsewhere in the GUI).
#include <QColor>
#include <QString>

namespace doorstep::gui::Theme {

inline QColor errorColor()
{
    return QColor(0xb0, 0x00, 0x20);
}  // refusals, overdue figures
inline QColor successColor()
{
    return QColor(0x1b, 0x5e, 0x20);
}  // done, chain intact
inline QColor mutedColor()
{
    return QColor(0x80, 0x80, 0x80);
}  // disabled users, dismissed cases
inline QColor invalidFieldBackground()
{
    return QColor(0xfd, 0xec, 0xea);
}  // a form field whose value is refused
inline QColor attentionBackground()
{
    return QColor(0xff, 0xf8, 0xe1);
}  // rows that need the user first (a returned visit note)

// The Appointments page: blocks by state, the calendar's grid and the route picture.
inline QColor appointmentProposedColor()
{
    return QColor(0xff, 0xe0, 0x82);
}  // amber: waits for the customer's yes
inline QColor appointmentConfirmedColor()
{
    return QColor(0x90, 0xca, 0xf9);
}  // blue: agreed
inline QColor appointmentDoneColor()
{
    return QColor(0xa5, 0xd6, 0xa7);
}  // green: visited
inline QColor appointmentNotHomeColor()
{
    return QColor(0xef, 0x9a, 0x9a);
}  // red: nobody at home
inline QColor appointmentClosedColor()
{
    return QColor(0xe0, 0xe0, 0xe0);
}  // grey: rescheduled or cancelled
inline QColor calendarGridColor()
{
    return QColor(0xdd, 0xdd, 0xdd);
}
inline QColor calendarHeaderColor()
{
    return QColor(0xf4, 0xf4, 0xf4);
}
inline QColor calendarTodayColor()
{
    return QColor(0xff, 0xfd, 0xe7);
}
inline QColor calendarOffHoursColor()
{
    return QColor(0, 0, 0, 12);
}  // a shade over the hours outside the working day
inline QColor calendarTextColor()
{
    return QColor(0x21, 0x21, 0x21);
}
inline QColor selectionOutlineColor()
{
    return QColor(0x0d, 0x47, 0xa1);
}
inline QColor routeLineColor()
{
    return QColor(0x42, 0x7e, 0xc4);
}

// Style sheets for labels.
inline QString errorStyle()
{
    return QStringLiteral("color: #b00020;");
}
inline QString successStyle()
{
    return QStringLiteral("color: #1b5e20;");
}
inline QString pageTitleStyle()
{
    return QStringLiteral("font-size: 16pt; font-weight: 600;");
}
inline QString headlineStyle()
{
    return QStringLiteral("font-size: 13pt; color: #444444;");
}
inline QString secondaryTextStyle()
{
    return QStringLiteral("color: #666666;");
}
inline QString noticeStyle()
{
    return QStringLiteral("background: #fff8e1; color: #5d4037; border: 1px solid #ffe082; padding: 4px 8px;");
}
inline QString navigationStyle()
{
    return QStringLiteral("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }");
}

}  // namespace doorstep::gui::Theme
