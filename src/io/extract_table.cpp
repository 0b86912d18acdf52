#include "io/extract_table.h"

#include "domain/rate.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <fmt/core.h>

namespace doorstep::io::detail {
namespace {

// "31.230416", "-0.5": degrees with at most six decimals, as millionths.
std::optional<std::int64_t> parseDegreesE6(std::string_view text)
{
    const bool negative = text.starts_with('-');
    if (negative) text.remove_prefix(1);
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 3 || !allDigits(whole) || !allDigits(fraction) || fraction.size() > 6 ||
        (dot != std::string_view::npos && fraction.empty()))
        return std::nullopt;
    std::int64_t value = 0;
    for (char c : whole)
        value = value * 10 + (c - '0');
    value *= 1'000'000;
    std::int64_t scale = 100'000;
    for (char c : fraction) {
        value += (c - '0') * scale;
        scale /= 10;
    }
    return negative ? -value : value;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

}  // namespace

// Withheld (ARCHITECTURE.md: messages never carry a personal datum) when it is non-ASCII, like a name or
// an address, or holds a run of eight or more digits, like a phone or ID number.
std::string quoteValue(std::string_view text)
{
    bool safe = text.size() <= 40;
    int digits = 0;
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        digits = b >= '0' && b <= '9' ? digits + 1 : 0;
        if (b < 0x20 || b >= 0x7F || digits >= 8) safe = false;
    }
    return safe ? fmt::format("'{}'", text) : std::string("the value");
}

bool isPlainIdentifier(std::string_view text)
{
    const auto alnum = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
    if (text.empty() || text.size() > kMaxIdentifierLength || !alnum(text.front())) return false;
    return std::all_of(text.begin(), text.end(), [&](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}

std::size_t findControlCharacter(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        // Tab and line breaks are text (RFC 4180 allows line breaks in quoted fields, like an address).
        if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return i;
        // U+0080 … U+009F (C1) are C2 80 … C2 9F in UTF-8.
        if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F &&
            static_cast<unsigned char>(text[i + 1]) >= 0x80)
            return i;
    }
    return std::string_view::npos;
}

bool allDigits(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<bool> ExtractTable::open(const std::filesystem::path& folder, std::string_view file,
                                std::span<const Column> columns, Encoding encoding)
{
    m_file = file;
    m_columns = columns;
    m_line = 1;
    auto csv = CsvReader::open(folder / file, CsvOptions{.encoding = encoding});
    if (!csv) return std::unexpected(std::move(csv.error()));
    m_csv.emplace(std::move(*csv));
    auto header = m_csv->next();
    if (!header) {
        if (header.error().code != ErrorCode::FileCorrupt)
            return fail(header.error().code, MessageId{"extract.file_unreadable"},
                        {MessageArg::text("file", std::string(file)), errorArg("reason", header.error())});
        problem(m_csv->errorLine(), {}, header.error().message + "; the rest of this file was not read");
        return false;
    }
    if (!*header) {
        problem(1, {}, "the file is empty; it needs at least its header row");
        return false;
    }
    m_index.assign(columns.size(), std::string::npos);
    const auto names = m_csv->fields();
    m_headerSize = names.size();
    m_headerNames.assign(names.begin(), names.end());
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string name = trimmed(names[i]);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].name != name) continue;
            if (m_index[c] != std::string::npos)
                problem(1, name, "appears more than once in the header");
            else
                m_index[c] = i;
        }
    }
    bool usable = true;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].required && m_index[c] == std::string::npos) {
            problem(1, columns[c].name, "is required but missing from the header");
            usable = false;
        }
    }
    return usable;
}

Result<ExtractTable::Next> ExtractTable::next()
{
    while (true) {
        auto more = m_csv->next();
        if (!more) {
            if (more.error().code != ErrorCode::FileCorrupt)
                return fail(more.error().code, MessageId{"extract.file_unreadable"},
                            {MessageArg::text("file", std::string(m_file)), errorArg("reason", more.error())});
            problem(m_csv->errorLine(), {}, more.error().message + "; the rest of this file was not read");
            return Next::Broken;
        }
        if (!*more) return Next::End;
        m_line = m_csv->line();
        const auto fields = m_csv->fields();
        if (fields.size() == 1 && fields[0].empty()) continue;  // an empty line
        if (!m_csv->problem().empty()) {
            problem(m_line, {}, std::string(m_csv->problem()));
            return Next::Malformed;
        }
        if (fields.size() != m_headerSize) {
            problem(m_line, {}, fmt::format("has {} fields where the header has {}", fields.size(), m_headerSize));
            return Next::Malformed;
        }
        if (!textIsClean()) return Next::Malformed;
        return Next::Row;
    }
}

// Issue 9, item 8: a NUL inside a field was accepted and stored. No text field may hold a control
// character, and ids must be plain identifiers; such a row is reported and goes no further.
bool ExtractTable::textIsClean()
{
    const auto fields = m_csv->fields();
    bool clean = true;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        const std::size_t at = findControlCharacter(fields[f]);
        if (at == std::string_view::npos) continue;
        const auto code = static_cast<unsigned char>(fields[f][at]) == 0xC2
                              ? static_cast<unsigned char>(fields[f][at + 1])
                              : static_cast<unsigned char>(fields[f][at]);
        problem(m_line, trimmed(m_headerNames[f]),
                fmt::format("holds a control character (U+{:04X}); text may not contain control characters", code));
        clean = false;
    }
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        if (!m_columns[c].identifier || m_index[c] == std::string::npos) continue;
        const std::string& value = fields[m_index[c]];
        if (value.empty() || isPlainIdentifier(value)) continue;
        // Quoted only when it is clean: a control character was reported above.
        const std::string shown =
            findControlCharacter(value) == std::string_view::npos ? quoteValue(value) : std::string("the value");
        problem(m_line, m_columns[c].name,
                fmt::format("{} is not a plain identifier (1 to {} letters, digits, '-', '_' or '.', starting with a "
                            "letter or a digit)",
                            shown, kMaxIdentifierLength));
        clean = false;
    }
    return clean;
}

