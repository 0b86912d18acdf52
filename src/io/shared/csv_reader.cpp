#include "io/shared/csv_reader.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace doorstep::io {
namespace {

// Bytes that end an unquoted field.
constexpr std::array<bool, 256> kSeparators = [] {
    std::array<bool, 256> table{};
    table[static_cast<unsigned char>(',')] = true;
    table[static_cast<unsigned char>('\n')] = true;
    table[static_cast<unsigned char>('\r')] = true;
    return table;
}();

inline bool isSeparator(char c)
{
    return kSeparators[static_cast<unsigned char>(c)];
}

const char* scanUnquoted(const char* p, const char* end)
{
    while (p < end && !isSeparator(*p))
        ++p;
    return p;
}

}  // namespace

Result<CsvReader> CsvReader::open(const std::filesystem::path& path, const CsvOptions& options)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return fail(ErrorCode::FileMissing, MessageId{"csv.no_file"}, {MessageArg::text("path", path.string())});
        return fail(ErrorCode::FileUnreadable, MessageId{"csv.cannot_open"},
                    {MessageArg::text("path", path.string()), MessageArg::text("reason", std::strerror(error))});
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return fail(ErrorCode::FileUnreadable, MessageId{"csv.not_readable"},
                    {MessageArg::text("path", path.string())});
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return CsvReader(fd, static_cast<std::uint64_t>(info.st_size), options);
}

CsvReader::CsvReader(int fd, std::uint64_t fileSize, const CsvOptions& options)
    : m_fd(fd), m_fileSize(fileSize), m_options(options), m_decoder(options.encoding)
{
    m_options.blockSize = std::max<std::size_t>(m_options.blockSize, 1);
    m_options.maxRecordBytes = std::max<std::size_t>(m_options.maxRecordBytes, 1);
}

CsvReader::~CsvReader()
{
    if (m_fd >= 0) ::close(m_fd);
}

CsvReader::CsvReader(CsvReader&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_fileSize(other.m_fileSize), m_bytesRead(other.m_bytesRead),
      m_options(other.m_options), m_decoder(std::move(other.m_decoder)), m_raw(std::move(other.m_raw)),
      m_buffer(std::move(other.m_buffer)), m_pos(other.m_pos), m_eof(other.m_eof), m_decodeFailed(other.m_decodeFailed),
      m_decodeError(std::move(other.m_decodeError)), m_fields(std::move(other.m_fields)),
      m_fieldCount(other.m_fieldCount), m_nextLine(other.m_nextLine), m_recordLine(other.m_recordLine),
      m_errorLine(other.m_errorLine), m_errorColumn(other.m_errorColumn), m_problem(other.m_problem)
{}

CsvReader& CsvReader::operator=(CsvReader&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_fileSize = other.m_fileSize;
        m_bytesRead = other.m_bytesRead;
        m_options = other.m_options;
        m_decoder = std::move(other.m_decoder);
        m_raw = std::move(other.m_raw);
        m_buffer = std::move(other.m_buffer);
        m_pos = other.m_pos;
        m_eof = other.m_eof;
        m_decodeFailed = other.m_decodeFailed;
        m_decodeError = std::move(other.m_decodeError);
        m_fields = std::move(other.m_fields);
        m_fieldCount = other.m_fieldCount;
        m_nextLine = other.m_nextLine;
        m_recordLine = other.m_recordLine;
        m_errorLine = other.m_errorLine;
        m_errorColumn = other.m_errorColumn;
        m_problem = other.m_problem;
    }
    return *this;
}

