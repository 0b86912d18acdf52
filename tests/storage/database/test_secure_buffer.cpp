#include "storage/database/secure_buffer.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <utility>

using doorstep::storage::SecureBuffer;

TEST_CASE("a new secure buffer is zero-filled", "[secure_buffer]")
{
    const SecureBuffer b(32);
    REQUIRE(b.size() == 32);
    CHECK(std::ranges::all_of(b.bytes(), [](unsigned char c) { return c == 0; }));
    CHECK(SecureBuffer().empty());
    CHECK(SecureBuffer(0).data() == nullptr);
}

TEST_CASE("copies hold the same bytes and compare equal", "[secure_buffer]")
{
    const SecureBuffer a = SecureBuffer::copyOf(std::string_view("key material"));
    CHECK(a.view() == "key material");
    const unsigned char raw[] = {1, 2, 3};
    const SecureBuffer b = SecureBuffer::copyOf(std::span<const unsigned char>(raw));
    CHECK(b.size() == 3);
    CHECK(b == SecureBuffer::copyOf(std::span<const unsigned char>(raw)));
    CHECK_FALSE(a == b);
    CHECK_FALSE(SecureBuffer::copyOf(std::string_view("abc")) == SecureBuffer::copyOf(std::string_view("abd")));
    CHECK(SecureBuffer() == SecureBuffer());
}

TEST_CASE("moving leaves the source empty so key material has one owner", "[secure_buffer]")
{
    SecureBuffer a = SecureBuffer::copyOf(std::string_view("secret"));
    SecureBuffer b = std::move(a);
    CHECK(b.view() == "secret");
    CHECK(a.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is the point
    CHECK(a.data() == nullptr);

    SecureBuffer c(4);
    c = std::move(b);
    CHECK(c.view() == "secret");
    CHECK(b.empty());  // NOLINT(bugprone-use-after-move)
}

TEST_CASE("clear releases the key at once (lock, logout)", "[secure_buffer]")
{
    SecureBuffer a = SecureBuffer::copyOf(std::string_view("secret"));
    a.clear();
    CHECK(a.empty());
    CHECK(a.data() == nullptr);
    a.clear();  // twice is harmless
    CHECK(a.empty());
}
