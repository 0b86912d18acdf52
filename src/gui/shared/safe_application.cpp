#include "gui/shared/safe_application.h"

#include "app/shared/busy.h"
#include "app/shared/logging.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"

#include <exception>

namespace doorstep::gui {

SafeApplication::SafeApplication(int& argc, char** argv) : QApplication(argc, argv) {}

bool SafeApplication::notify(QObject* receiver, QEvent* event)
{
    try {
        return QApplication::notify(receiver, event);
    } catch (const std::exception& e) {
        if (const auto busy = app::busyFailure(e)) {  // not a problem of Doorstep's: say so plainly
            app::logger("gui")->warn("database busy: {}", e.what());
            MessageBox::warning(activeWindow(), tr("Database busy"), errorText(*busy));
            return false;
        }
        // what() of our own exceptions never carries personal data (storage formats SQLite's message only).
        app::logger("gui")->error("unexpected failure in an event handler: {}", e.what());
    } catch (...) {
        app::logger("gui")->error("unexpected failure in an event handler (unknown exception)");
    }
    MessageBox::warning(activeWindow(), tr("Unexpected problem"),
                        tr("Doorstep met an unexpected problem and stopped that action. Nothing was lost that was "
                           "already saved. The details are in the log file."));
    return false;
}

}  // namespace doorstep::gui
