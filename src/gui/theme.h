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
inline QColor attentionBackground()
{
    return QColor(0xff, 0xf8, 0xe1);
}  // rows that need the user first (a returned visit note)

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
