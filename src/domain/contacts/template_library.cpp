#include "domain/contacts/template_library.h"

#include "domain/shared/resident_id.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace doorstep {
namespace {

constexpr std::size_t kMaxNameChars = 40;
constexpr std::size_t kMaxTextChars = 500;
constexpr std::size_t kMaxPhraseChars = 40;

// Characters as a person counts them: UTF-8 code points.
std::size_t charCount(std::string_view s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u; }));
}

std::string trimmed(std::string_view s)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    // The ideographic space (U+3000) as well.
    while (s.starts_with("\u3000"))
        s.remove_prefix(3);
    while (s.ends_with("\u3000"))
        s.remove_suffix(3);
    return std::string(s);
}

std::string folded(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// The first UTF-8 character of s.
std::string_view firstChar(std::string_view s)
{
    if (s.empty()) return s;
    std::size_t len = 1;
    while (len < s.size() && (static_cast<unsigned char>(s[len]) & 0xC0u) == 0x80u)
        ++len;
    return s.substr(0, len);
}

constexpr std::array<std::string_view, 12> kCompoundSurnames{
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "夏侯",
};

}  // namespace

MessageId templatePurposeName(TemplatePurpose purpose)
{
    switch (purpose) {
    case TemplatePurpose::AppointmentRequest: return MessageId{"template.purpose.appointment_request"};
    case TemplatePurpose::AppointmentReminder: return MessageId{"template.purpose.appointment_reminder"};
    case TemplatePurpose::Callback: return MessageId{"template.purpose.callback"};
    case TemplatePurpose::Other: return MessageId{"template.purpose.other"};
    }
    return MessageId{"template.purpose.other"};
}

MessageId templateAudienceName(TemplateAudience audience)
{
    return MessageId{audience == TemplateAudience::Borrower ? "template.audience.borrower"
                                                            : "template.audience.third_party"};
}

std::vector<LibraryTemplate> defaultMessageTemplates()
{
    // The placeholders by their English keys: the Chinese alias of the officer (催收专员) holds a word a
    // third party may not read, and the review reads the template's own text.
    return {
        {"预约走访", TemplatePurpose::AppointmentRequest, TemplateAudience::Borrower,
         "{customer_name}您好，我是本行网点的{officer}，想与您约一个方便的时间上门拜访，当面了解您的情况。"
         "请您方便时回电 {branch_phone}，谢谢！"},
        {"走访提醒", TemplatePurpose::AppointmentReminder, TemplateAudience::Borrower,
         "{customer_name}您好，温馨提醒：我们约定于 {appointment_date} {appointment_time} 在{appointment_place}"
         "与您见面，届时{officer}与一位同事前往。如需改期，请致电 {branch_phone}，谢谢！"},
        {"请回电", TemplatePurpose::Callback, TemplateAudience::Borrower,
         "{customer_name}您好，我是本行网点的{officer}，刚才致电未能接通，请您方便时回电 {branch_phone}，谢谢！"},
        {"请转告回电", TemplatePurpose::Callback, TemplateAudience::ThirdParty,
         "您好，我是本行网点的{officer}，有事想与{customer_name}联系，烦请转告其方便时回电 {branch_phone}，"
         "谢谢！"},
    };
}

bool audienceAllows(TemplateAudience audience, ContactParty recipient)
{
    return audience == TemplateAudience::ThirdParty || recipient == ContactParty::Borrower;
}

Result<TemplateReview> checkTemplateForSaving(const LibraryTemplate& tpl, std::span<const TonePhrase> phrases)
{
    const std::string name = trimmed(tpl.name);
    if (name.empty()) return fail(ErrorCode::InvalidInput, MessageId{"template.name_missing"});
    if (charCount(name) > kMaxNameChars)
        return fail(ErrorCode::InvalidInput, MessageId{"template.name_too_long"},
                    {MessageArg::number("max", static_cast<std::int64_t>(kMaxNameChars))});
    if (trimmed(tpl.text).empty()) return fail(ErrorCode::InvalidInput, MessageId{"template.text_missing"});
    if (charCount(tpl.text) > kMaxTextChars)
        return fail(ErrorCode::InvalidInput, MessageId{"template.text_too_long"},
                    {MessageArg::number("max", static_cast<std::int64_t>(kMaxTextChars))});
    auto review = reviewTemplate(tpl.text, phrases);
    if (!review) return review;
    if (tpl.audience == TemplateAudience::ThirdParty && !review->debtDetails.empty()) {
        const DisclosureFinding& f = review->debtDetails.front();
        return fail(ErrorCode::InvalidInput,
                    MessageId{f.kind == DisclosureKind::Amount ? "template.amount_in_template"
                                                               : "template.debt_word_in_template"},
                    {MessageArg::text("found", f.found)});
    }
    return review;
}

Result<std::vector<TonePhrase>> checkTonePhrases(std::span<const TonePhrase> phrases)
{
    std::vector<TonePhrase> out;
    std::vector<std::string> seen;
    for (const TonePhrase& p : phrases) {
        std::string text = trimmed(p.text);
        if (text.empty()) return fail(ErrorCode::InvalidInput, MessageId{"tone.phrase_empty"});
        if (charCount(text) > kMaxPhraseChars)
            return fail(ErrorCode::InvalidInput, MessageId{"tone.phrase_too_long"},
                        {MessageArg::text("phrase", text),
                         MessageArg::number("max", static_cast<std::int64_t>(kMaxPhraseChars))});
        std::string key = folded(text);
        if (std::ranges::find(seen, key) != seen.end())
            return fail(ErrorCode::InvalidInput, MessageId{"tone.phrase_twice"}, {MessageArg::text("phrase", text)});
        seen.push_back(std::move(key));
        out.push_back(TonePhrase{std::move(text), p.kind});
    }
    return out;
}

std::string customerSalutation(std::string_view fullName, std::string_view idNumber)
{
    std::string name = trimmed(fullName);
    if (name.empty() || !isValidResidentId(idNumber)) return name;
    if (static_cast<unsigned char>(name.front()) < 0x80) return name;  // a Latin name: as written
    std::string_view surname = firstChar(name);
    for (std::string_view compound : kCompoundSurnames) {
        if (name.starts_with(compound) && name.size() > compound.size()) surname = compound;
    }
    const bool male = (idNumber[16] - '0') % 2 == 1;
    return std::string(surname) + (male ? "先生" : "女士");
}

std::string appointmentPlaceText(PlaceKind place, std::string_view otherAddress)
{
    switch (place) {
    case PlaceKind::Home: return "您家";
    case PlaceKind::Workplace: return "您的工作单位";
    case PlaceKind::Other: return trimmed(otherAddress);
    }
    return trimmed(otherAddress);
}

}  // namespace doorstep
