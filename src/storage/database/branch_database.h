#pragma once
// One branch database: the SQLCipher file and its keyring, opened with a user's password.
#include "domain/messages/error.h"
#include "storage/database/file_lock.h"
#include "storage/database/keyring.h"
#include "storage/database/secure_buffer.h"
#include "storage/database/sqlite.h"

#include <filesystem>
#include <functional>
#include <string_view>

namespace doorstep::storage {

class BranchDatabase;

// A keyring change staged to commit together with the caller's transaction (docs/security.md, "Keyring
// changes"). Staging took the keyring lock, re-read the keyring file, applied the change, wrote the result
// to `<keyring>.next` and recorded its SHA-256 in the transaction (settings `keyring.staged_sha256`).
// Once the transaction committed, finish() renames the staged file into place. A crash in between is
// settled by the next open: a staged file whose hash the database holds is put in place, any other is
// removed. So the audit event written in the same transaction and the keyring change cannot part.
class KeyringChange final {
public:
    KeyringChange(KeyringChange&& other) noexcept;
    KeyringChange& operator=(KeyringChange&&) = delete;
    KeyringChange(const KeyringChange&) = delete;
    KeyringChange& operator=(const KeyringChange&) = delete;
    ~KeyringChange();  // unfinished (the transaction did not commit): removes the staged file

    // Call once the caller's transaction committed.
    Result<void> finish();

private:
    friend class BranchDatabase;
    KeyringChange(BranchDatabase& db, FileLock lock, Keyring next);
    BranchDatabase* m_db;
    FileLock m_lock;
    Keyring m_next;
    bool m_finished = false;
};

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

    // Keyring changes, each a read-modify-write of the keyring file under its lock (`<keyring>.lock`), so
    // changes by other processes since this one read the keyring are kept. The stage… forms must run
    // inside the caller's Transaction and be finished after its commit (KeyringChange); the others run
    // in a transaction of their own and reach the keyring file at once.
    Result<KeyringChange> stageSlot(std::string_view username, std::string_view password, const KdfParams& kdf);
    Result<KeyringChange> stagePasswordChange(std::string_view username, std::string_view oldPassword,
                                              std::string_view newPassword, const KdfParams& kdf);
    Result<void> setSlot(std::string_view username, std::string_view password, const KdfParams& kdf);
    Result<void> changePassword(std::string_view username, std::string_view oldPassword, std::string_view newPassword,
                                const KdfParams& kdf);
    // Removes the slot of `username` and re-encrypts the database under a new key sealed for every
    // remaining slot, so a copy of the removed slot no longer opens the file. Needs the database alone:
    // every open BranchDatabase holds a shared lock on `<database>.lock`, and this waits up to 5 s for the
    // exclusive one, else refuses with Conflict before changing anything.
    Result<void> removeSlotAndRekey(std::string_view username);

    // The same file, keyring and key on a second connection of its own, for long work on another thread
    // (WAL lets this connection read while that one writes). Nothing is shared; each closes its own.
    Result<BranchDatabase> openSecondConnection() const;

    // Wipes key material, closes the file and lets go of the database's lock.
    void close();

    // For tests: called with the name of each step of a keyring change ("keyring.staged",
    // "keyring.committed", "keyring.renamed"), so a test can end the process there.
    using StepHook = void (*)(std::string_view step);
    static void setStepHookForTests(StepHook hook);

private:
    friend class KeyringChange;
    BranchDatabase() = default;
    Result<KeyringChange> stageChange(const std::function<Result<void>(Keyring&)>& edit);
    // True when it put a staged keyring in place.
    Result<bool> settleKeyring(bool openedWithPendingKey);
    std::filesystem::path m_path;
    FileLock m_useLock;  // shared while open; exclusive during a re-key
    Keyring m_keyring;
    SecureBuffer m_key;
    Connection m_connection;
};

// The sentence for a step that needs the database alone while others have it open.
inline constexpr MessageId kNeedsDatabaseAloneMessage{"database.needs_alone"};

}  // namespace doorstep::storage
