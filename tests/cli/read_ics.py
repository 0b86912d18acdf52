"""Reads an .ics file with the independent Python icalendar parser and prints what the C++ test checks, one
record a line, fields separated by tabs (a newline inside a field written as \\n): "version", each time zone
("zone", TZID, its UTC offsets in seconds) and each event ("event", UID, local start, its TZID, the start in
UTC, duration in minutes, status, summary, location, description). Run with Debian's /usr/bin/python3
(package python3-icalendar)."""
import datetime
import sys

import icalendar

with open(sys.argv[1], 'rb') as f:
    calendar = icalendar.Calendar.from_ical(f.read())

def line(*fields):
    print('\t'.join(str(f).replace('\n', '\\n') for f in fields))


line('version', calendar['VERSION'])
for tz in calendar.walk('VTIMEZONE'):
    offsets = [int(sub['TZOFFSETTO'].td.total_seconds()) for sub in tz.subcomponents]
    line('zone', tz['TZID'], *offsets)

for event in calendar.walk('VEVENT'):
    start = event['DTSTART']
    utc = start.dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M') if start.dt.tzinfo else 'floating'
    line('event', event['UID'], start.dt.strftime('%Y-%m-%d %H:%M'), start.params.get('TZID', ''), utc,
         int(event.decoded('DURATION').total_seconds() // 60), event.get('STATUS', ''), event.get('SUMMARY', ''),
         event.get('LOCATION', ''), event.get('DESCRIPTION', ''))
