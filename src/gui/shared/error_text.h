#pragma once
// Turns the core's errors and role names into sentences in the user's language.
#include "domain/messages/error.h"
#include "domain/users/role.h"

#include <QString>

namespace doorstep::gui {

// The interface's language for messages by id: Chinese when the default locale is Chinese.
Language uiLanguage();
// A message id with its arguments in the interface's language (domain/messages/message_catalogue.h).
QString messageText(MessageId id, const MessageArgs& args = {});
// An error for people: by its message id in the interface's language; one without an id (an exception's
// text) by its code when that says enough, else as it is.
QString errorText(const Error& error);
QString roleText(Role role);

}  // namespace doorstep::gui
