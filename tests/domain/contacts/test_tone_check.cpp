#include "domain/contacts/tone_check.h"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

using namespace doorstep;

namespace {

std::vector<std::string> phrasesIn(std::string_view text)
{
    std::vector<std::string> out;
    for (const ToneFinding& f : checkTone(text, defaultTonePhrases()))
        out.push_back(f.phrase);
    return out;
}

}  // namespace

TEST_CASE("tone: the glossary's words are flagged in Chinese", "[tone_check]")
{
    using V = std::vector<std::string>;
    CHECK(phrasesIn("你这个老赖") == V{"老赖"});
    CHECK(phrasesIn("您已被列为失信人员") == V{"失信"});
    CHECK(phrasesIn("恶意拖欠") == V{"恶意"});
    CHECK(phrasesIn("再不还款后果自负") == V{"后果"});
    CHECK(phrasesIn("我们将起诉并通知你的单位") == V{"起诉", "通知你的单位"});
    CHECK(phrasesIn("这是法院传票") == V{"法院", "传票"});
    CHECK(phrasesIn("限你三天内处理，否则将上门") == V{"限你", "否则将"});
    // Each phrase once, with the kind and the offset of its first match.
    const auto f = checkTone("后果，后果", defaultTonePhrases());
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == ToneKind::Threat);
    CHECK(f[0].offset == 0);
    CHECK(quotedPhrases(checkTone("老赖，后果", defaultTonePhrases())) == "“老赖”；“后果”");
}

TEST_CASE("tone: English phrases match as whole words, without case", "[tone_check]")
{
    using V = std::vector<std::string>;
    CHECK(phrasesIn("We will SUE you.") == V{"sue"});
    CHECK(phrasesIn("Pay now or else the police will come") == V{"or else", "police"});
    CHECK(phrasesIn("This is your Final Warning") == V{"final warning"});
    CHECK(phrasesIn("You deadbeat!") == V{"deadbeat"});
    CHECK(phrasesIn("Face the consequences") == V{"consequences"});
    // No match inside another word: issue, pursue, courteous, courtyard, policeman's is a word of its own.
    CHECK(phrasesIn("If there is an issue we will pursue it courteously in the courtyard").empty());
    CHECK(phrasesIn("a cheater").empty());
}

TEST_CASE("tone: ordinary polite text is not flagged", "[tone_check]")
{
    CHECK(phrasesIn("王先生您好，我是本行催收专员李明。我们想于 11 月 30 日 14:30 到府拜访，了解您的近况，"
                    "如时间不便请致电 0571-87654321 改约。谢谢！")
              .empty());
    CHECK(phrasesIn("尊敬的客户，感谢您的配合。如有任何问题，欢迎随时与我们联系，我们将竭诚为您服务。").empty());
    CHECK(phrasesIn("Dear customer, we would like to visit you on 30 November at 14:30. If the time does not suit "
                    "you, please call the branch to choose another. Thank you for your time.")
              .empty());
}

TEST_CASE("tone: the phrase list is the branch's, not fixed", "[tone_check]")
{
    const std::vector<TonePhrase> mine = {{"立即", ToneKind::Pressure}, {"immediately", ToneKind::Pressure}};
    CHECK(checkTone("请立即回电", mine).size() == 1);
    CHECK(checkTone("Call us IMMEDIATELY", mine).size() == 1);
    CHECK(checkTone("老赖", mine).empty());
    CHECK(checkTone("anything", std::vector<TonePhrase>{{"", ToneKind::Threat}}).empty());
    // Every default phrase is found in a text made of it, and names a kind.
    for (const TonePhrase& p : defaultTonePhrases()) {
        INFO(p.text);
        CHECK(checkTone(" " + p.text + " ", defaultTonePhrases()).size() >= 1);
        CHECK_FALSE(codeOf(kToneKindCodes, p.kind).empty());
    }
    CHECK(toneKindName(ToneKind::Impersonation).value == "tone.kind.impersonation");
}
