#include "gui/shared/staff_names.h"

#include "gui/shared/qt_text.h"

namespace doorstep::gui {

QString StaffNames::operator()(const std::string& userName) const
{
    const auto it = m_names.find(userName);
    return toQString(it != m_names.end() && !it->second.empty() ? it->second : userName);
}

Error StaffNames::named(Error error) const
{
    for (MessageArg& arg : error.args) {
        if (arg.name == "user" && !arg.isRef) arg.value = toStd((*this)(arg.value));
    }
    return error;
}

}  // namespace doorstep::gui
