#include "domain/contacts/tone_check.h"

#include <algorithm>

namespace doorstep {
namespace {

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool hasLetters(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), isAsciiLetter);
}

}  // namespace

std::size_t findPhrase(std::string_view text, std::string_view phrase, std::size_t from)
{
    if (phrase.empty()) return std::string_view::npos;
    const bool word = hasLetters(phrase);
    for (std::size_t i = from; i + phrase.size() <= text.size(); ++i) {
        bool same = true;
        for (std::size_t k = 0; k < phrase.size() && same; ++k)
            same = word ? lower(text[i + k]) == lower(phrase[k]) : text[i + k] == phrase[k];
        if (!same) continue;
        if (word) {
            const bool letterBefore = i > 0 && isAsciiLetter(text[i - 1]) && isAsciiLetter(phrase.front());
            const std::size_t end = i + phrase.size();
            const bool letterAfter = end < text.size() && isAsciiLetter(text[end]) && isAsciiLetter(phrase.back());
            if (letterBefore || letterAfter) continue;
        }
        return i;
    }
    return std::string_view::npos;
}

MessageId toneKindName(ToneKind kind)
{
    switch (kind) {
    case ToneKind::Threat: return MessageId{"tone.kind.threat"};
    case ToneKind::Shaming: return MessageId{"tone.kind.shaming"};
    case ToneKind::Pressure: return MessageId{"tone.kind.pressure"};
    case ToneKind::Impersonation: return MessageId{"tone.kind.impersonation"};
    }
    return MessageId{"tone.kind.threat"};
}

std::vector<TonePhrase> defaultTonePhrases()
{
    return {
        // Shaming: names for the customer and exposure (GLOSSARY.md "Tone").
        {"老赖", ToneKind::Shaming},
        {"失信", ToneKind::Shaming},
        {"恶意", ToneKind::Shaming},
        {"赖账", ToneKind::Shaming},
        {"骗子", ToneKind::Shaming},
        {"诈骗", ToneKind::Shaming},
        {"不要脸", ToneKind::Shaming},
        {"丢人", ToneKind::Shaming},
        {"曝光", ToneKind::Shaming},
        {"通讯录", ToneKind::Shaming},
        {"通知您的单位", ToneKind::Shaming},
        {"通知你的单位", ToneKind::Shaming},
        {"通知您的家人", ToneKind::Shaming},
        {"通知你的家人", ToneKind::Shaming},
        // Threats.
        {"后果", ToneKind::Threat},
        {"起诉", ToneKind::Threat},
        {"坐牢", ToneKind::Threat},
        {"拘留", ToneKind::Threat},
        {"判刑", ToneKind::Threat},
        {"刑事责任", ToneKind::Threat},
        {"黑名单", ToneKind::Threat},
        {"影响征信", ToneKind::Threat},
        {"上征信", ToneKind::Threat},
        // Pressure.
        {"最后通牒", ToneKind::Pressure},
        {"最后一次机会", ToneKind::Pressure},
        {"限你", ToneKind::Pressure},
        {"否则将", ToneKind::Pressure},
        {"必须今天", ToneKind::Pressure},
        // Pretending to be a court or the police (DOMAIN.md 5).
        {"法院", ToneKind::Impersonation},
        {"传票", ToneKind::Impersonation},
        {"公安", ToneKind::Impersonation},
        {"警察", ToneKind::Impersonation},
        {"律师函", ToneKind::Impersonation},
        // English.
        {"deadbeat", ToneKind::Shaming},
        {"fraudster", ToneKind::Shaming},
        {"cheat", ToneKind::Shaming},
        {"shame", ToneKind::Shaming},
        {"blacklist", ToneKind::Threat},
        {"consequences", ToneKind::Threat},
        {"legal action", ToneKind::Threat},
        {"lawsuit", ToneKind::Threat},
        {"sue", ToneKind::Threat},
        {"arrest", ToneKind::Threat},
        {"jail", ToneKind::Threat},
        {"prison", ToneKind::Threat},
        {"your employer", ToneKind::Shaming},
        {"final warning", ToneKind::Pressure},
        {"last chance", ToneKind::Pressure},
        {"or else", ToneKind::Pressure},
        {"court", ToneKind::Impersonation},
        {"police", ToneKind::Impersonation},
        {"bailiff", ToneKind::Impersonation},
    };
}

std::vector<ToneFinding> checkTone(std::string_view text, std::span<const TonePhrase> phrases)
{
    std::vector<ToneFinding> found;
    for (const TonePhrase& p : phrases) {
        const std::size_t at = findPhrase(text, p.text, 0);
        if (at == std::string_view::npos) continue;
        const bool listed =
            std::any_of(found.begin(), found.end(), [&](const ToneFinding& f) { return f.phrase == p.text; });
        if (!listed) found.push_back(ToneFinding{p.text, p.kind, at});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const ToneFinding& a, const ToneFinding& b) { return a.offset < b.offset; });
    return found;
}

std::string quotedPhrases(std::span<const ToneFinding> findings)
{
    std::string out;
    for (const ToneFinding& f : findings) {
        if (!out.empty()) out += "；";
        out += "“" + f.phrase + "”";
    }
    return out;
}

}  // namespace doorstep
