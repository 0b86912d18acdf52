#include "io/shared/atomic_file.h"

#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <catch2/catch_test_macros.hpp>
#include <sys/stat.h>
#include <unistd.h>

using namespace doorstep;
using doorstep::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("an atomic write creates the file with exactly the content, private to the owner", "[atomic_file]")
{
    TempDir dir;
    const auto target = dir / "keyring";
    const std::string content("line one\nbytes \0\xff after a zero\n", 31);
    REQUIRE(io::writeFileAtomically(target, content));
    CHECK(test::readBytes(target) == content);
    // It may hold wrapped key material.
    CHECK(fs::status(target).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("an atomic write replaces the old content and leaves no temporary file", "[atomic_file]")
{
    TempDir dir;
    const auto target = dir / "keyring";
    test::writeBytes(target, "old content that is longer than the new");
    REQUIRE(io::writeFileAtomically(target, "new"));
    CHECK(test::readBytes(target) == "new");
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("an atomic write into a missing folder fails with Io and creates nothing", "[atomic_file]")
{
    TempDir dir;
    const auto r = io::writeFileAtomically(dir / "missing" / "keyring", "x");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Io);
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("when the final rename fails, the write reports Io and removes its temporary file", "[atomic_file]")
{
    TempDir dir;
    // A folder cannot be replaced by a file, so the last step fails after the temporary was written.
    fs::create_directory(dir / "blocker");
    const auto r = io::writeFileAtomically(dir / "blocker", "new");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Io);
    CHECK(fs::is_directory(dir / "blocker"));
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("reading a whole file", "[atomic_file]")
{
    TempDir dir;
    const std::string content("a\0b\r\n", 5);
    test::writeBytes(dir / "f", content);
    const auto read = io::readWholeFile(dir / "f");
    REQUIRE(read);
    CHECK(*read == content);

    test::writeBytes(dir / "empty", "");
    CHECK(io::readWholeFile(dir / "empty").value() == "");

    const auto missing = io::readWholeFile(dir / "nope");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::FileMissing);
}

TEST_CASE("an unreadable file reads as FileUnreadable", "[atomic_file]")
{
    if (::geteuid() == 0) SKIP("root reads every file regardless of its mode");
    TempDir dir;
    test::writeBytes(dir / "locked", "secret");
    fs::permissions(dir / "locked", fs::perms::none);
    const auto r = io::readWholeFile(dir / "locked");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::FileUnreadable);
}
