#include "domain/messages/error.h"

namespace doorstep {

std::string errorMessage(const Error& error, Language language)
{
    return error.id.empty() ? error.message : formatMessage(error.id, error.args, language);
}

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return "invalid-input";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::AlreadyExists: return "already-exists";
    case ErrorCode::WrongCredentials: return "wrong-credentials";
    case ErrorCode::Throttled: return "throttled";
    case ErrorCode::AccountDisabled: return "account-disabled";
    case ErrorCode::PermissionDenied: return "permission-denied";
    case ErrorCode::FileMissing: return "file-missing";
    case ErrorCode::FileUnreadable: return "file-unreadable";
    case ErrorCode::FileCorrupt: return "file-corrupt";
    case ErrorCode::SchemaTooNew: return "schema-too-new";
    case ErrorCode::Conflict: return "conflict";
    case ErrorCode::Io: return "io";
    case ErrorCode::Internal: return "internal";
    }
    return "unknown";
}

}  // namespace doorstep
