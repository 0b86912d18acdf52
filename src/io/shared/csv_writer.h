#pragma once
// Writing RFC 4180 files (docs/data-formats.md, "The core-banking extract"): a field holding a comma, a
// quote, CR or LF is quoted with ", a quote inside is doubled, and every record ends with CRLF. Text is
// written as given (UTF-8, no byte-order mark), except that a field a spreadsheet would run as a formula
// gets a leading ' (appendCsvField). Records go through a buffer, so a file of any size is
// written with constant memory.
#include "domain/messages/error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace doorstep::io {

// Spreadsheet formula injection (issue 9, item 4): Excel and WPS run a cell that starts with =, +, -, @, a
// tab or a CR as a formula (=HYPERLINK(…), =cmd|' /C calc'!A0). Every CSV Doorstep writes goes through
// the functions below, which put a ' before such a field so it is shown as text. A plain decimal number
// (-1234, -0.5) is left as it is: it is a number, not a formula, and must stay one.
bool isPlainNumber(std::string_view field);
bool needsFormulaGuard(std::string_view field);

// Appends one field to `out`, guarded against formulas as above and quoted when RFC 4180 requires it.
void appendCsvField(std::string& out, std::string_view field);

// One record with its CRLF, e.g. for a header row or a test.
std::string csvRecord(std::span<const std::string_view> fields);

class CsvWriter final {
public:
    // Creates the file (or empties an existing one) with mode 0600, as an export may hold personal data.
    // Io with a sentence naming the file when it cannot be created.
    static Result<CsvWriter> create(const std::filesystem::path& path, std::size_t bufferBytes = std::size_t{1} << 20);

    ~CsvWriter();  // closes the file; an unflushed error is lost, so call close() to hear of it
    CsvWriter(CsvWriter&& other) noexcept;
    CsvWriter& operator=(CsvWriter&& other) noexcept;
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    // Appends one record. Io when the buffer had to be written and that failed (the disk is full …);
    // after a failure every later call fails too.
    Result<void> write(std::span<const std::string_view> fields);
    Result<void> write(std::initializer_list<std::string_view> fields)
    {
        return write(std::span<const std::string_view>(fields.begin(), fields.size()));
    }

    // Writes what is buffered and closes the file; Io when any write failed. Safe to call twice.
    Result<void> close();

    std::int64_t records() const { return m_records; }
    std::uint64_t bytesWritten() const { return m_bytes; }  // including what is still in the buffer

private:
    CsvWriter(int fd, std::string fileName, std::size_t bufferBytes);
    Result<void> flush();
    Error ioError() const;

    int m_fd = -1;
    std::string m_fileName;  // for messages: the name only, never the folder
    std::size_t m_bufferBytes = 0;
    std::string m_buffer;
    std::int64_t m_records = 0;
    std::uint64_t m_bytes = 0;
    bool m_failed = false;
};

}  // namespace doorstep::io
