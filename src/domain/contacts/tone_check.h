#pragma once
// The tone check (DOMAIN.md section 1, challenge 3.1; GLOSSARY.md "Tone"): wording that threatens, shames,
// pressures or pretends to be a court or the police is flagged, and a flagged message template cannot be
// used until it is changed. Supervisors keep the phrase list; `defaultTonePhrases` is where it starts.
#include "domain/messages/message.h"
#include "domain/shared/code_table.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

enum class ToneKind {
    Threat,         // consequences, lawsuits, arrest
    Shaming,        // names for the customer, exposure to others
    Pressure,       // ultimatums and deadlines
    Impersonation,  // a court, the police, a lawyer's letter
};

inline constexpr CodeTable<ToneKind, 4> kToneKindCodes{{
    {ToneKind::Threat, "threat"},
    {ToneKind::Shaming, "shaming"},
    {ToneKind::Pressure, "pressure"},
    {ToneKind::Impersonation, "impersonation"},
}};

MessageId toneKindName(ToneKind kind);

struct TonePhrase {
    std::string text;  // Chinese: matched as written; English: matched case-insensitively as whole words
    ToneKind kind = ToneKind::Threat;
};

// The list a new branch starts with, Chinese and English.
std::vector<TonePhrase> defaultTonePhrases();

struct ToneFinding {
    std::string phrase;  // the list's phrase that matched
    ToneKind kind;
    std::size_t offset = 0;  // byte offset of the first match in the text
    friend bool operator==(const ToneFinding&, const ToneFinding&) = default;
};

// Every listed phrase found in `text`, once each, in the order of their first match. An English phrase
// matches only at word boundaries ("sue" is not found in "issue"); letters compare without case.
std::vector<ToneFinding> checkTone(std::string_view text, std::span<const TonePhrase> phrases);

// Where `phrase` first occurs in `text` at or after `from` (npos when it does not), by the rule above:
// a phrase with Latin letters matches without case and only where no letter touches it on either side.
std::size_t findPhrase(std::string_view text, std::string_view phrase, std::size_t from = 0);

// The found phrases joined for a message: “老赖”；“后果”.
std::string quotedPhrases(std::span<const ToneFinding> findings);

}  // namespace doorstep
