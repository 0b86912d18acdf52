#pragma once
// Message templates for calls and SMS (issue 10): a text with placeholders such as {customer_name} that is
// filled from a value struct. Doorstep does not send messages; it fills the template, the contact is logged,
// and the outbox is exported. Two checks guard every use:
// - the tone check (tone_check.h): a flagged template cannot be used until it is changed;
// - disclosure: a message to anyone but the borrower may not contain an amount or a word for the debt
//   (DOMAIN.md 5: a third party must never be told any debt detail). Both the template and the filled text
//   are checked, because a value may carry what the template does not.
#include "domain/contacts/contact_history.h"
#include "domain/contacts/tone_check.h"
#include "domain/messages/error.h"
#include "domain/shared/calendar.h"
#include "domain/shared/clock_time.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

// The placeholders a template may hold. Each has an English key and a Chinese alias, both accepted:
// {customer_name} or {客户称呼}, {appointment_date} or {预约日期}, {appointment_time} or {预约时间},
// {appointment_place} or {预约地点}, {officer} or {催收专员}, {branch_phone} or {网点电话}.
enum class TemplateField { CustomerName, AppointmentDate, AppointmentTime, AppointmentPlace, Officer, BranchPhone };

std::string_view templateFieldKey(TemplateField field);    // "customer_name"
std::string_view templateFieldAlias(TemplateField field);  // "客户称呼"
MessageId templateFieldName(TemplateField field);          // words for a message: "customer's name"

// What a template is filled from. The customer's display name is how they are addressed ("王先生"), never
// an identity number; there is deliberately no field for an amount.
struct TemplateValues {
    std::string customerName;
    std::optional<Date> appointmentDate;       // written "11 月 30 日"
    std::optional<ClockTime> appointmentTime;  // written "14:30"
    std::string appointmentPlace;
    std::string officer;
    std::string branchPhone;
};

struct MessageTemplate {
    std::string name;  // the supervisors' label for it
    std::string text;
};

// One piece of a parsed template: literal text, or a placeholder.
struct TemplatePart {
    std::string literal;
    std::optional<TemplateField> field;
};

// The template split into parts; InvalidInput for an unknown placeholder (naming it) or an unclosed brace.
Result<std::vector<TemplatePart>> parseTemplate(std::string_view text);

// Where a debt detail was found, and what it was.
enum class DisclosureWhere { Template, FilledText };
enum class DisclosureKind { Amount, DebtWord };
struct DisclosureFinding {
    DisclosureWhere where;
    DisclosureKind kind;
    std::string found;  // the debt word from the list, or the amount as written
    friend bool operator==(const DisclosureFinding&, const DisclosureFinding&) = default;
};

// The words for a debt a non-borrower may not read (Chinese and English; English without case, whole words).
std::span<const std::string_view> debtWords();

// Amounts ("5,000 元", "¥1,234.56", "RMB 300", "三千元") and debt words in `text`. Dates, times, house numbers
// and phone numbers are not amounts: only a number with a currency sign or unit counts.
std::vector<DisclosureFinding> findDebtDetails(std::string_view text, DisclosureWhere where);

// What a supervisor's editor shows for a template: the placeholders it uses, its tone findings, and the debt
// details that would stop its use for anyone but the borrower.
struct TemplateReview {
    std::vector<TemplateField> fields;
    std::vector<ToneFinding> tone;
    std::vector<DisclosureFinding> debtDetails;
    bool usable() const { return tone.empty(); }
    bool usableForNonBorrower() const { return tone.empty() && debtDetails.empty(); }
};
Result<TemplateReview> reviewTemplate(std::string_view text, std::span<const TonePhrase> phrases);

// The filled text for `recipient`, or an Error: the template's tone is flagged (naming the phrases), a
// placeholder has no value (naming the field), or — for anyone but the borrower — the template or the
// filled text holds an amount or a debt word (saying which, and where).
Result<std::string> fillTemplate(const MessageTemplate& tpl, const TemplateValues& values, ContactParty recipient,
                                 std::span<const TonePhrase> phrases);

// "11 月 30 日", the way a template writes an appointment date.
std::string formatTemplateDate(Date date);

}  // namespace doorstep
