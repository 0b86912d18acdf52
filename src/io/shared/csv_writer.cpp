#include "io/shared/csv_writer.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>
#include <utility>

namespace doorstep::io {

bool isPlainNumber(std::string_view field)
{
    if (field.starts_with('-')) field.remove_prefix(1);
    const auto dot = field.find('.');
    const std::string_view whole = field.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : field.substr(dot + 1);
    const auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return !whole.empty() && digits(whole) && digits(fraction) && (dot == std::string_view::npos || !fraction.empty());
}

bool needsFormulaGuard(std::string_view field)
{
    if (field.empty()) return false;
    switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return !isPlainNumber(field);
    default: return false;
    }
}

void appendCsvField(std::string& out, std::string_view field)
{
    const bool guard = needsFormulaGuard(field);
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        if (guard) out += '\'';
        out += field;
        return;
    }
    out += '"';
    if (guard) out += '\'';
    for (const char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string csvRecord(std::span<const std::string_view> fields)
{
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        appendCsvField(out, fields[i]);
    }
    out += "\r\n";
    return out;
}

Result<CsvWriter> CsvWriter::create(const std::filesystem::path& path, std::size_t bufferBytes)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(ErrorCode::Io, MessageId{"file.cannot_create"},
                    {MessageArg::text("file", path.filename().string())});
    return CsvWriter(fd, path.filename().string(), bufferBytes);
}

CsvWriter::CsvWriter(int fd, std::string fileName, std::size_t bufferBytes)
    : m_fd(fd), m_fileName(std::move(fileName)), m_bufferBytes(bufferBytes == 0 ? 1 : bufferBytes)
{
    m_buffer.reserve(m_bufferBytes + 4096);
}

CsvWriter::~CsvWriter()
{
    if (m_fd >= 0) (void)close();
}

CsvWriter::CsvWriter(CsvWriter&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_fileName(std::move(other.m_fileName)), m_bufferBytes(other.m_bufferBytes),
      m_buffer(std::move(other.m_buffer)), m_records(other.m_records), m_bytes(other.m_bytes), m_failed(other.m_failed)
{}

CsvWriter& CsvWriter::operator=(CsvWriter&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0) (void)close();
        m_fd = std::exchange(other.m_fd, -1);
        m_fileName = std::move(other.m_fileName);
        m_bufferBytes = other.m_bufferBytes;
        m_buffer = std::move(other.m_buffer);
        m_records = other.m_records;
        m_bytes = other.m_bytes;
        m_failed = other.m_failed;
    }
    return *this;
}

Error CsvWriter::ioError() const
{
    return fail(ErrorCode::Io, MessageId{"file.cannot_write"}, {MessageArg::text("file", m_fileName)}).error();
}

Result<void> CsvWriter::write(std::span<const std::string_view> fields)
{
    if (m_failed || m_fd < 0) return std::unexpected(ioError());
    const std::size_t before = m_buffer.size();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) m_buffer += ',';
        appendCsvField(m_buffer, fields[i]);
    }
    m_buffer += "\r\n";
    m_bytes += m_buffer.size() - before;
    ++m_records;
    if (m_buffer.size() >= m_bufferBytes) return flush();
    return {};
}

Result<void> CsvWriter::flush()
{
    std::string_view rest = m_buffer;
    while (!rest.empty() && !m_failed) {
        const ssize_t n = ::write(m_fd, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            m_failed = true;
            break;
        }
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    m_buffer.clear();
    if (m_failed) return std::unexpected(ioError());
    return {};
}

Result<void> CsvWriter::close()
{
    if (m_fd < 0) return m_failed ? Result<void>(std::unexpected(ioError())) : Result<void>{};
    const Result<void> flushed = flush();
    if (::close(std::exchange(m_fd, -1)) != 0) m_failed = true;
    if (!flushed || m_failed) {
        m_failed = true;
        return std::unexpected(ioError());
    }
    return {};
}

}  // namespace doorstep::io
