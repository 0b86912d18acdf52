#include "support/temp_dir.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace doorstep::test {

TempDir::TempDir()
{
    // mkdtemp makes the name unique and the folder private (0700) in one step, so parallel tests never share.
    std::string pattern = (std::filesystem::temp_directory_path() / "doorstep-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
    m_path = pattern;
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

}  // namespace doorstep::test
