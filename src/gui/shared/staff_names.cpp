#include "gui/shared/staff_names.h"

#include "gui/shared/qt_text.h"

namespace doorstep::gui {

QString StaffNames::operator()(const std::string& userName) const
{
    const auto it = m_names.find(userName);
    return toQString(it != m_names.end() && !it->second.empty() ? it->second : userName);
}

}  // namespace doorstep::gui
