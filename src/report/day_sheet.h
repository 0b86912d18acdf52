#pragma once
// The day sheet of home visits (issue 10): what the two staff take with them — the date, who visits, each
// stop in the planned order with the estimated arrival, the agreed time, the customer number, the customer,
// the place and a phone number, and what to bring. In the screen's language. Personal data arrive as the
// caller may show them: names and addresses of the user's own visits, phones masked, never an ID number.
#include "domain/messages/message.h"
#include "domain/shared/calendar.h"
#include "domain/shared/clock_time.h"

#include <QImage>
#include <QString>
#include <string>
#include <vector>

namespace doorstep::report {

struct DaySheetStop {
    int arrival = 0;  // estimated, minutes since midnight
    ClockTime agreed;
    int durationMinutes = 0;
    std::string caseId;
    std::string customerName;
    std::string place;        // the address, or the kind of place when the address is not known
    std::string maskedPhone;  // "138****5678"
};

struct DaySheet {
    Date date{};
    std::vector<std::string> staff;      // display names, the officer first
    std::vector<DaySheetStop> stops;     // in the planned order
    std::vector<DaySheetStop> unplaced;  // visits without a location (arrival unknown)
    int travelMinutes = 0;
    int lateMinutes = 0;
    std::string printedBy;  // a display name
    Date printedOn{};
};

// Writes the sheet to a PDF (A4) at `path`; the number of pages, or 0 when the file cannot be written.
int writeDaySheetPdf(const QString& path, const DaySheet& sheet, Language language);
// The same pages, laid out exactly as in the PDF, as images at `dotsPerInch` (for the tests).
std::vector<QImage> renderDaySheetPages(const DaySheet& sheet, Language language, int dotsPerInch = 72);

}  // namespace doorstep::report
