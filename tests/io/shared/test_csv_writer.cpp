#include "io/shared/csv_writer.h"

#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <array>
#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using doorstep::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("a field is quoted only when it holds a comma, a quote, CR or LF", "[csv_writer]")
{
    const auto field = [](std::string_view text) {
        std::string out;
        io::appendCsvField(out, text);
        return out;
    };
    CHECK(field("plain") == "plain");
    CHECK(field("") == "");
    CHECK(field("王秀英") == "王秀英");  // UTF-8 passes as it is
    CHECK(field("  spaces kept ") == "  spaces kept ");
    CHECK(field("a,b") == "\"a,b\"");
    CHECK(field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(field("\"") == "\"\"\"\"");
    CHECK(field("two\nlines") == "\"two\nlines\"");
    CHECK(field("cr\rhere") == "\"cr\rhere\"");
    CHECK(field("浦东新区张杨路1500号3室, 后门") == "\"浦东新区张杨路1500号3室, 后门\"");
}

// Issue 9, item 4: a loan id =HYPERLINK("http://x","y") and a district =cmd|' /C calc'!A0 were written raw.
TEST_CASE("a field a spreadsheet would run as a formula gets a leading quote; numbers stay numbers", "[csv_writer]")
{
    const auto field = [](std::string_view text) {
        std::string out;
        io::appendCsvField(out, text);
        return out;
    };
    CHECK(field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
    CHECK(field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(field("+1+1") == "'+1+1");
    CHECK(field("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0");
    CHECK(field("@SUM(A1:A9)") == "'@SUM(A1:A9)");
    CHECK(field("\t=1") == "'\t=1");
    CHECK(field("\r=1") == "\"'\r=1\"");
    CHECK(field("-") == "'-");
    CHECK(field("-.5") == "'-.5");
    CHECK(field("-1e5") == "'-1e5");
    // Numbers, negative amounts included, are not text: they stay numbers.
    CHECK(field("-123456") == "-123456");
    CHECK(field("-0.5") == "-0.5");
    CHECK(field("-31.230416") == "-31.230416");
    CHECK(field("42") == "42");
    // Only the first character counts.
    CHECK(field("a=b") == "a=b");
    CHECK(field("L0000123-1") == "L0000123-1");
    CHECK(field("浦东新区=") == "浦东新区=");
}

TEST_CASE("a record joins its fields with commas and ends with CRLF", "[csv_writer]")
{
    const std::array<std::string_view, 4> fields{"L1", "", "a,b", "x\"y"};
    CHECK(io::csvRecord(fields) == "L1,,\"a,b\",\"x\"\"y\"\r\n");
    CHECK(io::csvRecord(std::span<const std::string_view>{}) == "\r\n");
}

TEST_CASE("the writer writes records as given, without a byte-order mark, private to the owner", "[csv_writer]")
{
    TempDir dir;
    const auto path = dir / "loans.csv";
    {
        auto writer = io::CsvWriter::create(path, 16);  // a tiny buffer so records cross flushes
        REQUIRE(writer);
        REQUIRE(writer->write({"loan_id", "name"}));
        REQUIRE(writer->write({"L0000001-1", "王秀英"}));
        REQUIRE(writer->write({"L0000002-1", "comma, inside"}));
        CHECK(writer->records() == 3);
        CHECK(writer->bytesWritten() == 14 + 22 + 28);
        REQUIRE(writer->close());
        CHECK(writer->close());  // twice is fine
    }
    CHECK(test::readBytes(path) == "loan_id,name\r\nL0000001-1,王秀英\r\nL0000002-1,\"comma, inside\"\r\n");
    CHECK(fs::status(path).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("the writer replaces an existing file and flushes when it goes out of scope", "[csv_writer]")
{
    TempDir dir;
    const auto path = dir / "old.csv";
    test::writeBytes(path, "a much longer old content that must disappear\r\n");
    {
        auto writer = io::CsvWriter::create(path);
        REQUIRE(writer);
        REQUIRE(writer->write({"new"}));
        io::CsvWriter moved = std::move(*writer);  // the moved-to writer owns the file
        REQUIRE(moved.write({"row"}));
    }
    CHECK(test::readBytes(path) == "new\r\nrow\r\n");
}

TEST_CASE("the writer reports a file it cannot create or write, naming the file only", "[csv_writer]")
{
    TempDir dir;
    const auto missing = io::CsvWriter::create(dir / "no such folder" / "loans.csv");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::Io);
    CHECK(missing.error().message.find("loans.csv") != std::string::npos);
    CHECK(missing.error().message.find("no such folder") == std::string::npos);

    // /dev/full accepts the open and refuses every write, as a full disk does.
    if (!fs::exists("/dev/full")) SKIP("no /dev/full here");
    auto full = io::CsvWriter::create("/dev/full", 8);
    REQUIRE(full);
    const auto first = full->write({"more than eight bytes"});
    REQUIRE_FALSE(first);
    CHECK(first.error().code == ErrorCode::Io);
    CHECK_FALSE(full->write({"x"}));  // it stays failed
    CHECK_FALSE(full->close());
}
