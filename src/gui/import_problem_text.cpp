#include "gui/import_problem_text.h"

#include "gui/error_text.h"
#include "gui/qt_text.h"

namespace doorstep::gui {

QString importProblemText(const io::ExtractProblem& p)
{
    return toQString(p.text(uiLanguage()));
}

}  // namespace doorstep::gui
