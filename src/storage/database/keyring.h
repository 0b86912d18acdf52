#pragma once
// The keyring file beside each database (ARCHITECTURE.md "Keys and the database file").
//
// The database has a random 256-bit key K. Each user has a slot holding an X25519 key pair whose
// secret half is encrypted (XChaCha20-Poly1305) under a key derived from the user's password with
// Argon2id, and K sealed to the public half (crypto_box_seal). Logging in derives, decrypts the
// secret key and opens K. Because K is sealed to public keys, an administrator can re-key the
// database for every remaining user without knowing their passwords, which is what removing a user
// needs. A re-key is staged as a "pending" key in every slot before the database changes, so a crash
// at any point leaves a keyring that opens the database (see docs/security.md).
#include "domain/messages/error.h"
#include "storage/database/crypto.h"
#include "storage/database/secure_buffer.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep::storage {

struct KeySlot {
    std::string username;
    KdfParams kdf;
    Bytes salt;              // Argon2id salt
    Bytes nonce;             // for the encrypted secret key
    Bytes encryptedSecret;   // the slot's X25519 secret key, encrypted under the password key
    Bytes publicKey;         // the slot's X25519 public key
    Bytes sealedKey;         // K sealed to publicKey
    Bytes pendingSealedKey;  // the next K while a re-key is in progress, else empty
};

struct UnlockedKeys {
    SecureBuffer key;         // the database key this slot holds
    SecureBuffer pendingKey;  // empty unless a re-key was interrupted
};

class Keyring final {
public:
    static std::filesystem::path pathFor(const std::filesystem::path& databasePath);

    // A new keyring for a new database, identified by a random id.
    static Keyring create();
    static Result<Keyring> load(const std::filesystem::path& path);
    static Result<Keyring> parse(std::string_view text);
    Result<void> save(const std::filesystem::path& path) const;  // atomic, mode 0600
    std::string serialize() const;

    const std::string& databaseId() const { return m_databaseId; }
    bool hasSlot(std::string_view username) const;
    std::vector<std::string> usernames() const;

    // Adds or replaces the slot of `username`, so that `password` opens `databaseKey`.
    Result<void> setSlot(std::string_view username, std::string_view password, const SecureBuffer& databaseKey,
                         const KdfParams& kdf);
    // Re-encrypts the slot's secret key under a new password; needs the current one.
    Result<void> changePassword(std::string_view username, std::string_view oldPassword, std::string_view newPassword,
                                const KdfParams& kdf);
    void removeSlot(std::string_view username);

    // WrongCredentials when the user has no slot or the password is wrong; the two take the same
    // time and say the same thing.
    Result<UnlockedKeys> unlock(std::string_view username, std::string_view password) const;

    // Re-key protocol: stage (seal the new key for every slot), change the database, commit.
    void stagePendingKey(const SecureBuffer& newKey);
    bool hasPendingKey() const;
    void commitPendingKey();
    void dropPendingKey();

    // For tests: direct access to slots (a copy of an old slot is an attacker's tool).
    const std::vector<KeySlot>& slots() const { return m_slots; }
    void putSlot(KeySlot slot);

private:
    KeySlot* findSlot(std::string_view username);
    const KeySlot* findSlot(std::string_view username) const;
    std::string associatedData(std::string_view username) const;

    std::string m_databaseId;
    std::vector<KeySlot> m_slots;
};

}  // namespace doorstep::storage
