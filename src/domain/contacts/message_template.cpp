#include "domain/contacts/message_template.h"

#include <array>
#include <fmt/format.h>

namespace doorstep {
namespace {

struct FieldRow {
    TemplateField field;
    std::string_view key;
    std::string_view alias;
    std::string_view nameId;
};

constexpr std::array<FieldRow, 6> kFields{{
    {TemplateField::CustomerName, "customer_name", "客户称呼", "template.field.customer_name"},
    {TemplateField::AppointmentDate, "appointment_date", "预约日期", "template.field.appointment_date"},
    {TemplateField::AppointmentTime, "appointment_time", "预约时间", "template.field.appointment_time"},
    {TemplateField::AppointmentPlace, "appointment_place", "预约地点", "template.field.appointment_place"},
    {TemplateField::Officer, "officer", "催收专员", "template.field.officer"},
    {TemplateField::BranchPhone, "branch_phone", "网点电话", "template.field.branch_phone"},
}};

const FieldRow& rowOf(TemplateField field)
{
    for (const FieldRow& r : kFields) {
        if (r.field == field) return r;
    }
    return kFields.front();
}

// Words that tell a reader there is a debt (DOMAIN.md 5: a third party must not be told any debt detail).
constexpr std::array<std::string_view, 31> kDebtWords{{
    "欠款",
    "欠费",
    "欠债",
    "拖欠",
    "债务",
    "借款",
    "贷款",
    "逾期",
    "还款",
    "催收",
    "账单",
    "本金",
    "利息",
    "罚息",
    "复利",
    "透支",
    "debt",
    "debts",
    "owe",
    "owes",
    "owed",
    "owing",
    "overdue",
    "loan",
    "loans",
    "arrears",
    "repay",
    "repayment",
    "outstanding balance",
    "collection",
    "collections",
}};

// A code point and where it starts.
struct CodePoint {
    char32_t c;
    std::size_t at;
};

std::vector<CodePoint> decode(std::string_view s)
{
    std::vector<CodePoint> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = len == 1 ? b : b & (0x3Fu >> (len - 1));
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        out.push_back(CodePoint{c, i});
        i += len;
    }
    return out;
}

bool isDigit(char32_t c)
{
    return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}

bool isChineseNumeral(char32_t c)
{
    return std::u32string_view(U"零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟").find(c) !=
           std::u32string_view::npos;
}

bool isAsciiLetter(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

char32_t lower(char32_t c)
{
    return c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c;
}

// Whether the Latin word `word` (lower case) starts at cps[i], not glued to other letters.
bool wordAt(const std::vector<CodePoint>& cps, std::size_t i, std::string_view word)
{
    if (i + word.size() > cps.size()) return false;
    if (i > 0 && isAsciiLetter(cps[i - 1].c)) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (lower(cps[i + k].c) != static_cast<char32_t>(word[k])) return false;
    }
    const std::size_t end = i + word.size();
    return end >= cps.size() || !isAsciiLetter(cps[end].c);
}

std::size_t skipSpaces(const std::vector<CodePoint>& cps, std::size_t i)
{
    while (i < cps.size() && (cps[i].c == U' ' || cps[i].c == U'\u3000'))
        ++i;
    return i;
}

// The end of a number written with digits, thousands separators and a decimal point, starting at i.
std::size_t numberEnd(const std::vector<CodePoint>& cps, std::size_t i)
{
    while (i < cps.size() && (isDigit(cps[i].c) || cps[i].c == U',' || cps[i].c == U'.' || cps[i].c == U'，'))
        ++i;
    // A trailing separator belongs to the sentence: "300 元," / "¥300."
    while (i > 0 && !isDigit(cps[i - 1].c))
        --i;
    return i;
}

// Whether a currency unit follows at i; returns the index after it, or 0.
std::size_t unitEnd(const std::vector<CodePoint>& cps, std::size_t i)
{
    if (i < cps.size() && (cps[i].c == U'元' || cps[i].c == U'块')) return i + 1;
    if (i < cps.size() && cps[i].c == U'万') return i + 1 < cps.size() && cps[i + 1].c == U'元' ? i + 2 : i + 1;
    for (std::string_view w : {"yuan", "rmb", "cny"}) {
        if (wordAt(cps, i, w)) return i + w.size();
    }
    return 0;
}

std::string slice(std::string_view text, const std::vector<CodePoint>& cps, std::size_t from, std::size_t to)
{
    const std::size_t begin = cps[from].at;
    const std::size_t end = to < cps.size() ? cps[to].at : text.size();
    return std::string(text.substr(begin, end - begin));
}

}  // namespace

