#pragma once
// Internal to extract_reader.cpp: one CSV file of the core-banking extract as a table whose columns are
// found by name in its header, read row by row, with the checks of single values that report a problem
// naming the file, line and column (docs/data-formats.md, "Errors").
#include "domain/shared/calendar.h"
#include "domain/shared/money.h"
#include "io/portfolio/extract_reader.h"
#include "io/shared/csv_reader.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep::io::detail {

struct Column {
    std::string_view name;
    bool required = true;
    bool identifier = false;  // must be a plain identifier (isPlainIdentifier) when given
};

// docs/data-formats.md "Identifiers": 1 to 64 ASCII letters, digits, '-', '_' and '.', starting with a
// letter or a digit. Ids are written into CSV output and messages, so nothing in them may be a formula,
// a quote or a control character (issue 9, item 4).
inline constexpr std::size_t kMaxIdentifierLength = 64;
bool isPlainIdentifier(std::string_view text);
// The largest amount any money column accepts, in fen: 100,000,000.00 yuan. With at most 480 instalments
// a loan and rates below 1000 % a year, no loan's dues, penalty and compound interest can pass 2^63 fen
// for any as-of date from 0000 to 9999 (docs/data-formats.md "Bounds").
inline constexpr std::int64_t kMaxAmountFen = 10'000'000'000;
// The position of the first control character in UTF-8 text (C0 but tab, CR and LF; DEL; C1), or npos.
std::size_t findControlCharacter(std::string_view text);

enum class Sign { Any, NotNegative, Positive };

// The text of a numeric, date, code or id column, quoted so a person can find it; "the value" when it
// looks like a personal datum that a stray comma pushed into the wrong column.
std::string quoteValue(std::string_view text);
// The same as a message argument: the quoted text, or the id of "the value" so it reads in the reader's language.
MessageArg quoted(std::string name, std::string_view text);
bool allDigits(std::string_view text);

class ExtractTable final {
public:
    enum class Next { Row, Malformed, End, Broken };

    // Problems go to result.problems; once it holds maxProblems, the next one sets result.truncated.
    ExtractTable(ExtractResult& result, std::size_t maxProblems) : m_result(result), m_maxProblems(maxProblems) {}

    // Opens the file and reads its header. False when its rows cannot be checked: it is empty, it lacks a
    // required column, or its text is broken; the problems say which. Fails when it cannot be read.
    Result<bool> open(const std::filesystem::path& folder, std::string_view file, std::span<const Column> columns,
                      Encoding encoding);
    void close() { m_csv.reset(); }
    // Row: a row with one field per header column. Malformed: a row whose fields cannot be told apart (the
    // problem is reported; text() still gives what is there). Broken: the rest of the file cannot be read
    // (reported). Fails when reading fails.
    Result<Next> next();

    std::string_view file() const { return m_file; }
    std::int64_t line() const { return m_line; }
    std::uint64_t bytesRead() const { return m_csv ? m_csv->bytesRead() : 0; }
    std::uint64_t fileSize() const { return m_csv ? m_csv->fileSize() : 0; }
    const std::string& text(std::size_t column) const;
    std::string_view name(std::size_t column) const { return m_columns[column].name; }

    void problem(std::int64_t line, std::string_view column, MessageId id, MessageArgs args = {});
    // A problem in the current row; returns false, so a check can end with `return problem(...)`.
    bool problem(std::size_t column, MessageId id, MessageArgs args = {});
    // The value's own error (a resident ID number's), as the problem of the current row's column.
    bool problem(std::size_t column, const Error& reason);

    // Each check returns false after reporting what is wrong. An empty optional column passes (amount()
    // then gives zero), an empty required one is reported.
    bool filled(std::size_t column);
    bool amount(std::size_t column, Sign sign, Money& out);
    bool date(std::size_t column, Date& out);
    // A local date and time "YYYY-MM-DD HH:MM": the day, and the minute of the day (0 … 1439).
    bool dateTime(std::size_t column, Date& date, int& minuteOfDay);
    bool rate(std::size_t column, AnnualRate& out);
    bool whole(std::size_t column, int min, int max, int& out);
    // Degrees of latitude or longitude within ±limit; never quoted, as they locate a home.
    bool degrees(std::size_t column, std::int64_t limit, std::string_view example, std::int64_t& out);
    template <typename E>
    bool code(std::size_t column, std::optional<E> (*parse)(std::string_view), MessageId what, E& out)
    {
        if (!filled(column)) return false;
        const auto parsed = parse(text(column));
        if (!parsed)
            return problem(column, MessageId{"import.not_code"},
                           {quoted("value", text(column)), MessageArg::ref("what", what)});
        out = *parsed;
        return true;
    }

private:
    ExtractResult& m_result;
    std::size_t m_maxProblems;
    std::string_view m_file;
    std::optional<CsvReader> m_csv;
    std::span<const Column> m_columns;
    bool textIsClean();                // no control character anywhere, every identifier plain; else reported
    std::vector<std::size_t> m_index;  // column → field, or npos when the header lacks an optional column
    std::vector<std::string> m_headerNames;
    std::size_t m_headerSize = 0;
    std::int64_t m_line = 0;
};

}  // namespace doorstep::io::detail
