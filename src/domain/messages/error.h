#pragma once
// Expected failures are values (ARCHITECTURE.md "Errors"): a stable code for programs and tests,
// and a sentence for people. Messages never contain a personal datum or key material.
#include "domain/messages/message.h"

#include <expected>
#include <string>
#include <utility>

namespace doorstep {

enum class ErrorCode {
    InvalidInput,      // a value a person typed or a file held is not acceptable
    NotFound,          // the thing asked for does not exist
    AlreadyExists,     // a unique thing would be duplicated
    WrongCredentials,  // user name or password not right (never says which)
    Throttled,         // too many failed attempts; wait before the next
    AccountDisabled,   // the account exists but may not log in
    PermissionDenied,  // the current role may not do this
    FileMissing,       // the database or keyring file is not there
    FileUnreadable,    // it is there but cannot be read (permissions, I/O)
    FileCorrupt,       // it is there but is not a valid Doorstep file
    SchemaTooNew,      // written by a newer Doorstep
    Conflict,          // the action contradicts the current state (e.g. last administrator)
    Io,                // a write or sync failed
    Internal,          // a bug or broken environment
};

struct Error {
    ErrorCode code;
    std::string message;  // English: for the log, the CLI and the older fixed sentences
    std::string id{};     // the message id when there is one; people read formatMessage(id, args)
    MessageArgs args{};
};

template <typename T> using Result = std::expected<T, Error>;

// A message id with its arguments; `message` holds the English text.
inline std::unexpected<Error> fail(ErrorCode code, MessageId id, MessageArgs args = {})
{
    std::string english = formatMessage(id.value, args, Language::English);
    return std::unexpected(Error{code, std::move(english), std::string(id.value), std::move(args)});
}

// An error inside another's sentence ("Loans: {reason}"), in the reader's language with its own arguments.
inline MessageArg errorArg(std::string name, const Error& error)
{
    if (error.id.empty()) return MessageArg::text(std::move(name), error.message);
    return MessageArg::ref(std::move(name), error.id, error.args);
}

// What a person reads: the message id in `language` when the error has one, else the English sentence.
std::string errorMessage(const Error& error, Language language);

const char* errorCodeName(ErrorCode code);

}  // namespace doorstep
