#include "io/shared/text_encoding.h"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace doorstep;
using io::Encoding;
using io::TextDecoder;

namespace {

// "王秀英,浦东新区" as UTF-8 and as GB18030 (王 is CD F5 in GB18030, E7 8E 8B in UTF-8).
const std::string kUtf8Text = "\xE7\x8E\x8B\xE7\xA7\x80\xE8\x8B\xB1,\xE6\xB5\xA6\xE4\xB8\x9C\xE6\x96\xB0\xE5\x8C\xBA";
const std::string kGbText = "\xCD\xF5\xD0\xE3\xD3\xA2,\xC6\xD6\xB6\xAB\xD0\xC2\xC7\xF8";
// 😀 needs GB18030's four-byte form (94 39 FC 36); € (A2 E3) and é (A8 A6) two bytes.
const std::string kUtf8Rare = "\xF0\x9F\x98\x80\xE2\x82\xAC\xC3\xA9";
const std::string kGbRare = "\x94\x39\xFC\x36\xA2\xE3\xA8\xA6";

// Decodes `bytes` fed in chunks of `chunk` bytes.
Result<std::string> decodeInChunks(Encoding encoding, const std::string& bytes, std::size_t chunk,
                                   Encoding* decided = nullptr)
{
    TextDecoder decoder(encoding);
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += chunk) {
        if (auto r = decoder.decode(std::string_view(bytes).substr(i, chunk), out); !r)
            return std::unexpected(r.error());
    }
    if (auto r = decoder.finish(out); !r) return std::unexpected(r.error());
    if (decided != nullptr) *decided = decoder.encoding();
    return out;
}

}  // namespace

TEST_CASE("encoding names read and write as the command line gives them", "[text_encoding]")
{
    CHECK(io::parseEncodingName("utf-8") == Encoding::Utf8);
    CHECK(io::parseEncodingName("UTF8") == Encoding::Utf8);
    CHECK(io::parseEncodingName("GB18030") == Encoding::Gb18030);
    CHECK(io::parseEncodingName("auto") == Encoding::Auto);
    CHECK_FALSE(io::parseEncodingName("gbk").has_value());
    CHECK(io::encodingName(Encoding::Gb18030) == "gb18030");
    CHECK(io::encodingName(Encoding::Utf8) == "utf-8");
}

TEST_CASE("UTF-8 is checked strictly, and a sequence cut by the end is told apart", "[text_encoding]")
{
    CHECK(io::checkUtf8(kUtf8Text).validBytes == kUtf8Text.size());
    CHECK(io::checkUtf8(kUtf8Rare).validBytes == kUtf8Rare.size());
    CHECK(io::checkUtf8("plain ascii").validBytes == 11);
    const auto cut = io::checkUtf8("ab\xE7\x8E");
    CHECK(cut.validBytes == 2);
    CHECK(cut.cutOff);
    const auto gb = io::checkUtf8("ab" + kGbText);
    CHECK(gb.validBytes == 2);
    CHECK_FALSE(gb.cutOff);
    CHECK(io::checkUtf8("\xC0\x80").validBytes == 0);          // overlong
    CHECK(io::checkUtf8("\xE0\x80\xAF").validBytes == 0);      // overlong
    CHECK(io::checkUtf8("\xED\xA0\x80").validBytes == 0);      // a surrogate
    CHECK(io::checkUtf8("\xF4\x90\x80\x80").validBytes == 0);  // above U+10FFFF
    CHECK_FALSE(io::checkUtf8("\xFF").cutOff);
}

TEST_CASE("detection: a BOM or valid UTF-8 means UTF-8, anything else GB18030", "[text_encoding]")
{
    CHECK(io::detectEncoding("loan_id,seq\n", true) == Encoding::Utf8);
    CHECK(io::detectEncoding(kUtf8Text, true) == Encoding::Utf8);
    CHECK(io::detectEncoding("\xEF\xBB\xBF" + kGbText, true) == Encoding::Utf8);
    CHECK(io::detectEncoding(kGbText, true) == Encoding::Gb18030);
    CHECK(io::detectEncoding(kGbRare, true) == Encoding::Gb18030);
    // A UTF-8 character cut at the end of a sample counts for UTF-8 only when more text follows.
    CHECK(io::detectEncoding("ab\xE7\x8E", false) == Encoding::Utf8);
    CHECK(io::detectEncoding("ab\xE7\x8E", true) == Encoding::Gb18030);
}

TEST_CASE("UTF-8 passes through whole, without its BOM, however it is cut into chunks", "[text_encoding]")
{
    const std::string bytes = "\xEF\xBB\xBF"
                              "name,district\n" +
                              kUtf8Text + "\n" + kUtf8Rare;
    const std::string expected = "name,district\n" + kUtf8Text + "\n" + kUtf8Rare;
    for (std::size_t chunk : {1, 2, 3, 5, 1000}) {
        CAPTURE(chunk);
        Encoding decided = Encoding::Auto;
        CHECK(decodeInChunks(Encoding::Auto, bytes, chunk, &decided) == expected);
        CHECK(decided == Encoding::Utf8);
        CHECK(decodeInChunks(Encoding::Utf8, bytes, chunk) == expected);
    }
}

