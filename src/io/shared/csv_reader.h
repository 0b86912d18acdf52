#pragma once
// A streaming reader of RFC 4180 files (docs/data-formats.md, "The core-banking extract"): fields with a
// comma, quote or line break are quoted with ", a quote inside is doubled, lines end with CRLF or LF.
// It reads the file in blocks, decodes it to UTF-8 on the way (text_encoding.h), and holds one block
// plus the current record, whatever the size of the file.
#include "domain/messages/error.h"
#include "io/shared/text_encoding.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep::io {

struct CsvOptions {
    Encoding encoding = Encoding::Auto;
    std::size_t blockSize = std::size_t{1} << 20;       // bytes read from the file at a time
    std::size_t maxRecordBytes = std::size_t{1} << 20;  // a longer record is an error (a quote left open)
};

class CsvReader final {
public:
    // FileMissing when there is no such file, FileUnreadable when it cannot be opened.
    static Result<CsvReader> open(const std::filesystem::path& path, const CsvOptions& options = {});

    ~CsvReader();
    CsvReader(CsvReader&& other) noexcept;
    CsvReader& operator=(CsvReader&& other) noexcept;
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // Reads the next record: true when one is ready, false at the end of the file. Fails with
    // FileUnreadable when reading fails, and with FileCorrupt (see errorLine()) for text that is not in
    // the encoding, a quote never closed, or a record longer than maxRecordBytes; reading cannot go on.
    // An empty line is a record of one empty field.
    Result<bool> next();

    // The fields of the current record, unquoted. They stay valid until the next call of next().
    std::span<const std::string> fields() const { return {m_fields.data(), m_fieldCount}; }
    // The current record as it stands in the decoded (UTF-8) text, quotes, separators and its line end included;
    // valid until the next call of next(). Every byte of every field is in it: one scan of it answers for all.
    std::string_view recordText() const
    {
        return std::string_view(m_buffer).substr(m_recordBegin, m_recordEnd - m_recordBegin);
    }
    // The physical line (1-based, counting line breaks inside quoted fields too) the record starts on.
    std::int64_t line() const { return m_recordLine; }
    // Empty, or the message id of what is malformed in the current record (it is still returned, parsed as
    // well as it can be).
    std::string_view problem() const { return m_problem; }
    // The line where next() found the FileCorrupt it reported, and for text not in the encoding the
    // character of that line (1-based) where the bad bytes start; 0 for other errors.
    std::int64_t errorLine() const { return m_errorLine; }
    std::int64_t errorColumn() const { return m_errorColumn; }

    std::uint64_t bytesRead() const { return m_bytesRead; }  // of the file, before decoding
    std::uint64_t fileSize() const { return m_fileSize; }
    // The encoding in use: Auto until the file's first non-ASCII byte has decided it.
    Encoding encoding() const { return m_decoder.encoding(); }

private:
    enum class Step { Record, NeedMore, Unclosed };
    CsvReader(int fd, std::uint64_t fileSize, const CsvOptions& options);
    Step parseRecord();
    Result<void> fill();
    std::string& field(std::size_t index);

    int m_fd = -1;
    std::uint64_t m_fileSize = 0;
    std::uint64_t m_bytesRead = 0;
    CsvOptions m_options;
    TextDecoder m_decoder;
    std::string m_raw;     // one block as read
    std::string m_buffer;  // decoded text not yet parsed starts at m_pos
    std::size_t m_pos = 0;
    bool m_eof = false;           // the whole file is in m_buffer
    bool m_decodeFailed = false;  // m_buffer ends where the text stopped being valid
    Error m_decodeError{ErrorCode::FileCorrupt, {}};
    std::vector<std::string> m_fields;
    std::size_t m_fieldCount = 0;
    std::int64_t m_nextLine = 1;
    std::int64_t m_recordLine = 0;
    std::size_t m_recordBegin = 0;  // recordText() in m_buffer
    std::size_t m_recordEnd = 0;
    std::int64_t m_errorLine = 0;
    std::int64_t m_errorColumn = 0;
    std::string_view m_problem;
};

}  // namespace doorstep::io