std::string_view templateFieldKey(TemplateField field)
{
    return rowOf(field).key;
}

std::string_view templateFieldAlias(TemplateField field)
{
    return rowOf(field).alias;
}

MessageId templateFieldName(TemplateField field)
{
    return MessageId{rowOf(field).nameId};
}

std::span<const std::string_view> debtWords()
{
    return kDebtWords;
}

Result<std::vector<TemplatePart>> parseTemplate(std::string_view text)
{
    std::vector<TemplatePart> parts;
    std::string literal;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '{') {
            literal.push_back(text[i]);
            ++i;
            continue;
        }
        const std::size_t close = text.find('}', i);
        const std::size_t nextOpen = text.find('{', i + 1);
        if (close == std::string_view::npos || (nextOpen != std::string_view::npos && nextOpen < close)) {
            return fail(ErrorCode::InvalidInput, MessageId{"template.unclosed_brace"});
        }
        const std::string_view name = text.substr(i + 1, close - i - 1);
        std::optional<TemplateField> field;
        for (const FieldRow& r : kFields) {
            if (name == r.key || name == r.alias) field = r.field;
        }
        if (!field) {
            return fail(ErrorCode::InvalidInput, MessageId{"template.unknown_placeholder"},
                        {MessageArg::text("name", std::string(name))});
        }
        if (!literal.empty()) parts.push_back(TemplatePart{std::move(literal), std::nullopt});
        literal.clear();
        parts.push_back(TemplatePart{{}, field});
        i = close + 1;
    }
    if (!literal.empty()) parts.push_back(TemplatePart{std::move(literal), std::nullopt});
    return parts;
}

std::vector<DisclosureFinding> findDebtDetails(std::string_view text, DisclosureWhere where)
{
    std::vector<DisclosureFinding> found;
    const std::vector<CodePoint> cps = decode(text);
    std::size_t covered = 0;  // code points before this are already part of a finding
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (i < covered) continue;
        const char32_t c = cps[i].c;
        std::size_t end = 0;
        // A currency sign or code before a number: ¥300, ￥1,200.50, RMB 300.
        std::size_t afterSign = 0;
        if (c == U'¥' || c == U'￥') afterSign = i + 1;
        for (std::string_view w : {"rmb", "cny"}) {
            if (wordAt(cps, i, w)) afterSign = i + w.size();
        }
        if (afterSign) {
            const std::size_t digits = skipSpaces(cps, afterSign);
            if (digits < cps.size() && isDigit(cps[digits].c)) end = numberEnd(cps, digits);
        }
        // A number followed by a unit: 300 元, 1,200.50元, 3 万, 5000 yuan.
        if (!end && isDigit(c) && (i == 0 || !isDigit(cps[i - 1].c))) {
            const std::size_t n = numberEnd(cps, i);
            if (const std::size_t u = unitEnd(cps, skipSpaces(cps, n))) end = u;
        }
        // Chinese numerals followed by a unit: 三千元, 五万块.
        if (!end && isChineseNumeral(c) && (i == 0 || !isChineseNumeral(cps[i - 1].c))) {
            std::size_t n = i;
            while (n < cps.size() && isChineseNumeral(cps[n].c))
                ++n;
            if (n < cps.size() && (cps[n].c == U'元' || cps[n].c == U'块')) end = n + 1;
        }
        if (end) {
            found.push_back(DisclosureFinding{where, DisclosureKind::Amount, slice(text, cps, i, end)});
            covered = end;
        }
    }
    for (std::string_view word : kDebtWords) {
        if (findPhrase(text, word) != std::string_view::npos) {
            found.push_back(DisclosureFinding{where, DisclosureKind::DebtWord, std::string(word)});
        }
    }
    return found;
}

