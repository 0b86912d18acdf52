#pragma once
// The few cryptographic primitives Doorstep uses, all from libsodium.
#include "domain/messages/error.h"
#include "storage/database/secure_buffer.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep::storage {

using Bytes = std::vector<unsigned char>;

void ensureSodium();  // initialises libsodium once; throws if it cannot

Bytes randomBytes(std::size_t count);
SecureBuffer randomSecret(std::size_t count);

std::string toHex(std::span<const unsigned char> bytes);
Result<Bytes> fromHex(std::string_view hex);

std::string sha256Hex(std::string_view data);

// Argon2id cost. Stored with each key slot so it can be raised later without breaking old slots.
struct KdfParams {
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimit = 0;  // bytes

    static KdfParams moderate();     // libsodium's MODERATE: 3 passes, 256 MiB (~1 s)
    static KdfParams interactive();  // 2 passes, 64 MiB
    static KdfParams minimum();      // the smallest libsodium allows; tests only
    bool acceptable() const;         // within libsodium's bounds
};

inline constexpr std::size_t kKeyBytes = 32;
inline constexpr std::size_t kSaltBytes = 16;

// Derives a 32-byte wrapping key from a password with Argon2id.
Result<SecureBuffer> deriveKey(std::string_view password, std::span<const unsigned char> salt, const KdfParams& params);

}  // namespace doorstep::storage
