#pragma once
// Conversions between the core's UTF-8 std::string and QString, in one place.
#include "domain/shared/clock_time.h"

#include <QString>
#include <string>
#include <string_view>

namespace doorstep::gui {

inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
inline std::string toStd(const QString& text)
{
    return text.toStdString();
}
// A stored UTC stamp as the branch reads it: "2026-11-30T02:05:00Z" → "2026-11-30 10:05" (Asia/Shanghai).
inline QString timestampText(std::string_view utc)
{
    return toQString(formatUtcStampLocally(utc));
}

}  // namespace doorstep::gui
