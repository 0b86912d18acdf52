#pragma once
// Conversions between the core's UTF-8 std::string and QString, in one place.
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

}  // namespace doorstep::gui
