#include "domain/calendar.h"

#include <charconv>
#include <fmt/core.h>

namespace doorstep {

Result<Date> parseIsoDate(std::string_view text)
{
    const auto number = [&](std::size_t pos, std::size_t len, int& out) {
        const char* begin = text.data() + pos;
        // from_chars would take a minus sign, so "-001-01-01" would be year -1.
        if (*begin < '0' || *begin > '9') return false;
        const auto [ptr, ec] = std::from_chars(begin, begin + len, out);
        return ec == std::errc() && ptr == begin + len;
    };
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !number(0, 4, y) || !number(5, 2, m) ||
        !number(8, 2, d))
        return fail(ErrorCode::InvalidInput, "is not a date in the form YYYY-MM-DD");
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return fail(ErrorCode::InvalidInput, "is not a day of the calendar");
    return date;
}

std::string formatIsoDate(Date date)
{
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
}

int daysBetween(Date a, Date b)
{
    return static_cast<int>((std::chrono::sys_days{b} - std::chrono::sys_days{a}).count());
}

Date addDays(Date date, int days)
{
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

Date addMonthsClamped(Date date, int months)
{
    const std::chrono::year_month ym = std::chrono::year_month{date.year(), date.month()} + std::chrono::months{months};
    const std::chrono::day last =
        std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
    return Date{ym.year(), ym.month(), date.day() > last ? last : date.day()};
}

}  // namespace doorstep
