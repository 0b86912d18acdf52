#pragma once
// doorstep-cli demo activity --db FILE --user NAME [--seed S] [--days N]: synthetic contacts and appointments
// through the app's use cases (app/demo/demo_activity.h). NAME is an administrator (officers are added when there
// are fewer than four); the demo staff act with the demo passwords.
#include "app/users/session.h"

#include <map>
#include <string>

namespace doorstep::cli {

int runDemoActivityCommand(app::Session& session, const std::map<std::string, std::string>& options);

}  // namespace doorstep::cli
