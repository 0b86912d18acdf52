#pragma once
// Reads a password from DOORSTEP_PASSWORD (scripts) or from the terminal without echo.
#include "domain/messages/error.h"

#include <string>
#include <string_view>

namespace doorstep::cli {

// `envName` is consulted first; without it the terminal is asked. No terminal and no variable is an error.
Result<std::string> readPassword(std::string_view prompt, const char* envName);
// A new password: from `envName`, or typed twice at the terminal.
Result<std::string> readNewPassword(std::string_view prompt, const char* envName);

}  // namespace doorstep::cli
