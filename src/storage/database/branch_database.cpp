#include "storage/database/branch_database.h"

#include "io/shared/atomic_file.h"
#include "storage/database/schema.h"
#include "storage/database/settings_repository.h"

#include <fstream>
#include <unistd.h>

namespace doorstep::storage {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDatabaseIdKey = "database_id";
// The SHA-256 of the last keyring staged in a committed transaction (KeyringChange).
constexpr std::string_view kStagedKeyringKey = "keyring.staged_sha256";

BranchDatabase::StepHook g_stepHook = nullptr;

void step(std::string_view name)
{
    if (g_stepHook != nullptr) g_stepHook(name);
}

fs::path useLockPath(const fs::path& database)
{
    return fs::path(database.string() + ".lock");
}

fs::path keyringLockPath(const fs::path& database)
{
    return fs::path(Keyring::pathFor(database).string() + ".lock");
}

fs::path stagedKeyringPath(const fs::path& database)
{
    return fs::path(Keyring::pathFor(database).string() + ".next");
}

Result<FileLock> lockKeyring(const fs::path& database)
{
    return FileLock::acquire(keyringLockPath(database), FileLock::Mode::Exclusive);
}

// Temporary files of keyring writes cut short by a crash ("<keyring>.tmp-XXXXXX",
// "<keyring>.next.tmp-XXXXXX"): each is a whole copy of a keyring, so they go. Only under the keyring
// lock, which every writer holds while its temporary file exists.
void removeStaleTemporaryFiles(const fs::path& database)
{
    const fs::path keyring = Keyring::pathFor(database);
    const std::string prefix = keyring.filename().string() + ".";
    std::error_code ec;
    const fs::path dir = keyring.has_parent_path() ? keyring.parent_path() : fs::path(".");
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with(prefix) && name.find(".tmp-", prefix.size() - 1) != std::string::npos) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
}

bool hasStaleFiles(const fs::path& database)
{
    std::error_code ec;
    if (fs::exists(stagedKeyringPath(database), ec)) return true;
    const fs::path keyring = Keyring::pathFor(database);
    const std::string prefix = keyring.filename().string() + ".";
    const fs::path dir = keyring.has_parent_path() ? keyring.parent_path() : fs::path(".");
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with(prefix) && name.find(".tmp-", prefix.size() - 1) != std::string::npos) return true;
    }
    return false;
}

// A plain SQLite file starts with this header; an encrypted one starts with random bytes.
Result<void> refusePlainSqlite(const std::filesystem::path& path)
{
    std::ifstream probe(path, std::ios::binary);
    if (!probe) return fail(ErrorCode::FileUnreadable, MessageId{"database.unreadable_permissions"});
    constexpr std::string_view kPlainHeader{"SQLite format 3\0", 16};
    std::string header(kPlainHeader.size(), '\0');
    probe.read(header.data(), static_cast<std::streamsize>(header.size()));
    if (probe.gcount() == static_cast<std::streamsize>(header.size()) && header == kPlainHeader)
        return fail(ErrorCode::FileCorrupt, MessageId{"database.plain_sqlite"});
    return {};
}

// What can be told about the file without opening it: no descriptor of this process is opened and closed
// here, because closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
// locks of other connections included (a second login while a session is open).
Result<void> checkReadableDatabaseFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return fail(ErrorCode::FileMissing, MessageId{"database.missing"});
    if (!std::filesystem::is_regular_file(path, ec))
        return fail(ErrorCode::FileUnreadable, MessageId{"database.not_regular_file"});
    if (::access(path.c_str(), R_OK) != 0)
        return fail(ErrorCode::FileUnreadable, MessageId{"database.unreadable_permissions"});
    // An empty file would open as an empty database and be "repaired" into a new one: refuse it.
    if (std::filesystem::file_size(path, ec) == 0) return fail(ErrorCode::FileCorrupt, MessageId{"database.empty"});
    return {};
}

std::optional<std::string> readDatabaseId(const Connection& connection)
{
    auto tables = connection.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    tables.step();
    if (tables.columnInt(0) == 0) return std::nullopt;
    auto stmt = connection.prepare("SELECT value FROM meta WHERE key = ?");
    stmt.bind(1, kDatabaseIdKey);
    if (!stmt.step()) return std::nullopt;
    return stmt.columnText(0);
}

}  // namespace

