#pragma once
// What every page of the main window works with: the session, the change signals that keep it current,
// and the window's one background job for long work.
#include "app/users/session.h"
#include "gui/shared/background_job.h"
#include "gui/shared/change_notifier.h"

namespace doorstep::gui {

struct Workspace {
    app::Session& session;
    ChangeNotifier& changes;
    BackgroundJob& job;
};

}  // namespace doorstep::gui