Result<TemplateReview> reviewTemplate(std::string_view text, std::span<const TonePhrase> phrases)
{
    auto parts = parseTemplate(text);
    if (!parts) return std::unexpected(parts.error());
    TemplateReview review;
    for (const TemplatePart& p : *parts) {
        if (p.field) review.fields.push_back(*p.field);
    }
    review.tone = checkTone(text, phrases);
    review.debtDetails = findDebtDetails(text, DisclosureWhere::Template);
    return review;
}

std::string formatTemplateDate(Date date)
{
    return fmt::format("{} 月 {} 日", static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

Result<std::string> fillTemplate(const MessageTemplate& tpl, const TemplateValues& values, ContactParty recipient,
                                 std::span<const TonePhrase> phrases)
{
    auto review = reviewTemplate(tpl.text, phrases);
    if (!review) return std::unexpected(review.error());
    if (!review->tone.empty()) {
        return fail(ErrorCode::InvalidInput, MessageId{"template.tone_flagged"},
                    {MessageArg::text("phrases", quotedPhrases(review->tone))});
    }
    const bool borrower = recipient == ContactParty::Borrower;
    if (!borrower && !review->debtDetails.empty()) {
        const DisclosureFinding& f = review->debtDetails.front();
        return fail(ErrorCode::InvalidInput,
                    MessageId{f.kind == DisclosureKind::Amount ? "template.amount_in_template"
                                                               : "template.debt_word_in_template"},
                    {MessageArg::text("found", f.found)});
    }

    const auto parts = parseTemplate(tpl.text);  // reviewTemplate parsed it already: it cannot fail here
    std::string filled;
    for (const TemplatePart& p : *parts) {
        if (!p.field) {
            filled += p.literal;
            continue;
        }
        std::string value;
        switch (*p.field) {
        case TemplateField::CustomerName: value = values.customerName; break;
        case TemplateField::AppointmentDate:
            if (values.appointmentDate) value = formatTemplateDate(*values.appointmentDate);
            break;
        case TemplateField::AppointmentTime:
            if (values.appointmentTime) value = formatClockTime(*values.appointmentTime);
            break;
        case TemplateField::AppointmentPlace: value = values.appointmentPlace; break;
        case TemplateField::Officer: value = values.officer; break;
        case TemplateField::BranchPhone: value = values.branchPhone; break;
        }
        if (value.empty()) {
            return fail(ErrorCode::InvalidInput, MessageId{"template.value_missing"},
                        {MessageArg::ref("field", templateFieldName(*p.field))});
        }
        filled += value;
    }

    // A value may bring in what the template did not; the values are customer data, so the message names
    // only the kind of finding, never the text.
    const std::vector<ToneFinding> filledTone = checkTone(filled, phrases);
    if (!filledTone.empty()) {
        return fail(ErrorCode::InvalidInput, MessageId{"template.tone_flagged_filled_text"},
                    {MessageArg::text("phrases", quotedPhrases(filledTone))});
    }
    if (!borrower) {
        const std::vector<DisclosureFinding> inFilled = findDebtDetails(filled, DisclosureWhere::FilledText);
        if (!inFilled.empty()) {
            return fail(ErrorCode::InvalidInput, MessageId{inFilled.front().kind == DisclosureKind::Amount
                                                               ? "template.amount_in_filled_text"
                                                               : "template.debt_word_in_filled_text"});
        }
    }
    return filled;
}

}  // namespace doorstep