const std::string& ExtractTable::text(std::size_t column) const
{
    static const std::string kEmpty;
    const std::size_t field = m_index[column];
    const auto fields = m_csv->fields();
    return field < fields.size() ? fields[field] : kEmpty;
}

void ExtractTable::problem(std::int64_t line, std::string_view column, std::string message)
{
    if (m_result.problems.size() >= m_maxProblems) {
        m_result.truncated = true;
        return;
    }
    m_result.problems.push_back({std::string(m_file), line, std::string(column), std::move(message)});
}

bool ExtractTable::problem(std::size_t column, std::string message)
{
    problem(m_line, m_columns[column].name, std::move(message));
    return false;
}

bool ExtractTable::filled(std::size_t column)
{
    if (!text(column).empty()) return true;
    return m_columns[column].required ? problem(column, "must not be empty") : false;
}

bool ExtractTable::amount(std::size_t column, Sign sign, Money& out)
{
    const std::string& value = text(column);
    out = Money{};
    if (value.empty()) return !m_columns[column].required || filled(column);
    const auto parsed = parseYuan(value);
    if (!parsed) return problem(column, fmt::format("{} {}", quoteValue(value), parsed.error().message));
    if (sign == Sign::Positive && !parsed->isPositive())
        return problem(column, fmt::format("{} must be more than zero", quoteValue(value)));
    if (sign == Sign::NotNegative && parsed->fen < 0)
        return problem(column, fmt::format("{} must not be negative", quoteValue(value)));
    if (parsed->fen > kMaxAmountFen || parsed->fen < -kMaxAmountFen)
        return problem(column, fmt::format("{} is more than the largest amount accepted, {} yuan", quoteValue(value),
                                           "100,000,000.00"));
    out = *parsed;
    return true;
}

bool ExtractTable::date(std::size_t column, Date& out)
{
    if (!filled(column)) return false;
    const auto parsed = parseIsoDate(text(column));
    if (!parsed) return problem(column, fmt::format("{} {}", quoteValue(text(column)), parsed.error().message));
    out = *parsed;
    return true;
}

bool ExtractTable::dateTime(std::size_t column, Date& date, int& minuteOfDay)
{
    if (!filled(column)) return false;
    const std::string& value = text(column);
    const auto twoDigits = [&](std::size_t at) {
        return value[at] >= '0' && value[at] <= '9' && value[at + 1] >= '0' && value[at + 1] <= '9'
                   ? (value[at] - '0') * 10 + (value[at + 1] - '0')
                   : -1;
    };
    if (value.size() != 16 || value[10] != ' ' || value[13] != ':' || twoDigits(11) < 0 || twoDigits(14) < 0)
        return problem(column,
                       fmt::format("{} is not a date and time in the form YYYY-MM-DD HH:MM", quoteValue(value)));
    const auto parsed = parseIsoDate(std::string_view(value).substr(0, 10));
    if (!parsed) return problem(column, fmt::format("{} {}", quoteValue(value), parsed.error().message));
    const int hour = twoDigits(11);
    const int minute = twoDigits(14);
    if (hour > 23 || minute > 59) return problem(column, fmt::format("{} is not a time of the day", quoteValue(value)));
    date = *parsed;
    minuteOfDay = hour * 60 + minute;
    return true;
}

bool ExtractTable::rate(std::size_t column, AnnualRate& out)
{
    if (!filled(column)) return false;
    const auto parsed = parsePercentRate(text(column));
    if (!parsed) return problem(column, fmt::format("{} {}", quoteValue(text(column)), parsed.error().message));
    out = *parsed;
    return true;
}

bool ExtractTable::whole(std::size_t column, int min, int max, int& out)
{
    if (!filled(column)) return false;
    const std::string& value = text(column);
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec == std::errc::result_out_of_range) return problem(column, fmt::format("{} is too large", quoteValue(value)));
    if (ec != std::errc() || end != value.data() + value.size())
        return problem(column, fmt::format("{} is not a whole number", quoteValue(value)));
    if (max == INT_MAX && number > max) return problem(column, fmt::format("{} is too large", quoteValue(value)));
    if (min == 0 && max == INT_MAX && number < 0)
        return problem(column, fmt::format("{} must not be negative", quoteValue(value)));
    if (number < min || number > max)
        return problem(column, fmt::format("{} is not between {} and {}", quoteValue(value), min, max));
    out = static_cast<int>(number);
    return true;
}

bool ExtractTable::degrees(std::size_t column, std::int64_t limit, std::string_view example, std::int64_t& out)
{
    const auto parsed = parseDegreesE6(text(column));
    if (!parsed)
        return problem(column, fmt::format("is not a number of degrees with at most six decimals (like {})", example));
    if (*parsed < -limit * 1'000'000 || *parsed > limit * 1'000'000)
        return problem(column, fmt::format("is not between -{} and {}", limit, limit));
    out = *parsed;
    return true;
}

}  // namespace doorstep::io::detail