Result<BranchDatabase> BranchDatabase::create(const std::filesystem::path& path, std::string_view username,
                                              std::string_view password, const KdfParams& kdf)
{
    const auto keyringPath = Keyring::pathFor(path);
    std::error_code ec;
    if (std::filesystem::exists(path, ec) || std::filesystem::exists(keyringPath, ec))
        return fail(ErrorCode::AlreadyExists, MessageId{"database.exists"});

    BranchDatabase db;
    db.m_path = path;
    auto use = FileLock::acquire(useLockPath(path), FileLock::Mode::Shared);
    if (!use) return std::unexpected(use.error());
    db.m_useLock = std::move(*use);
    db.m_key = randomSecret(kKeyBytes);
    db.m_keyring = Keyring::create();
    if (auto r = db.m_keyring.setSlot(username, password, db.m_key, kdf); !r) return std::unexpected(r.error());

    auto connection = Connection::open(path, db.m_key, /*create=*/true);
    if (!connection) return std::unexpected(connection.error());
    db.m_connection = std::move(*connection);
    const auto cleanUp = [&] {
        db.close();
        std::filesystem::remove(path, ec);
        std::filesystem::remove(path.string() + "-wal", ec);
        std::filesystem::remove(path.string() + "-shm", ec);
    };
    try {
        if (auto r = migrate(db.m_connection); !r) {
            cleanUp();
            return std::unexpected(r.error());
        }
        db.m_connection.prepare("INSERT INTO meta (key, value) VALUES (?, ?)")
            .bind(1, kDatabaseIdKey)
            .bind(2, db.m_keyring.databaseId())
            .run();
    } catch (const DatabaseError&) {
        cleanUp();
        return fail(ErrorCode::Io, MessageId{"database.create_failed"});
    }
    auto keyringLock = lockKeyring(path);
    if (!keyringLock) {
        cleanUp();
        return std::unexpected(keyringLock.error());
    }
    if (auto r = db.m_keyring.save(keyringPath); !r) {
        cleanUp();
        return std::unexpected(r.error());
    }
    return db;
}

Result<void> BranchDatabase::checkFiles(const std::filesystem::path& path)
{
    if (auto r = checkReadableDatabaseFile(path); !r) return r;
    if (auto r = refusePlainSqlite(path); !r) return r;
    if (auto keyring = Keyring::load(Keyring::pathFor(path)); !keyring) return std::unexpected(keyring.error());
    return {};
}

Result<BranchDatabase> BranchDatabase::open(const std::filesystem::path& path, std::string_view username,
                                            std::string_view password)
{
    if (auto r = checkReadableDatabaseFile(path); !r) return std::unexpected(r.error());
    BranchDatabase db;
    db.m_path = path;
    // Shared with every other open; a re-key (which needs the database alone) holds it exclusively.
    auto use = FileLock::acquire(useLockPath(path), FileLock::Mode::Shared);
    if (!use) return std::unexpected(use.error());
    db.m_useLock = std::move(*use);
    auto keyring = Keyring::load(Keyring::pathFor(path));
    if (!keyring) return std::unexpected(keyring.error());
    auto keys = keyring->unlock(username, password);
    bool openedWithStaged = false;
    std::error_code ec;
    if (!keys && keys.error().code == ErrorCode::WrongCredentials && fs::exists(stagedKeyringPath(path), ec)) {
        // A keyring change whose transaction may have committed before its keyring was put in place:
        // the new password is in the staged keyring. settleKeyring() decides whether it counts.
        if (auto staged = Keyring::load(stagedKeyringPath(path));
            staged && staged->databaseId() == keyring->databaseId()) {
            if (auto stagedKeys = staged->unlock(username, password)) {
                keys = std::move(stagedKeys);
                keyring = std::move(staged);
                openedWithStaged = true;
            }
        }
    }
    if (!keys) return std::unexpected(keys.error());

    db.m_keyring = std::move(*keyring);
    // The slot opened, so the password is right: a key the file refuses means the file is damaged
    // or belongs to another keyring.
    auto connection = Connection::open(path, keys->key, /*create=*/false);
    bool openedWithPendingKey = false;
    if (connection) {
        db.m_key = std::move(keys->key);
    } else if (connection.error().code == ErrorCode::WrongCredentials && !keys->pendingKey.empty()) {
        connection = Connection::open(path, keys->pendingKey, /*create=*/false);
        if (connection) {  // the re-key reached the file but the keyring was not committed
            db.m_key = std::move(keys->pendingKey);
            openedWithPendingKey = true;
        }
    }
    if (!connection) {
        // Only now, on the way out, is the header read to say what the file is.
        if (auto plain = refusePlainSqlite(path); !plain) return std::unexpected(plain.error());
        if (connection.error().code == ErrorCode::WrongCredentials)
            return fail(ErrorCode::FileCorrupt, MessageId{"database.damaged_or_mismatch"});
        return std::unexpected(connection.error());
    }
    db.m_connection = std::move(*connection);

    try {
        const auto id = readDatabaseId(db.m_connection);
        if (!id) return fail(ErrorCode::FileCorrupt, MessageId{"database.not_doorstep"});
        if (*id != db.m_keyring.databaseId())
            return fail(ErrorCode::FileCorrupt, MessageId{"database.keyring_mismatch"});
        if (auto r = migrate(db.m_connection); !r) return std::unexpected(r.error());
        if (openedWithStaged || openedWithPendingKey || db.m_keyring.hasPendingKey() || hasStaleFiles(path)) {
            auto settled = db.settleKeyring(openedWithPendingKey);
            if (!settled) return std::unexpected(settled.error());
            // The keyring now in place decides: after a committed change only its new password opens, and a
            // staged password whose change never committed opens nothing.
            if (*settled || openedWithStaged) {
                if (auto still = db.m_keyring.unlock(username, password); !still) return std::unexpected(still.error());
            }
        }
    } catch (const DatabaseError& e) {
        if (e.busy()) return fail(ErrorCode::Conflict, kBusyMessage);
        return fail(ErrorCode::FileCorrupt, MessageId{"database.damaged"});
    }
    return db;
}