TEST_CASE("GB18030 becomes UTF-8, with characters split across chunks put back together", "[text_encoding]")
{
    const std::string bytes = "name,district\n" + kGbText + "\n" + kGbRare + "\n";
    const std::string expected = "name,district\n" + kUtf8Text + "\n" + kUtf8Rare + "\n";
    for (std::size_t chunk : {1, 2, 3, 4, 7, 1000}) {
        CAPTURE(chunk);
        Encoding decided = Encoding::Auto;
        CHECK(decodeInChunks(Encoding::Auto, bytes, chunk, &decided) == expected);
        CHECK(decided == Encoding::Gb18030);
        CHECK(decodeInChunks(Encoding::Gb18030, bytes, chunk) == expected);
    }
    // GB18030's own byte-order mark is dropped too.
    CHECK(decodeInChunks(Encoding::Gb18030, "\x84\x31\x95\x33" + kGbText, 2) == kUtf8Text);
}

TEST_CASE("Auto decides at the first non-ASCII byte, from a window of text there", "[text_encoding]")
{
    TextDecoder decoder(Encoding::Auto);
    std::string out;
    REQUIRE(decoder.decode("loan_id,seq\n", out));
    CHECK(out == "loan_id,seq\n");
    CHECK(decoder.encoding() == Encoding::Auto);  // ASCII reads the same either way
    REQUIRE(decoder.decode(kGbText, out));
    CHECK(out == "loan_id,seq\n");  // waiting for a window large enough to judge
    const std::string more(TextDecoder::kDetectionWindow, 'x');
    REQUIRE(decoder.decode(more, out));
    CHECK(decoder.encoding() == Encoding::Gb18030);
    CHECK(out == "loan_id,seq\n" + kUtf8Text + more);
    REQUIRE(decoder.finish(out));
}

TEST_CASE("bytes that are not valid in the encoding stop decoding after the text before them", "[text_encoding]")
{
    TextDecoder utf8(Encoding::Utf8);
    std::string out;
    const auto r = utf8.decode("a,b\nc," + kGbText, out);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::InvalidInput);
    CHECK(r.error().message == "the text is not valid UTF-8");
    CHECK(out == "a,b\nc,");
    CHECK_FALSE(utf8.decode("more", out));  // spent

    TextDecoder gb(Encoding::Gb18030);
    out.clear();
    const auto bad = gb.decode("ok\n\x80", out);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "the text is not valid GB18030");
    CHECK(out == "ok\n");

    // Neither valid UTF-8 nor GB18030: a lone lead byte followed by a control character.
    CHECK_FALSE(decodeInChunks(Encoding::Auto, "x\xCD\x01", 10));
}

TEST_CASE("text that ends inside a character is an error at the end", "[text_encoding]")
{
    CHECK(decodeInChunks(Encoding::Utf8, "ab\xE7\x8E", 1).error().message == "the text is not valid UTF-8");
    CHECK(decodeInChunks(Encoding::Gb18030, "ab\xCD", 1).error().message == "the text is not valid GB18030");
    CHECK(decodeInChunks(Encoding::Gb18030, "ab\x94\x39\xFC", 2).error().message == "the text is not valid GB18030");
    // A lone start of a BOM is text like any other.
    CHECK(decodeInChunks(Encoding::Utf8, "\xEF\xBB", 1).error().message == "the text is not valid UTF-8");
}

// Issue 9, item 6: a UTF-8 file with one GBK-encoded name was read whole as GB18030.
TEST_CASE("text that is mostly UTF-8 is UTF-8 even with a stray GBK name; GBK text stays GB18030", "[text_encoding]")
{
    const std::string utf8 = "王秀英,浦东新区\n李强,徐汇区\n张伟,浦东新区\n";
    const std::string gbkName = "\xCD\xF5\xCE\xB0";  // 王伟
    CHECK(io::detectEncoding(utf8 + gbkName + ",徐汇区\n", true) == Encoding::Utf8);
    CHECK(io::detectEncoding(gbkName + "," + utf8, true) == Encoding::Utf8);
    // GBK text: 王秀英,浦东新区 / 李强,徐汇区
    const std::string gbk = "\xCD\xF5\xD0\xE3\xD3\xA2,\xC6\xD6\xB6\xAB\xD0\xC2\xC7\xF8\n\xC0\xEE\xC7\xBF,"
                            "\xD0\xEC\xBB\xE3\xC7\xF8\n";
    CHECK(io::detectEncoding(gbk, true) == Encoding::Gb18030);
    CHECK(io::detectEncoding(gbk + gbk + gbk, false) == Encoding::Gb18030);
}
