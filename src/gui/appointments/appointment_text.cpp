#include "gui/appointments/appointment_text.h"

#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

namespace doorstep::gui {
namespace {

QString capitalised(QString text)
{
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    return text;
}

}  // namespace

QString appointmentStateText(AppointmentState state)
{
    return capitalised(messageText(appointmentStateName(state)));
}

QString placeKindText(PlaceKind kind)
{
    return capitalised(messageText(placeKindName(kind)));
}

QColor appointmentColor(AppointmentState state)
{
    switch (state) {
    case AppointmentState::Proposed: return Theme::appointmentProposedColor();
    case AppointmentState::Confirmed: return Theme::appointmentConfirmedColor();
    case AppointmentState::Done: return Theme::appointmentDoneColor();
    case AppointmentState::NotHome: return Theme::appointmentNotHomeColor();
    case AppointmentState::Rescheduled:
    case AppointmentState::Cancelled: return Theme::appointmentClosedColor();
    }
    return Theme::appointmentClosedColor();
}

QString clockText(int minutesSinceMidnight)
{
    return toQString(formatClockTime(ClockTime{minutesSinceMidnight}));
}

QDate toQDate(Date date)
{
    return QDate(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                 static_cast<int>(static_cast<unsigned>(date.day())));
}

Date fromQDate(QDate date)
{
    return Date{std::chrono::year{date.year()}, std::chrono::month{static_cast<unsigned>(date.month())},
                std::chrono::day{static_cast<unsigned>(date.day())}};
}

}  // namespace doorstep::gui
