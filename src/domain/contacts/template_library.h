#pragma once
// The branch's message templates and tone phrases as supervisors keep them (issue 10): what each template is
// for, whom it may be sent to, the polite defaults a branch starts with, and the checks a template or a phrase
// list must pass before it is stored. Filling and the tone check itself are message_template.h and tone_check.h.
#include "domain/appointments/appointment.h"
#include "domain/contacts/contact_history.h"
#include "domain/contacts/message_template.h"
#include "domain/contacts/tone_check.h"
#include "domain/messages/error.h"
#include "domain/shared/code_table.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

// Whom a template is written for. A third-party template may hold no amount and no word for the debt.
enum class TemplateAudience { Borrower, ThirdParty };

inline constexpr CodeTable<TemplateAudience, 2> kTemplateAudienceCodes{{
    {TemplateAudience::Borrower, "borrower"},
    {TemplateAudience::ThirdParty, "third_party"},
}};

// What a template is for; tomorrow's reminders use the first usable AppointmentReminder template.
enum class TemplatePurpose { AppointmentRequest, AppointmentReminder, Callback, Other };

inline constexpr CodeTable<TemplatePurpose, 4> kTemplatePurposeCodes{{
    {TemplatePurpose::AppointmentRequest, "appointment_request"},
    {TemplatePurpose::AppointmentReminder, "appointment_reminder"},
    {TemplatePurpose::Callback, "callback"},
    {TemplatePurpose::Other, "other"},
}};

MessageId templatePurposeName(TemplatePurpose purpose);
MessageId templateAudienceName(TemplateAudience audience);

struct LibraryTemplate {
    std::string name;
    TemplatePurpose purpose = TemplatePurpose::Other;
    TemplateAudience audience = TemplateAudience::Borrower;
    std::string text;
};

// The templates a new branch (and an older database on its first open) starts with: polite Chinese, no
// amount, no word for the debt, nothing the default phrase list flags.
std::vector<LibraryTemplate> defaultMessageTemplates();

// Whether a template may be sent to `recipient`: a borrower's template only to the borrower.
bool audienceAllows(TemplateAudience audience, ContactParty recipient);

// Before a template is stored: a name (at most 40 characters), text (at most 500 characters) that parses,
// and for a third-party template no amount and no debt word. A tone finding does not stop storing (the
// template is kept, flagged, and cannot be used until changed); it is for the editor to show.
Result<TemplateReview> checkTemplateForSaving(const LibraryTemplate& tpl, std::span<const TonePhrase> phrases);

// Before a phrase list is stored: every phrase non-empty after trimming, at most 40 characters, no phrase
// twice (English without case). Returns the list trimmed.
Result<std::vector<TonePhrase>> checkTonePhrases(std::span<const TonePhrase> phrases);

// How a message addresses the customer: the surname and 先生 or 女士 from the resident identity number's
// 17th digit (odd: male); the full name when the number does not say. Compound surnames (欧阳, 司马 …) are
// kept whole.
std::string customerSalutation(std::string_view fullName, std::string_view idNumber);

// The place of a visit as a message to the customer names it: 您家, 您的工作单位, or the other address.
std::string appointmentPlaceText(PlaceKind place, std::string_view otherAddress);

}  // namespace doorstep
