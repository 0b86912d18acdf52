#include "io/portfolio/extract_table.h"

#include "domain/shared/rate.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cstring>
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

MessageArg quoted(std::string name, std::string_view text)
{
    if (quoteValue(text) == "the value") return MessageArg::ref(std::move(name), MessageId{"import.the_value"});
    return MessageArg::ref(std::move(name), "import.quoted", {MessageArg::text("text", std::string(text))});
}

bool isPlainIdentifier(std::string_view text)
{
    const auto alnum = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
    if (text.empty() || text.size() > kMaxIdentifierLength || !alnum(text.front())) return false;
    return std::all_of(text.begin(), text.end(), [&](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}

namespace {

constexpr std::uint64_t kEveryByte = 0x0101'0101'0101'0101;
constexpr std::uint64_t kHighBits = 0x8080'8080'8080'8080;

// Whether some byte of the word is below `bound` (bound <= 0x80). Exact as a yes or no: a borrow can mark a
// byte above a true one, never make a true one up.
constexpr bool hasByteBelow(std::uint64_t word, std::uint64_t bound)
{
    return ((word - kEveryByte * bound) & ~word & kHighBits) != 0;
}
constexpr bool hasByte(std::uint64_t word, std::uint64_t byte)
{
    return hasByteBelow(word ^ (kEveryByte * byte), 1);
}

}  // namespace

std::size_t findControlCharacter(std::string_view text)
{
    // Eight bytes at a time while a word cannot hold the start of one: no byte below 0x20 (tab and line breaks
    // included, which the byte loop then lets pass), no DEL, no C2. About 9.5 million rows pass through here
    // on an import of 100,000 loans; byte by byte it cost 4 % of the import's CPU (docs/benchmarks.md).
    std::size_t i = 0;
    for (; i + sizeof(std::uint64_t) <= text.size(); i += sizeof(std::uint64_t)) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof word);
        if (hasByteBelow(word, 0x20) || hasByte(word, 0x7F) || hasByte(word, 0xC2)) break;
    }
    for (; i < text.size(); ++i) {
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
        problem(m_csv->errorLine(), {}, MessageId{"import.rest_not_read"}, {errorArg("problem", header.error())});
        return false;
    }
    if (!*header) {
        problem(1, {}, MessageId{"import.file_empty"});
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
                problem(1, name, MessageId{"import.header_twice"});
            else
                m_index[c] = i;
        }
    }
    bool usable = true;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].required && m_index[c] == std::string::npos) {
            problem(1, columns[c].name, MessageId{"import.header_missing"});
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
            problem(m_csv->errorLine(), {}, MessageId{"import.rest_not_read"}, {errorArg("problem", more.error())});
            return Next::Broken;
        }
        if (!*more) return Next::End;
        m_line = m_csv->line();
        const auto fields = m_csv->fields();
        if (fields.size() == 1 && fields[0].empty()) continue;  // an empty line
        if (!m_csv->problem().empty()) {
            problem(m_line, {}, MessageId{m_csv->problem()});
            return Next::Malformed;
        }
        if (fields.size() != m_headerSize) {
            problem(m_line, {}, MessageId{"import.field_count"},
                    {MessageArg::text("fields", std::to_string(fields.size())),
                     MessageArg::text("header", std::to_string(m_headerSize))});
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
    // One scan of the whole record finds nothing in nearly every row; only then are the fields looked at one by
    // one, to name the column. (A well-formed record's fields are its text less some quotes, which are no
    // control characters and cannot join two bytes into one.)
    const bool recordClean = findControlCharacter(m_csv->recordText()) == std::string_view::npos;
    for (std::size_t f = 0; !recordClean && f < fields.size(); ++f) {
        const std::size_t at = findControlCharacter(fields[f]);
        if (at == std::string_view::npos) continue;
        const auto code = static_cast<unsigned char>(fields[f][at]) == 0xC2
                              ? static_cast<unsigned char>(fields[f][at + 1])
                              : static_cast<unsigned char>(fields[f][at]);
        problem(m_line, trimmed(m_headerNames[f]), MessageId{"import.control_character"},
                {MessageArg::text("code", fmt::format("{:04X}", code))});
        clean = false;
    }
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        if (!m_columns[c].identifier || m_index[c] == std::string::npos) continue;
        const std::string& value = fields[m_index[c]];
        if (value.empty() || isPlainIdentifier(value)) continue;
        // Quoted only when it is clean: a control character was reported above.
        MessageArg shown = findControlCharacter(value) == std::string_view::npos
                               ? quoted("value", value)
                               : MessageArg::ref("value", MessageId{"import.the_value"});
        problem(m_line, m_columns[c].name, MessageId{"import.not_identifier"},
                {std::move(shown), MessageArg::text("max", std::to_string(kMaxIdentifierLength))});
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

void ExtractTable::problem(std::int64_t line, std::string_view column, MessageId id, MessageArgs args)
{
    if (m_result.problems.size() >= m_maxProblems) {
        m_result.truncated = true;
        return;
    }
    m_result.problems.push_back(extractProblem(std::string(m_file), line, std::string(column), id, std::move(args)));
}

bool ExtractTable::problem(std::size_t column, MessageId id, MessageArgs args)
{
    problem(m_line, m_columns[column].name, id, std::move(args));
    return false;
}

bool ExtractTable::problem(std::size_t column, const Error& reason)
{
    return problem(column, MessageId{reason.id}, reason.args);
}

bool ExtractTable::filled(std::size_t column)
{
    if (!text(column).empty()) return true;
    return m_columns[column].required ? problem(column, MessageId{"import.empty"}) : false;
}

bool ExtractTable::amount(std::size_t column, Sign sign, Money& out)
{
    const std::string& value = text(column);
    out = Money{};
    if (value.empty()) return !m_columns[column].required || filled(column);
    const auto parsed = parseYuan(value);
    if (!parsed)
        return problem(column, MessageId{"import.value_problem"},
                       {quoted("value", value), errorArg("problem", parsed.error())});
    if (sign == Sign::Positive && !parsed->isPositive())
        return problem(column, MessageId{"import.not_positive"}, {quoted("value", value)});
    if (sign == Sign::NotNegative && parsed->fen < 0)
        return problem(column, MessageId{"import.negative"}, {quoted("value", value)});
    if (parsed->fen > kMaxAmountFen || parsed->fen < -kMaxAmountFen)
        return problem(column, MessageId{"import.amount_too_large"},
                       {quoted("value", value), MessageArg::text("max", "100,000,000.00")});
    out = *parsed;
    return true;
}

bool ExtractTable::date(std::size_t column, Date& out)
{
    if (!filled(column)) return false;
    const auto parsed = parseIsoDate(text(column));
    if (!parsed)
        return problem(column, MessageId{"import.value_problem"},
                       {quoted("value", text(column)), errorArg("problem", parsed.error())});
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
        return problem(column, MessageId{"import.not_date_time"}, {quoted("value", value)});
    const auto parsed = parseIsoDate(std::string_view(value).substr(0, 10));
    if (!parsed)
        return problem(column, MessageId{"import.value_problem"},
                       {quoted("value", value), errorArg("problem", parsed.error())});
    const int hour = twoDigits(11);
    const int minute = twoDigits(14);
    if (hour > 23 || minute > 59) return problem(column, MessageId{"import.not_time"}, {quoted("value", value)});
    date = *parsed;
    minuteOfDay = hour * 60 + minute;
    return true;
}

bool ExtractTable::rate(std::size_t column, AnnualRate& out)
{
    if (!filled(column)) return false;
    const auto parsed = parsePercentRate(text(column));
    if (!parsed)
        return problem(column, MessageId{"import.value_problem"},
                       {quoted("value", text(column)), errorArg("problem", parsed.error())});
    out = *parsed;
    return true;
}

bool ExtractTable::whole(std::size_t column, int min, int max, int& out)
{
    if (!filled(column)) return false;
    const std::string& value = text(column);
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec == std::errc::result_out_of_range)
        return problem(column, MessageId{"import.too_large"}, {quoted("value", value)});
    if (ec != std::errc() || end != value.data() + value.size())
        return problem(column, MessageId{"import.not_whole"}, {quoted("value", value)});
    if (max == INT_MAX && number > max) return problem(column, MessageId{"import.too_large"}, {quoted("value", value)});
    if (min == 0 && max == INT_MAX && number < 0)
        return problem(column, MessageId{"import.negative"}, {quoted("value", value)});
    if (number < min || number > max)
        return problem(column, MessageId{"import.not_between"},
                       {quoted("value", value), MessageArg::text("min", std::to_string(min)),
                        MessageArg::text("max", std::to_string(max))});
    out = static_cast<int>(number);
    return true;
}

bool ExtractTable::degrees(std::size_t column, std::int64_t limit, std::string_view example, std::int64_t& out)
{
    const auto parsed = parseDegreesE6(text(column));
    if (!parsed)
        return problem(column, MessageId{"import.not_degrees"}, {MessageArg::text("example", std::string(example))});
    if (*parsed < -limit * 1'000'000 || *parsed > limit * 1'000'000)
        return problem(column, MessageId{"import.degrees_range"}, {MessageArg::text("limit", std::to_string(limit))});
    out = *parsed;
    return true;
}

}  // namespace doorstep::io::detail
