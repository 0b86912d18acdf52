#include "storage/database/crypto.h"

#include <sodium.h>
#include <stdexcept>

namespace doorstep::storage {

void ensureSodium()
{
    static const int status = sodium_init();
    if (status < 0) throw std::runtime_error("libsodium could not be initialised");
}

Bytes randomBytes(std::size_t count)
{
    ensureSodium();
    Bytes out(count);
    randombytes_buf(out.data(), out.size());
    return out;
}

SecureBuffer randomSecret(std::size_t count)
{
    SecureBuffer out(count);
    randombytes_buf(out.data(), out.size());
    return out;
}

std::string toHex(std::span<const unsigned char> bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0f]);
    }
    return out;
}

Result<Bytes> fromHex(std::string_view hex)
{
    if (hex.size() % 2 != 0) return fail(ErrorCode::FileCorrupt, MessageId{"keyring.hex_odd_length"});
    const auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    Bytes out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = nibble(hex[2 * i]);
        const int lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return fail(ErrorCode::FileCorrupt, MessageId{"keyring.hex_bad_digit"});
        out[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    return out;
}

std::string sha256Hex(std::string_view data)
{
    ensureSodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return toHex(digest);
}

KdfParams KdfParams::moderate()
{
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

KdfParams KdfParams::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfParams KdfParams::minimum()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

bool KdfParams::acceptable() const
{
    // Upper bounds keep a tampered keyring from asking for terabytes of memory.
    return opsLimit >= crypto_pwhash_OPSLIMIT_MIN && opsLimit <= 64 && memLimit >= crypto_pwhash_MEMLIMIT_MIN &&
           memLimit <= (std::uint64_t{4} << 30);
}

Result<SecureBuffer> deriveKey(std::string_view password, std::span<const unsigned char> salt, const KdfParams& params)
{
    ensureSodium();
    if (!params.acceptable() || salt.size() != crypto_pwhash_SALTBYTES)
        return fail(ErrorCode::FileCorrupt, MessageId{"keyring.slot_kdf"});
    SecureBuffer key(kKeyBytes);
    if (crypto_pwhash(key.data(), key.size(), password.data(), password.size(), salt.data(), params.opsLimit,
                      static_cast<std::size_t>(params.memLimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return fail(ErrorCode::Internal, MessageId{"keyring.kdf_memory"});
    }
    return key;
}

}  // namespace doorstep::storage
