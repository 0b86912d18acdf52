// The catalogue is complete and well formed: every id used in src/ has a row, every row has both
// languages with the same arguments, and the Chinese follows GLOSSARY.md's typography.
#include "domain/messages/message_catalogue.h"

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace doorstep;

namespace {

std::set<std::string> placeholders(std::string_view text)
{
    std::set<std::string> names;
    const std::string s(text);
    static const std::regex braces(R"(\{([a-z_]+)\})");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), braces); it != std::sregex_iterator(); ++it)
        names.insert((*it)[1]);
    return names;
}

// A code point of the CJK ideographs or full-width punctuation.
bool isChinese(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           c == 0x201C || c == 0x201D;
}

std::u32string decodeUtf8(std::string_view s)
{
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = len == 1 ? b : b & (0x3F >> (len - 1));
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        out.push_back(c);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

}  // namespace

TEST_CASE("every catalogue row has a unique id and both languages with the same arguments", "[message]")
{
    std::set<std::string_view> ids;
    for (const MessageText& m : messageCatalogue()) {
        INFO(m.id);
        CHECK(ids.insert(m.id).second);
        CHECK(std::regex_match(std::string(m.id), std::regex(R"([a-z0-9_]+(\.[a-z0-9_]+)+)")));
        CHECK_FALSE(m.english.empty());
        CHECK_FALSE(m.chinese.empty());
        CHECK(placeholders(m.english) == placeholders(m.chinese));
        CHECK(findMessage(m.id) == &m);
    }
}

TEST_CASE("the Chinese texts use full-width punctuation next to Chinese characters", "[message]")
{
    const std::u32string ascii = U",:;()?!";
    for (const MessageText& m : messageCatalogue()) {
        INFO(m.id);
        const std::u32string t = decodeUtf8(m.chinese);
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (ascii.find(t[i]) == std::u32string::npos) continue;
            const bool chineseBefore = i > 0 && isChinese(t[i - 1]);
            const bool chineseAfter = i + 1 < t.size() && isChinese(t[i + 1]);
            CHECK_FALSE((chineseBefore || chineseAfter));
        }
        // No English sentence in the Chinese column: at least one Chinese character, unless the row only
        // joins its arguments ("{value} {problem}").
        bool anyChinese = false;
        for (char32_t c : t)
            anyChinese = anyChinese || isChinese(c);
        static const std::regex onlyArguments(R"((\{[a-z_]+\} ?)+)");
        CHECK((anyChinese || std::regex_match(std::string(m.chinese), onlyArguments)));
    }
}

TEST_CASE("every message id the code uses has a catalogue row", "[message]")
{
    // MessageId{"…"} literals anywhere under src/.
    static const std::regex use(R"re(MessageId\{"([a-z0-9_.]+)"\})re");
    int uses = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(DOORSTEP_SOURCE_DIR)) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".h") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (auto it = std::sregex_iterator(s.begin(), s.end(), use); it != std::sregex_iterator(); ++it) {
            INFO(entry.path().filename().string() << ": " << (*it)[1]);
            CHECK(findMessage((*it)[1].str()) != nullptr);
            ++uses;
        }
    }
    CHECK(uses > 10);
}

TEST_CASE("no English word reaches the Chinese interface", "[message]")
{
    // Latin words a Chinese text may carry: product and format names, codes people type, placeholders.
    static const std::set<std::string> allowed = {
        "Doorstep",
        "SQLite",
        "SQLCipher",
        "CSV",
        "ID",
        "DPD",
        "M",
        "YYYY",
        "MM",
        "DD",
        "HH",
        "UTF",
        "GB",
        "iconv",
        "X",
        "a",
        "z",
        "ICS",
        "PDF",
        "SMS",
        "DOORSTEP_PASSWORD",
        "U",
        // The extract's own words, written in its files as codes and column names (docs/data-formats.md).
        "manifest",
        "principal_due",
        "latitude",
        "longitude",
        "guarantor",
        "spouse",
        "relative",
        "employer",
        "other",
        "mortgage",
        "consumer",
        "business",
        "credit_card",
        "equal_instalment",
        "equal_principal",
        "interest_only_bullet",
        "call",
        "sms",
        "visit",
        "letter",
        "none",
        "borrower",
        "third_party",
        "no_answer",
        "wrong_number",
        "refused",
        "reached",
        "promise_to_pay",
        "paid",
    };
    // A file name written as the files are named: "loans.csv", "branch.db.keyring".
    static const std::regex fileName(R"([a-z_]+(\.[a-z_]+)*\.(csv|db|keyring|ics|pdf))");
    static const std::regex placeholder(R"(\{[a-z_]+\})");
    static const std::regex word(R"([A-Za-z]+(_[A-Za-z]+)*)");
    int checked = 0;
    for (const MessageText& m : messageCatalogue()) {
        INFO(m.id << ": " << m.chinese);
        std::string text = std::regex_replace(std::string(m.chinese), placeholder, " ");
        text = std::regex_replace(text, fileName, " ");
        for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
            INFO("word: " << it->str());
            CHECK(allowed.contains(it->str()));
        }
        ++checked;
    }
    CHECK(checked > 100);
}

TEST_CASE("the word check itself finds an English word and lets allowed tokens through", "[message]")
{
    // The same rules as above on two texts of our own, so a broken expression cannot pass silently.
    static const std::regex word(R"([A-Za-z]+(_[A-Za-z]+)*)");
    const std::string english = "数据库 is damaged";
    const std::string allowed = "该文件不是 Doorstep 数据库（M3）。";
    CHECK(std::distance(std::sregex_iterator(english.begin(), english.end(), word), std::sregex_iterator()) == 2);
    CHECK(std::distance(std::sregex_iterator(allowed.begin(), allowed.end(), word), std::sregex_iterator()) == 2);
}
