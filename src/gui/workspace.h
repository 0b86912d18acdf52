#pragma once
// What every page of the main window works with: the session, the change signals that keep it current,
// and the window's one background job for long work.
#include "app/session.h"
#include "gui/background_job.h"
#include "gui/change_notifier.h"

namespace doorstep::gui {

struct Workspace {
    app::Session& session;
    ChangeNotifier& changes;
    BackgroundJob& job;
};

}  // namespace doorstep::gui