// Finishes what a crash left half done, in the order every keyring writer takes its locks (the database's
// write lock, then the keyring's): a staged keyring whose hash the database holds goes into place, any
// other staged or temporary file goes, and an interrupted re-key is committed or dropped.
Result<bool> BranchDatabase::settleKeyring(bool openedWithPendingKey)
{
    Transaction tx(m_connection);
    auto lock = lockKeyring(m_path);
    if (!lock) return std::unexpected(lock.error());
    removeStaleTemporaryFiles(m_path);
    const fs::path keyringPath = Keyring::pathFor(m_path);
    const fs::path stagedPath = stagedKeyringPath(m_path);
    std::error_code ec;
    bool stagedCounts = false;
    if (fs::exists(stagedPath, ec)) {
        const auto marker = SettingsRepository(m_connection).get(kStagedKeyringKey);
        const auto staged = io::readWholeFile(stagedPath);
        stagedCounts = marker && staged && sha256Hex(*staged) == *marker;
        if (stagedCounts) {
            if (auto r = io::renameDurably(stagedPath, keyringPath); !r) return std::unexpected(r.error());
        } else {
            fs::remove(stagedPath, ec);
        }
    }
    auto current = Keyring::load(keyringPath);
    if (!current) return std::unexpected(current.error());
    if (current->databaseId() != m_keyring.databaseId())
        return fail(ErrorCode::FileCorrupt, MessageId{"database.keyring_mismatch"});
    if (current->hasPendingKey()) {
        // No re-key is running (it would hold the database alone): this one was cut short.
        if (openedWithPendingKey)
            current->commitPendingKey();  // the re-key reached the file
        else
            current->dropPendingKey();  // it never did
        if (auto r = current->save(keyringPath); !r) return std::unexpected(r.error());
    }
    tx.commit();
    m_keyring = std::move(*current);
    return stagedCounts;
}

Result<KeyringChange> BranchDatabase::stageChange(const std::function<Result<void>(Keyring&)>& edit)
{
    if (!m_connection.isOpen()) return fail(ErrorCode::Internal, MessageId{"database.closed"});
    if (!m_connection.inTransaction())
        return fail(ErrorCode::Internal, MessageId{"database.keyring_outside_transaction"});
    auto lock = lockKeyring(m_path);
    if (!lock) return std::unexpected(lock.error());
    // Read again under the lock: another process may have changed the keyring since this one read it.
    auto current = Keyring::load(Keyring::pathFor(m_path));
    if (!current) return std::unexpected(current.error());
    if (current->databaseId() != m_keyring.databaseId())
        return fail(ErrorCode::FileCorrupt, MessageId{"database.keyring_mismatch"});
    if (auto r = edit(*current); !r) return std::unexpected(r.error());
    const std::string text = current->serialize();
    KeyringChange change(*this, std::move(*lock), std::move(*current));
    if (auto r = io::writeFileAtomically(stagedKeyringPath(m_path), text); !r) return std::unexpected(r.error());
    SettingsRepository(m_connection).set(kStagedKeyringKey, sha256Hex(text));
    step("keyring.staged");
    return change;
}

Result<KeyringChange> BranchDatabase::stageSlot(std::string_view username, std::string_view password,
                                                const KdfParams& kdf)
{
    return stageChange([&](Keyring& ring) { return ring.setSlot(username, password, m_key, kdf); });
}

