#pragma once
// Calendar dates in the branch's time zone (Asia/Shanghai); no time of day (DOMAIN.md section 2).
#include "domain/messages/error.h"

#include <chrono>
#include <string>
#include <string_view>

namespace doorstep {

using Date = std::chrono::year_month_day;

// "2026-11-30" only; InvalidInput for anything else or a day that does not exist (2026-02-30).
Result<Date> parseIsoDate(std::string_view text);
std::string formatIsoDate(Date date);

// b - a in days (negative when b is before a).
int daysBetween(Date a, Date b);
Date addDays(Date date, int days);
// Same day n months later, clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28/29).
Date addMonthsClamped(Date date, int months);

}  // namespace doorstep
