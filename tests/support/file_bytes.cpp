#include "support/file_bytes.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace doorstep::test {

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

bool containsBytes(const std::filesystem::path& path, std::string_view needle)
{
    return readBytes(path).find(needle) != std::string::npos;
}

}  // namespace doorstep::test