Result<KeyringChange> BranchDatabase::stagePasswordChange(std::string_view username, std::string_view oldPassword,
                                                          std::string_view newPassword, const KdfParams& kdf)
{
    return stageChange([&](Keyring& ring) { return ring.changePassword(username, oldPassword, newPassword, kdf); });
}

Result<void> BranchDatabase::setSlot(std::string_view username, std::string_view password, const KdfParams& kdf)
{
    Transaction tx(m_connection);
    auto change = stageSlot(username, password, kdf);
    if (!change) return std::unexpected(change.error());
    tx.commit();
    return change->finish();
}

Result<void> BranchDatabase::changePassword(std::string_view username, std::string_view oldPassword,
                                            std::string_view newPassword, const KdfParams& kdf)
{
    Transaction tx(m_connection);
    auto change = stagePasswordChange(username, oldPassword, newPassword, kdf);
    if (!change) return std::unexpected(change.error());
    tx.commit();
    return change->finish();
}

Result<void> BranchDatabase::removeSlotAndRekey(std::string_view username)
{
    // The database alone, or nothing changes: a re-key under another open connection fails half-way.
    if (auto r = m_useLock.change(FileLock::Mode::Exclusive); !r)
        return fail(ErrorCode::Conflict, kNeedsDatabaseAloneMessage);
    struct BackToShared {
        FileLock& lock;
        ~BackToShared() { (void)lock.change(FileLock::Mode::Shared, std::chrono::hours{1}); }
    } backToShared{m_useLock};
    auto lock = lockKeyring(m_path);
    if (!lock) return std::unexpected(lock.error());
    const auto keyringPath = Keyring::pathFor(m_path);
    auto current = Keyring::load(keyringPath);
    if (!current) return std::unexpected(current.error());
    if (current->databaseId() != m_keyring.databaseId())
        return fail(ErrorCode::FileCorrupt, MessageId{"database.keyring_mismatch"});
    SecureBuffer newKey = randomSecret(kKeyBytes);
    Keyring staged = std::move(*current);
    staged.removeSlot(username);
    staged.stagePendingKey(newKey);
    // 1. Every remaining slot can open both keys before the file changes.
    if (auto r = staged.save(keyringPath); !r) return r;
    m_keyring = staged;
    // 2. The file changes in one transaction: it is under the old key or the new one, never a mix.
    Result<void> rekeyed;
    try {
        rekeyed = m_connection.rekey(newKey);
    } catch (const DatabaseError&) {
        rekeyed = fail(ErrorCode::Conflict, kNeedsDatabaseAloneMessage);
    }
    if (!rekeyed) {
        m_keyring.dropPendingKey();
        (void)m_keyring.save(keyringPath);
        return rekeyed;
    }
    m_key = std::move(newKey);
    // 3. Commit. If this write is lost, the next open finds the pending key works and commits it.
    m_keyring.commitPendingKey();
    return m_keyring.save(keyringPath);
}

Result<BranchDatabase> BranchDatabase::openSecondConnection() const
{
    BranchDatabase db;
    db.m_path = m_path;
    db.m_keyring = m_keyring;
    db.m_key = SecureBuffer::copyOf(m_key.bytes());
    auto connection = Connection::open(m_path, db.m_key, /*create=*/false);
    if (!connection) return std::unexpected(connection.error());
    db.m_connection = std::move(*connection);
    return db;
}

void BranchDatabase::close()
{
    m_connection.close();
    m_key.clear();
    m_useLock.release();
}

void BranchDatabase::setStepHookForTests(StepHook hook)
{
    g_stepHook = hook;
}

KeyringChange::KeyringChange(BranchDatabase& db, FileLock lock, Keyring next)
    : m_db(&db), m_lock(std::move(lock)), m_next(std::move(next))
{}

KeyringChange::KeyringChange(KeyringChange&& other) noexcept
    : m_db(other.m_db), m_lock(std::move(other.m_lock)), m_next(std::move(other.m_next)),
      m_finished(std::exchange(other.m_finished, true))
{}

KeyringChange::~KeyringChange()
{
    if (m_finished || !m_lock.held()) return;
    std::error_code ec;
    fs::remove(stagedKeyringPath(m_db->m_path), ec);
}

Result<void> KeyringChange::finish()
{
    if (m_finished) return {};
    step("keyring.committed");
    // Should the rename fail, the staged file and the hash the database holds let the next open finish it.
    m_finished = true;
    const auto renamed = io::renameDurably(stagedKeyringPath(m_db->m_path), Keyring::pathFor(m_db->m_path));
    m_lock.release();
    if (!renamed) return renamed;
    m_db->m_keyring = std::move(m_next);
    step("keyring.renamed");
    return {};
}

}  // namespace doorstep::storage
