#include "report/day_sheet.h"

#include "report/pdf_document.h"

namespace doorstep::report {
namespace {

QString words(std::string_view id, const MessageArgs& args, Language language)
{
    return QString::fromStdString(formatMessage(id, args, language)).toHtmlEscaped();
}

QString words(std::string_view id, Language language)
{
    return words(id, {}, language);
}

QString text(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString clock(int minutes)
{
    return QString::fromStdString(formatClockTime(ClockTime{minutes}));
}

QString stopRows(const std::vector<DaySheetStop>& stops, bool withArrival)
{
    QString html;
    int n = 0;
    for (const DaySheetStop& s : stops) {
        ++n;
        html += QStringLiteral("<tr><td align='center'>%1</td><td align='center'>%2</td><td>%3–%4</td>"
                               "<td>%5</td><td>%6</td><td>%7</td><td>%8</td></tr>")
                    .arg(QString::number(n), withArrival ? clock(s.arrival) : QStringLiteral("—"),
                         clock(s.agreed.minutes), clock(s.agreed.minutes + s.durationMinutes), text(s.caseId),
                         text(s.customerName), text(s.place), text(s.maskedPhone));
    }
    return html;
}

QString tableHead(Language language)
{
    QString html = QStringLiteral("<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>");
    for (const char* column :
         {"day_sheet.col.order", "day_sheet.col.arrival", "day_sheet.col.time", "day_sheet.col.case",
          "day_sheet.col.customer", "day_sheet.col.address", "day_sheet.col.phone"})
        html += QStringLiteral("<th>%1</th>").arg(words(column, language));
    return html + QStringLiteral("</tr>");
}

QString sheetHtml(const DaySheet& sheet, Language language)
{
    std::string staff;
    for (const std::string& s : sheet.staff)
        staff += (staff.empty() ? "" : (language == Language::Chinese ? "、" : ", ")) + s;
    QString html = QStringLiteral("<h2 align='center'>%1</h2>").arg(words("day_sheet.title", language));
    html += QStringLiteral("<p>%1<br>%2</p>")
                .arg(words("day_sheet.date", {MessageArg::text("date", formatIsoDate(sheet.date))}, language),
                     words("day_sheet.staff", {MessageArg::text("staff", staff)}, language));
    if (sheet.stops.empty() && sheet.unplaced.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(words("day_sheet.none", language));
    } else {
        html += QStringLiteral("<p>%1</p>")
                    .arg(words("day_sheet.summary",
                               {MessageArg::number("count", static_cast<std::int64_t>(sheet.stops.size())),
                                MessageArg::number("travel", sheet.travelMinutes)},
                               language));
        if (sheet.lateMinutes > 0)
            html += QStringLiteral("<p><b>%1</b></p>")
                        .arg(words("day_sheet.late", {MessageArg::number("late", sheet.lateMinutes)}, language));
        if (!sheet.stops.empty())
            html += tableHead(language) + stopRows(sheet.stops, true) + QStringLiteral("</table>");
        if (!sheet.unplaced.empty()) {
            html += QStringLiteral("<p>%1</p>").arg(words("day_sheet.unplaced", language));
            html += tableHead(language) + stopRows(sheet.unplaced, false) + QStringLiteral("</table>");
        }
    }
    html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                .arg(words("day_sheet.bring", language), words("day_sheet.bring.items", language));
    html += QStringLiteral("<p><small>%1</small></p>")
                .arg(words("day_sheet.printed",
                           {MessageArg::text("date", formatIsoDate(sheet.printedOn)),
                            MessageArg::text("officer", sheet.printedBy)},
                           language));
    return html;
}

constexpr PageSetup kDaySheetPage = PageSetup{.orientation = QPageLayout::Landscape, .marginMillimetres = 12};

}  // namespace

int writeDaySheetPdf(const QString& path, const DaySheet& sheet, Language language)
{
    return writeHtmlPdf(path, sheetHtml(sheet, language),
                        QString::fromStdString(formatMessage("day_sheet.title", {}, language)), kDaySheetPage);
}

std::vector<QImage> renderDaySheetPages(const DaySheet& sheet, Language language, int dotsPerInch)
{
    return renderHtmlPages(sheetHtml(sheet, language), kDaySheetPage, dotsPerInch);
}

}  // namespace doorstep::report
