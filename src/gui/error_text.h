#pragma once
// Turns the core's errors and role names into sentences in the user's language.
#include "domain/error.h"
#include "domain/role.h"

#include <QString>

namespace doorstep::gui {

QString errorText(const Error& error);
QString roleText(Role role);

}  // namespace doorstep::gui