Result<bool> CsvReader::next()
{
    while (true) {
        if (m_pos < m_buffer.size() || m_eof) {
            if (m_pos == m_buffer.size()) return false;
            switch (parseRecord()) {
            case Step::Record: return true;
            case Step::Unclosed:
                m_errorLine = m_nextLine;
                return fail(ErrorCode::FileCorrupt, MessageId{"csv.quote_not_closed"});
            case Step::NeedMore: break;
            }
        }
        if (m_decodeFailed) {
            // m_buffer ends where the text stopped being valid: the line and character there.
            const std::string_view rest = std::string_view(m_buffer).substr(m_pos);
            m_errorLine = m_nextLine + std::count(rest.begin(), rest.end(), '\n');
            const std::size_t lineStart = rest.rfind('\n') == std::string_view::npos ? 0 : rest.rfind('\n') + 1;
            m_errorColumn = 1 + std::count_if(rest.begin() + static_cast<std::ptrdiff_t>(lineStart), rest.end(),
                                              [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
            return fail(m_decodeError.code, MessageId{"csv.decode_at"},
                        {errorArg("problem", m_decodeError), MessageArg::number("column", m_errorColumn)});
        }
        if (m_buffer.size() - m_pos >= m_options.maxRecordBytes) {
            m_errorLine = m_nextLine;
            return fail(ErrorCode::FileCorrupt, MessageId{"csv.record_too_long"},
                        {MessageArg::text("max", std::to_string(m_options.maxRecordBytes))});
        }
        if (auto filled = fill(); !filled) return std::unexpected(std::move(filled.error()));
    }
}

Result<void> CsvReader::fill()
{
    if (m_pos > 0) {
        m_buffer.erase(0, m_pos);
        m_pos = 0;
    }
    m_raw.resize(m_options.blockSize);
    ssize_t got = 0;
    do {
        got = ::read(m_fd, m_raw.data(), m_raw.size());
    } while (got < 0 && errno == EINTR);
    if (got < 0)
        return fail(ErrorCode::FileUnreadable, MessageId{"csv.read_failed"},
                    {MessageArg::text("reason", std::strerror(errno))});
    m_bytesRead += static_cast<std::uint64_t>(got);
    const Result<void> decoded = got == 0 ? m_decoder.finish(m_buffer)
                                          : m_decoder.decode({m_raw.data(), static_cast<std::size_t>(got)}, m_buffer);
    if (!decoded) {
        if (decoded.error().code == ErrorCode::Internal) return std::unexpected(decoded.error());
        m_decodeFailed = true;
        m_decodeError =
            Error{ErrorCode::FileCorrupt, decoded.error().message, decoded.error().id, decoded.error().args};
    } else if (got == 0) {
        m_eof = true;
    }
    return {};
}

std::string& CsvReader::field(std::size_t index)
{
    if (index == m_fields.size()) m_fields.emplace_back();
    return m_fields[index];
}

// Parses one record from m_pos. NeedMore leaves everything as it was, so the record is parsed again from
// its start once more text is buffered (at most once per block).
CsvReader::Step CsvReader::parseRecord()
{
    const char* const begin = m_buffer.data();
    const char* const end = begin + m_buffer.size();
    const char* p = begin + m_pos;
    const bool eof = m_eof;
    std::size_t count = 0;
    std::int64_t lines = 0;
    m_problem = {};
    while (true) {
        std::string& text = field(count++);
        if (p < end && *p == '"') {
            ++p;
            text.clear();
            while (true) {
                const auto* quote = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
                const char* stop = quote != nullptr ? quote : end;
                lines += std::count(p, stop, '\n');
                text.append(p, stop);
                if (quote == nullptr) return eof ? Step::Unclosed : Step::NeedMore;
                if (quote + 1 == end && !eof) return Step::NeedMore;
                if (quote + 1 < end && quote[1] == '"') {
                    text.push_back('"');
                    p = quote + 2;
                    continue;
                }
                p = quote + 1;
                break;
            }
            if (p < end && !isSeparator(*p)) {
                // Keep what follows up to the next separator, so the next record still starts where it should.
                m_problem = "csv.text_after_quote";
                const char* stop = scanUnquoted(p, end);
                text.append(p, stop);
                p = stop;
            }
        } else {
            // A quote inside an unquoted field is taken as it is.
            const char* stop = scanUnquoted(p, end);
            text.assign(p, stop);
            p = stop;
            // A CR that is not followed by LF is text, not a line end.
            while (p < end && *p == '\r') {
                if (p + 1 == end) {
                    if (!eof) return Step::NeedMore;
                    break;
                }
                if (p[1] == '\n') break;
                stop = scanUnquoted(p + 1, end);
                text.append(p, stop);
                p = stop;
            }
        }
        if (p == end) {
            if (!eof) return Step::NeedMore;
            break;
        }
        if (*p == ',') {
            ++p;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == end && !eof) return Step::NeedMore;
            ++p;
        }
        if (p < end && *p == '\n') {
            ++p;
            ++lines;
        }
        break;
    }
    m_fieldCount = count;
    m_recordBegin = m_pos;
    m_pos = static_cast<std::size_t>(p - begin);
    m_recordEnd = m_pos;
    m_recordLine = m_nextLine;
    m_nextLine += lines;
    return Step::Record;
}

}  // namespace doorstep::io
