#pragma once
// The words of every message id, in English and Chinese. Each feature keeps its rows in a file of its own
// (message_catalogue_<feature>.cpp) and adds one line to the list in message_catalogue.cpp.
#include <span>
#include <string_view>

namespace doorstep {

struct MessageText {
    std::string_view id;       // "feature.what", lower case with dots and underscores
    std::string_view english;  // {name} stands for an argument
    std::string_view chinese;  // the same arguments, full-width punctuation (GLOSSARY.md)
};

// Every row of every feature, in the order of the list; ids are unique (tested).
std::span<const MessageText> messageCatalogue();
const MessageText* findMessage(std::string_view id);

// One function per feature's rows.
std::span<const MessageText> workflowMessages();
std::span<const MessageText> queueMessages();
std::span<const MessageText> planMessages();
std::span<const MessageText> appointmentMessages();
std::span<const MessageText> contactLogMessages();
std::span<const MessageText> assignmentMessages();
std::span<const MessageText> databaseMessages();
std::span<const MessageText> userMessages();
std::span<const MessageText> valueMessages();
std::span<const MessageText> ruleMessages();
std::span<const MessageText> importMessages();
std::span<const MessageText> daySheetMessages();
std::span<const MessageText> templateLibraryMessages();
std::span<const MessageText> visitMessages();

}  // namespace doorstep
