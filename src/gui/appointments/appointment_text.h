#pragma once
// The words and colours of appointments on screen: state and place names from the message catalogue
// (capitalised for a table cell), the state's colour from the theme, times of day.
#include "domain/appointments/appointment.h"
#include "gui/shared/staff_names.h"

#include <QColor>
#include <QDate>
#include <QString>
#include <map>
#include <string>

namespace doorstep::gui {

QString appointmentStateText(AppointmentState state);  // "Confirmed", "已确认"
QString placeKindText(PlaceKind kind);                 // "Home address", "住址"
QColor appointmentColor(AppointmentState state);
QString clockText(int minutesSinceMidnight);  // "09:30"
QDate toQDate(Date date);
Date fromQDate(QDate date);

}  // namespace doorstep::gui
