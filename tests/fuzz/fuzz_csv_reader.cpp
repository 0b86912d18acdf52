// The streaming CSV reader (and the UTF-8/GB18030 decoding under it) on any bytes. The first two bytes
// choose the encoding and the block size, so records and characters are cut at every possible place;
// the rest is the file. Reading must end in records, the end, or an error value, never a crash, and the
// line of an error must lie inside the file.
#include "io/shared/csv_reader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace doorstep;
    if (size < 2) return 0;
    io::CsvOptions options;
    static constexpr io::Encoding kEncodings[] = {io::Encoding::Auto, io::Encoding::Utf8, io::Encoding::Gb18030};
    options.encoding = kEncodings[data[0] % 3];
    options.blockSize = 1 + data[1] % 64;
    options.maxRecordBytes = 256;
    data += 2;
    size -= 2;

    // The reader takes a path: hand it an in-memory file.
    static const int fd = ::memfd_create("fuzz.csv", 0);
    if (fd < 0) std::abort();
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) std::abort();
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    auto reader = io::CsvReader::open(path, options);
    if (!reader) std::abort();
    const auto lines = static_cast<std::int64_t>(std::count(data, data + size, '\n')) + 1;
    std::size_t fieldBytes = 0;
    while (true) {
        const auto next = reader->next();
        if (!next) {
            if (next.error().code != ErrorCode::FileCorrupt) std::abort();
            if (reader->errorLine() < 1 || reader->errorLine() > lines) std::abort();
            break;
        }
        if (!*next) break;
        if (reader->line() < 1 || reader->line() > lines) std::abort();
        for (const std::string& field : reader->fields())
            fieldBytes += field.size();
    }
    // Decoding GB18030 at most doubles the bytes; fields never hold more than the text.
    if (fieldBytes > 2 * size) std::abort();
    return 0;
}
