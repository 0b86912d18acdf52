#include "storage/database/crypto.h"

#include <catch2/catch_test_macros.hpp>
#include <sodium.h>

using namespace doorstep;
using namespace doorstep::storage;

TEST_CASE("hex encoding round-trips and rejects bad text as FileCorrupt", "[crypto]")
{
    const Bytes bytes{0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
    CHECK(toHex(bytes) == "00017f80abff");
    CHECK(fromHex("00017f80abff").value() == bytes);
    CHECK(fromHex("00017F80ABFF").value() == bytes);
    CHECK(fromHex("").value().empty());
    CHECK(fromHex("abc").error().code == ErrorCode::FileCorrupt);
    CHECK(fromHex("zz").error().code == ErrorCode::FileCorrupt);
    CHECK(fromHex("0g").error().code == ErrorCode::FileCorrupt);
}

TEST_CASE("sha256Hex matches the FIPS 180-2 test vectors", "[crypto]")
{
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("random bytes and secrets have the asked size and differ each time", "[crypto]")
{
    CHECK(randomBytes(16).size() == 16);
    CHECK(randomBytes(32) != randomBytes(32));
    const SecureBuffer a = randomSecret(kKeyBytes);
    const SecureBuffer b = randomSecret(kKeyBytes);
    CHECK(a.size() == kKeyBytes);
    CHECK_FALSE(a == b);
}

TEST_CASE("KDF cost presets are within libsodium's bounds and ordered", "[crypto]")
{
    CHECK(KdfParams::minimum().acceptable());
    CHECK(KdfParams::interactive().acceptable());
    CHECK(KdfParams::moderate().acceptable());
    CHECK(KdfParams::moderate().memLimit > KdfParams::interactive().memLimit);
    CHECK(KdfParams::interactive().memLimit > KdfParams::minimum().memLimit);
    CHECK(KdfParams::moderate().memLimit == 256ULL * 1024 * 1024);

    CHECK_FALSE(KdfParams{}.acceptable());
    // A tampered keyring must not be able to ask for absurd cost.
    CHECK_FALSE((KdfParams{65, KdfParams::minimum().memLimit}.acceptable()));
    CHECK_FALSE((KdfParams{1, (std::uint64_t{4} << 30) + 1}.acceptable()));
}

TEST_CASE("Argon2id derivation is deterministic in password and salt", "[crypto]")
{
    const Bytes salt(kSaltBytes, 7);
    const Bytes otherSalt(kSaltBytes, 8);
    const KdfParams kdf = KdfParams::minimum();
    const auto a = deriveKey("correct horse", salt, kdf);
    REQUIRE(a);
    CHECK(a->size() == kKeyBytes);
    CHECK(*a == deriveKey("correct horse", salt, kdf).value());
    CHECK_FALSE(*a == deriveKey("correct horsf", salt, kdf).value());
    CHECK_FALSE(*a == deriveKey("correct horse", otherSalt, kdf).value());
    CHECK_FALSE(*a == deriveKey("correct horse", salt, KdfParams{kdf.opsLimit + 1, kdf.memLimit}).value());
}

TEST_CASE("derivation refuses a bad salt or cost as a damaged slot", "[crypto]")
{
    CHECK(deriveKey("pw", Bytes(kSaltBytes - 1, 0), KdfParams::minimum()).error().code == ErrorCode::FileCorrupt);
    CHECK(deriveKey("pw", Bytes(kSaltBytes, 0), KdfParams{}).error().code == ErrorCode::FileCorrupt);
    static_assert(kSaltBytes == crypto_pwhash_SALTBYTES);
}
