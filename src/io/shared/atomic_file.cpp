#include "io/shared/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace doorstep::io {
namespace {

bool writeAll(int fd, std::string_view content)
{
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

void syncDirectory(const std::filesystem::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

Result<void> writeFileAtomically(const std::filesystem::path& target, std::string_view content)
{
    const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string pattern = (dir / (target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return fail(ErrorCode::Io, MessageId{"file.create_in_folder"});
    ::fchmod(fd, S_IRUSR | S_IWUSR);
    const bool ok = writeAll(fd, content) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(pattern.c_str(), target.c_str()) != 0) {
        ::unlink(pattern.c_str());
        return fail(ErrorCode::Io, MessageId{"file.write_failed"});
    }
    syncDirectory(dir);
    return {};
}

Result<void> renameDurably(const std::filesystem::path& from, const std::filesystem::path& to)
{
    if (::rename(from.c_str(), to.c_str()) != 0) return fail(ErrorCode::Io, MessageId{"file.write_failed"});
    syncDirectory(to.has_parent_path() ? to.parent_path() : std::filesystem::path("."));
    return {};
}

Result<std::string> readWholeFile(const std::filesystem::path& source)
{
    std::error_code ec;
    if (!std::filesystem::exists(source, ec)) return fail(ErrorCode::FileMissing, MessageId{"file.missing"});
    std::ifstream in(source, std::ios::binary);
    if (!in) return fail(ErrorCode::FileUnreadable, MessageId{"file.unreadable_permissions"});
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return fail(ErrorCode::FileUnreadable, MessageId{"file.unreadable"});
    return std::move(buffer).str();
}

}  // namespace doorstep::io
