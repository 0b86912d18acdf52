#include "io/shared/csv_reader.h"

#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <string>
#include <vector>

using namespace doorstep;
using doorstep::test::TempDir;
using io::CsvOptions;
using io::CsvReader;

namespace {

struct Record {
    std::int64_t line = 0;
    std::vector<std::string> fields;
    std::string problem;
    friend bool operator==(const Record&, const Record&) = default;
};

// Every record of the file, or the error that stopped reading (with its line).
struct Read {
    std::vector<Record> records;
    std::optional<Error> error;
    std::int64_t errorLine = 0;
};

Read readAll(const std::filesystem::path& path, CsvOptions options = {})
{
    auto reader = CsvReader::open(path, options);
    REQUIRE(reader);
    Read read;
    while (true) {
        auto more = reader->next();
        if (!more) {
            read.error = more.error();
            read.errorLine = reader->errorLine();
            break;
        }
        if (!*more) break;
        const auto fields = reader->fields();
        read.records.push_back({reader->line(), {fields.begin(), fields.end()}, std::string(reader->problem())});
    }
    return read;
}

Read readText(std::string_view bytes, CsvOptions options = {})
{
    TempDir dir;
    test::writeBytes(dir / "file.csv", bytes);
    return readAll(dir / "file.csv", options);
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_CASE("plain records with LF or CRLF, with or without a final line break", "[csv_reader]")
{
    for (const std::string eol : {"\n", "\r\n"}) {
        const std::string text = "a,b,c" + eol + "1,2,3" + eol + "4,5,6";
        for (const std::string& file : {text, text + eol}) {
            const Read read = readText(file);
            REQUIRE_FALSE(read.error);
            REQUIRE(read.records.size() == 3);
            CHECK(read.records[0] == Record{1, {"a", "b", "c"}, ""});
            CHECK(read.records[1] == Record{2, {"1", "2", "3"}, ""});
            CHECK(read.records[2] == Record{3, {"4", "5", "6"}, ""});
        }
    }
}

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks; lines are counted through them", "[csv_reader]")
{
    const Read read = readText("id,note\r\n"
                               "1,\"Zhang, Wei\"\r\n"
                               "2,\"said \"\"ok\"\"\"\r\n"
                               "3,\"two\r\nlines\nand three\"\r\n"
                               "4,\"\"\r\n"
                               "5,last\r\n");
    REQUIRE_FALSE(read.error);
    REQUIRE(read.records.size() == 6);
    CHECK(read.records[1] == Record{2, {"1", "Zhang, Wei"}, ""});
    CHECK(read.records[2] == Record{3, {"2", "said \"ok\""}, ""});
    CHECK(read.records[3] == Record{4, {"3", "two\r\nlines\nand three"}, ""});
    CHECK(read.records[4] == Record{7, {"4", ""}, ""});
    CHECK(read.records[5] == Record{8, {"5", "last"}, ""});
}

TEST_CASE("empty fields, a trailing comma and an empty line", "[csv_reader]")
{
    const Read read = readText("a,,c,\n\n,\n");
    REQUIRE_FALSE(read.error);
    REQUIRE(read.records.size() == 3);
    CHECK(read.records[0].fields == Fields{"a", "", "c", ""});
    CHECK(read.records[1] == Record{2, {""}, ""});
    CHECK(read.records[2] == Record{3, {"", ""}, ""});
}

TEST_CASE("a lone CR and a quote inside an unquoted field are text", "[csv_reader]")
{
    const Read read = readText("a\rb,5\" screen\n");
    REQUIRE_FALSE(read.error);
    REQUIRE(read.records.size() == 1);
    CHECK(read.records[0].fields == Fields{"a\rb", "5\" screen"});
}

TEST_CASE("text after a closing quote marks the record, and the next record is read as usual", "[csv_reader]")
{
    const Read read = readText("1,\"abc\"def,x\n2,y,z\n");
    REQUIRE_FALSE(read.error);
    REQUIRE(read.records.size() == 2);
    CHECK(formatMessage(read.records[0].problem, {}, Language::English) ==
          "a quoted field has text after its closing quote");
    CHECK(read.records[0].fields == Fields{"1", "abcdef", "x"});
    CHECK(read.records[1] == Record{2, {"2", "y", "z"}, ""});
}

TEST_CASE("a quote never closed is an error on the line where its record starts", "[csv_reader]")
{
    const Read read = readText("a,b\n1,\"open\n2,3\n4,5\n");
    REQUIRE(read.error);
    CHECK(read.error->code == ErrorCode::FileCorrupt);
    CHECK(read.error->message == "a quoted field that starts on this line is never closed");
    CHECK(read.errorLine == 2);
    CHECK(read.records.size() == 1);
}

TEST_CASE("a record longer than the limit is an error, so memory stays bounded", "[csv_reader]")
{
    std::string text = "a,b\n1,\"";
    text.append(5000, 'x');
    text += "\"\n";
    const Read read = readText(text, CsvOptions{.blockSize = 512, .maxRecordBytes = 1024});
    REQUIRE(read.error);
    CHECK(read.error->code == ErrorCode::FileCorrupt);
    CHECK(read.error->message ==
          "the record that starts on this line is longer than 1024 bytes (is a quote left open?)");
    CHECK(read.errorLine == 2);
}

TEST_CASE("any block size gives the same records, even with CRLF and quotes split between blocks", "[csv_reader]")
{
    const std::string text = "\xEF\xBB\xBF"
                             "id,name,note\r\n"
                             "1,\xE7\x8E\x8B\xE7\xA7\x80\xE8\x8B\xB1,\"a, \"\"b\"\"\r\nc\"\r\n"
                             "2,,\"\"\r\n"
                             "\r\n"
                             "3,x,\"\n\n\"\n"
                             "4,y,z";
    const Read expected = readText(text);
    REQUIRE_FALSE(expected.error);
    REQUIRE(expected.records.size() == 6);
    CHECK(expected.records[0].fields == Fields{"id", "name", "note"});  // no BOM in the first name
    CHECK(expected.records[1] == Record{2, {"1", "\xE7\x8E\x8B\xE7\xA7\x80\xE8\x8B\xB1", "a, \"b\"\r\nc"}, ""});
    CHECK(expected.records[4].line == 6);
    CHECK(expected.records[5] == Record{9, {"4", "y", "z"}, ""});
    for (std::size_t block : {1, 2, 3, 5, 8, 13}) {
        CAPTURE(block);
        const Read read = readText(text, CsvOptions{.blockSize = block});
        REQUIRE_FALSE(read.error);
        CHECK(read.records == expected.records);
    }
}

// The extract's control-character check scans a record's text once instead of each field.
TEST_CASE("each record's text is its stretch of the file, at any block size", "[csv_reader]")
{
    const std::string body = "id,name,note\r\n"
                             "1,\xE7\x8E\x8B\xE7\xA7\x80\xE8\x8B\xB1,\"a, \"\"b\"\"\r\nc\"\r\n"
                             "2,,\"\"\r\n"
                             "\r\n"
                             "3,x,\"\n\n\"\n"
                             "4,y,z";
    const std::vector<std::string> expected{
        "id,name,note\r\n", "1,\xE7\x8E\x8B\xE7\xA7\x80\xE8\x8B\xB1,\"a, \"\"b\"\"\r\nc\"\r\n",
        "2,,\"\"\r\n",      "\r\n",
        "3,x,\"\n\n\"\n",   "4,y,z"};
    TempDir dir;
    test::writeBytes(dir / "file.csv", "\xEF\xBB\xBF" + body);  // the BOM belongs to no record
    for (std::size_t block : {1, 2, 3, 5, 8, 13, 4096}) {
        CAPTURE(block);
        auto reader = CsvReader::open(dir / "file.csv", CsvOptions{.blockSize = block});
        REQUIRE(reader);
        std::vector<std::string> texts;
        while (true) {
            auto more = reader->next();
            REQUIRE(more);
            if (!*more) break;
            texts.emplace_back(reader->recordText());
        }
        CHECK(texts == expected);
    }
}

TEST_CASE("a GB18030 file is read as UTF-8", "[csv_reader]")
{
    TempDir dir;
    test::writeBytes(dir / "gb.csv", "name,district\n\xCD\xF5\xD0\xE3\xD3\xA2,\xC6\xD6\xB6\xAB\xD0\xC2\xC7\xF8\n");
    auto reader = CsvReader::open(dir / "gb.csv");
    REQUIRE(reader);
    REQUIRE(reader->next() == true);
    REQUIRE(reader->next() == true);
    CHECK(reader->fields()[0] == "\xE7\x8E\x8B\xE7\xA7\x80\xE8\x8B\xB1");              // 王秀英
    CHECK(reader->fields()[1] == "\xE6\xB5\xA6\xE4\xB8\x9C\xE6\x96\xB0\xE5\x8C\xBA");  // 浦东新区
    CHECK(reader->encoding() == io::Encoding::Gb18030);
    CHECK(reader->next() == false);
    CHECK(reader->bytesRead() == reader->fileSize());
}

TEST_CASE("text not in the encoding stops reading at its line, after the records before it", "[csv_reader]")
{
    const Read read = readText("a,b\n1,2\n3,\"x\ny\xCD\xF5\"\n", CsvOptions{.encoding = io::Encoding::Utf8});
    REQUIRE(read.error);
    CHECK(read.error->code == ErrorCode::FileCorrupt);
    CHECK(read.error->message == "the text is not valid UTF-8 at character 2 of this line");
    CHECK(read.errorLine == 4);
    CHECK(read.records.size() == 2);
}

TEST_CASE("line numbers stay right over thousands of rows and many blocks", "[csv_reader]")
{
    std::string text = "loan_id,seq,note\n";
    std::int64_t line = 2;
    std::vector<std::int64_t> starts;
    for (int i = 0; i < 5000; ++i) {
        starts.push_back(line);
        if (i % 97 == 0) {
            text += "L" + std::to_string(i) + ",1,\"first\nsecond\r\nthird\"\n";
            line += 3;
        } else {
            text += "L" + std::to_string(i) + ",1,plain\n";
            line += 1;
        }
    }
    const Read read = readText(text, CsvOptions{.blockSize = 4096});
    REQUIRE_FALSE(read.error);
    REQUIRE(read.records.size() == 5001);
    for (std::size_t i = 0; i < starts.size(); ++i) {
        if (read.records[i + 1].line != starts[i]) FAIL("record " << i << " is on line " << read.records[i + 1].line);
    }
    CHECK(read.records.back().fields == Fields{"L4999", "1", "plain"});
}

TEST_CASE("a missing file is FileMissing, a folder is FileUnreadable", "[csv_reader]")
{
    TempDir dir;
    const auto missing = CsvReader::open(dir / "nope.csv");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::FileMissing);
    const auto folder = CsvReader::open(dir.path());
    REQUIRE_FALSE(folder);
    CHECK(folder.error().code == ErrorCode::FileUnreadable);
}

TEST_CASE("an empty file has no records", "[csv_reader]")
{
    const Read read = readText("");
    CHECK_FALSE(read.error);
    CHECK(read.records.empty());
}

// Issue 9, item 7: "invalid bytes on line 6 are reported as line 2 without a column".
TEST_CASE("bad bytes are reported at their own line and character, whatever the encoding", "[csv_reader]")
{
    const std::string text = "id,name\nA1,x\nA2,y\nA3,z\nA4,w\nA5,ab\xFF\xFE\nA6,v\n";
    for (const auto encoding : {io::Encoding::Auto, io::Encoding::Utf8, io::Encoding::Gb18030}) {
        for (const std::size_t block : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 20}) {
            INFO("encoding " << io::encodingName(encoding) << ", block " << block);
            const Read read = readText(text, CsvOptions{.encoding = encoding, .blockSize = block});
            REQUIRE(read.error);
            CHECK(read.errorLine == 6);
            CHECK_THAT(read.error->message, Catch::Matchers::EndsWith(" at character 6 of this line"));
            CHECK(read.records.size() == 5);
        }
    }
    // Characters, not bytes: three Chinese characters before the bad byte.
    const Read chinese = readText("名称\n王秀英\xFF\n", CsvOptions{.encoding = io::Encoding::Utf8});
    REQUIRE(chinese.error);
    CHECK(chinese.errorLine == 2);
    CHECK(chinese.error->message == "the text is not valid UTF-8 at character 4 of this line");
}
