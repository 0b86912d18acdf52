#pragma once
// Writes a whole file so that a crash leaves either the old or the new content, never a mix:
// write a temporary file beside it, fsync it, rename it over the target, fsync the folder.
#include "domain/messages/error.h"

#include <filesystem>
#include <string_view>

namespace doorstep::io {

// The file is created with mode 0600: it may hold wrapped key material.
Result<void> writeFileAtomically(const std::filesystem::path& target, std::string_view content);

// Renames a file written with writeFileAtomically into its place and syncs the folder, so the rename
// survives a power cut.
Result<void> renameDurably(const std::filesystem::path& from, const std::filesystem::path& to);

// Reads a whole (small) file; FileMissing / FileUnreadable on failure.
Result<std::string> readWholeFile(const std::filesystem::path& source);

}  // namespace doorstep::io
