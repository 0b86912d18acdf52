#pragma once
// A fresh folder under the system temporary directory, removed with everything in it on destruction.
#include <filesystem>
#include <string_view>

namespace doorstep::test {

class TempDir final {
public:
    TempDir();  // throws std::runtime_error when the folder cannot be made
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(std::string_view name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

}  // namespace doorstep::test
