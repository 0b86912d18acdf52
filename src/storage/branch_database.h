#pragma once
// One branch database: the SQLCipher file and its keyring, opened with a user's password.
#include "domain/error.h"
#include "storage/keyring.h"
#include "storage/secure_buffer.h"
#include "storage/sqlite.h"

#include <filesystem>
#include <string_view>

namespace doorstep::storage {

class BranchDatabase final {
public:
    // Creates a new database and keyring with one slot for `username`. Refuses to touch existing files.
    static Result<BranchDatabase> create(const std::filesystem::path& path, std::string_view username,
                                         std::string_view password, const KdfParams& kdf);
    // Checks, without a password and without touching them, that the database file and its keyring are
    // there, readable and look right: what can be told before anyone logs in.
    static Result<void> checkFiles(const std::filesystem::path& path);
    // Unlocks the user's slot, opens and proves the database, finishes an interrupted re-key,
    // checks that database and keyring belong together, then migrates.
    static Result<BranchDatabase> open(const std::filesystem::path& path, std::string_view username,
                                       std::string_view password);

    BranchDatabase(BranchDatabase&&) noexcept = default;
    BranchDatabase& operator=(BranchDatabase&&) noexcept = default;
    BranchDatabase(const BranchDatabase&) = delete;
    BranchDatabase& operator=(const BranchDatabase&) = delete;
    ~BranchDatabase() = default;

    const Connection& connection() const { return m_connection; }
    const std::filesystem::path& path() const { return m_path; }
    const Keyring& keyring() const { return m_keyring; }

    // Slots (saved to the keyring file at once).
    Result<void> setSlot(std::string_view username, std::string_view password, const KdfParams& kdf);
    Result<void> changePassword(std::string_view username, std::string_view oldPassword, std::string_view newPassword,
                                const KdfParams& kdf);
    // Removes the slot of `username` and re-encrypts the database under a new key sealed for every
    // remaining slot, so a copy of the removed slot no longer opens the file.
    Result<void> removeSlotAndRekey(std::string_view username);

    // The same file, keyring and key on a second connection of its own, for long work on another thread
    // (WAL lets this connection read while that one writes). Nothing is shared; each closes its own.
    Result<BranchDatabase> openSecondConnection() const;

    // Wipes key material and closes the file.
    void close();

private:
    BranchDatabase() = default;
    std::filesystem::path m_path;
    Keyring m_keyring;
    SecureBuffer m_key;
    Connection m_connection;
};

}  // namespace doorstep::storage
