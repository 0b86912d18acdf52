#include "io/appointments/calendar_file.h"

#include "io/shared/atomic_file.h"

#include <cstdlib>
#include <ctime>
#include <libical/ical.h>
#include <memory>

namespace doorstep::io {
namespace {

constexpr int kShanghaiOffsetSeconds = 8 * 60 * 60;

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype localTime(const LocalDateTime& when)
{
    icaltimetype t = icaltime_null_time();
    const std::chrono::year_month_day& d = when.date;
    t.year = static_cast<int>(d.year());
    t.month = static_cast<int>(static_cast<unsigned>(d.month()));
    t.day = static_cast<int>(static_cast<unsigned>(d.day()));
    t.hour = when.time.hour();
    t.minute = when.time.minute();
    t.second = 0;
    t.is_date = 0;
    return t;
}

icaltimetype utcTime(std::chrono::sys_seconds when)
{
    return icaltime_from_timet_with_zone(static_cast<time_t>(when.time_since_epoch().count()), 0,
                                         icaltimezone_get_utc_timezone());
}

// A property with TZID=Asia/Shanghai.
icalproperty* zoned(icalproperty* property)
{
    icalproperty_add_parameter(property, icalparameter_new_tzid(kCalendarTimeZone));
    return property;
}

icalcomponent* shanghaiTimeZone()
{
    icalcomponent* zone = icalcomponent_new_vtimezone();
    icalcomponent_add_property(zone, icalproperty_new_tzid(kCalendarTimeZone));
    icalcomponent* standard = icalcomponent_new_xstandard();
    icaltimetype start = icaltime_null_time();
    start.year = 1970;
    start.month = 1;
    start.day = 1;
    icalcomponent_add_property(standard, icalproperty_new_dtstart(start));
    icalcomponent_add_property(standard, icalproperty_new_tzoffsetfrom(kShanghaiOffsetSeconds));
    icalcomponent_add_property(standard, icalproperty_new_tzoffsetto(kShanghaiOffsetSeconds));
    icalcomponent_add_property(standard, icalproperty_new_tzname("CST"));
    icalcomponent_add_component(zone, standard);
    return zone;
}

icalproperty_status statusOf(EventStatus s)
{
    switch (s) {
    case EventStatus::Tentative: return ICAL_STATUS_TENTATIVE;
    case EventStatus::Confirmed: return ICAL_STATUS_CONFIRMED;
    case EventStatus::Cancelled: return ICAL_STATUS_CANCELLED;
    }
    return ICAL_STATUS_TENTATIVE;
}

icalcomponent* eventComponent(const CalendarEvent& e)
{
    icalcomponent* event = icalcomponent_new_vevent();
    icalcomponent_add_property(event, icalproperty_new_uid(e.uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(utcTime(e.stamp)));
    icalcomponent_add_property(event, icalproperty_new_lastmodified(utcTime(e.stamp)));
    icalcomponent_add_property(event, zoned(icalproperty_new_dtstart(localTime(e.start))));
    icalcomponent_add_property(event, icalproperty_new_duration(icaldurationtype_from_int(e.durationMinutes * 60)));
    icalcomponent_add_property(event, icalproperty_new_summary(e.summary.c_str()));
    if (!e.location.empty()) icalcomponent_add_property(event, icalproperty_new_location(e.location.c_str()));
    if (!e.description.empty()) icalcomponent_add_property(event, icalproperty_new_description(e.description.c_str()));
    for (const std::string& c : e.categories)
        icalcomponent_add_property(event, icalproperty_new_categories(c.c_str()));
    icalcomponent_add_property(event, icalproperty_new_status(statusOf(e.status)));
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
    return event;
}

}  // namespace

std::string calendarText(const std::vector<CalendarEvent>& events, const std::string& calendarName)
{
    Component calendar(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Doorstep//Home visits//ZH"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    if (!calendarName.empty()) {
        icalproperty* name = icalproperty_new_x(calendarName.c_str());
        icalproperty_set_x_name(name, "X-WR-CALNAME");
        icalcomponent_add_property(calendar.get(), name);
    }
    icalproperty* zoneName = icalproperty_new_x(kCalendarTimeZone);
    icalproperty_set_x_name(zoneName, "X-WR-TIMEZONE");
    icalcomponent_add_property(calendar.get(), zoneName);
    icalcomponent_add_component(calendar.get(), shanghaiTimeZone());
    for (const CalendarEvent& e : events)
        icalcomponent_add_component(calendar.get(), eventComponent(e));
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string out = text ? text : "";
    std::free(text);  // NOLINT: libical's _r functions hand over malloc'd memory
    return out;
}

Result<void> writeCalendarFile(const std::filesystem::path& target, const std::vector<CalendarEvent>& events,
                               const std::string& calendarName)
{
    return writeFileAtomically(target, calendarText(events, calendarName));
}

}  // namespace doorstep::io
