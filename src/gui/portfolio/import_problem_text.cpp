#include "gui/portfolio/import_problem_text.h"

#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"

namespace doorstep::gui {

QString importProblemText(const io::ExtractProblem& p)
{
    return toQString(p.text(uiLanguage()));
}

}  // namespace doorstep::gui
