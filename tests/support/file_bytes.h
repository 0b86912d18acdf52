#pragma once
// Raw file contents, for tests that look at what actually reached the disk.
#include <filesystem>
#include <string>
#include <string_view>

namespace doorstep::test {

// The whole file as bytes; throws std::runtime_error when it cannot be read.
std::string readBytes(const std::filesystem::path& path);
void writeBytes(const std::filesystem::path& path, std::string_view bytes);
bool containsBytes(const std::filesystem::path& path, std::string_view needle);

}  // namespace doorstep::test
