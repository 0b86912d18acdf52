#include "storage/branch_database.h"

#include "storage/schema.h"

#include <fstream>

namespace doorstep::storage {
namespace {

constexpr std::string_view kDatabaseIdKey = "database_id";

Result<void> checkReadableDatabaseFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return fail(ErrorCode::FileMissing, "The database file does not exist.");
    if (!std::filesystem::is_regular_file(path, ec))
        return fail(ErrorCode::FileUnreadable, "The database path is not a regular file.");
    std::ifstream probe(path, std::ios::binary);
    if (!probe) return fail(ErrorCode::FileUnreadable, "The database file cannot be read (check its permissions).");
    // An empty file would open as an empty database and be "repaired" into a new one: refuse it.
    if (std::filesystem::file_size(path, ec) == 0)
        return fail(ErrorCode::FileCorrupt, "The database file is empty or damaged.");
    // A plain SQLite file starts with this header; an encrypted one starts with random bytes.
    constexpr std::string_view kPlainHeader{"SQLite format 3\0", 16};
    std::string header(kPlainHeader.size(), '\0');
    probe.read(header.data(), static_cast<std::streamsize>(header.size()));
    if (probe.gcount() == static_cast<std::streamsize>(header.size()) && header == kPlainHeader)
        return fail(ErrorCode::FileCorrupt, "The file is an unencrypted SQLite database, not a Doorstep database.");
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
        return fail(ErrorCode::AlreadyExists, "A database with that name already exists; it was left untouched.");

    BranchDatabase db;
    db.m_path = path;
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
        return fail(ErrorCode::Io, "The new database could not be written.");
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
    if (auto keyring = Keyring::load(Keyring::pathFor(path)); !keyring) return std::unexpected(keyring.error());
    return {};
}

Result<BranchDatabase> BranchDatabase::open(const std::filesystem::path& path, std::string_view username,
                                            std::string_view password)
{
    if (auto r = checkReadableDatabaseFile(path); !r) return std::unexpected(r.error());
    auto keyring = Keyring::load(Keyring::pathFor(path));
    if (!keyring) return std::unexpected(keyring.error());
    auto keys = keyring->unlock(username, password);
    if (!keys) return std::unexpected(keys.error());

    BranchDatabase db;
    db.m_path = path;
    db.m_keyring = std::move(*keyring);
    // The slot opened, so the password is right: a key the file refuses means the file is damaged
    // or belongs to another keyring.
    auto connection = Connection::open(path, keys->key, /*create=*/false);
    bool keyringChanged = false;
    if (connection) {
        db.m_key = std::move(keys->key);
        if (db.m_keyring.hasPendingKey()) {  // a re-key was staged but never reached the file
            db.m_keyring.dropPendingKey();
            keyringChanged = true;
        }
    } else if (connection.error().code == ErrorCode::WrongCredentials && !keys->pendingKey.empty()) {
        connection = Connection::open(path, keys->pendingKey, /*create=*/false);
        if (connection) {  // the re-key reached the file but the keyring was not committed
            db.m_key = std::move(keys->pendingKey);
            db.m_keyring.commitPendingKey();
            keyringChanged = true;
        }
    }
    if (!connection) {
        if (connection.error().code == ErrorCode::WrongCredentials)
            return fail(ErrorCode::FileCorrupt,
                        "The database file is damaged or does not belong to the keyring beside it.");
        return std::unexpected(connection.error());
    }
    db.m_connection = std::move(*connection);

    try {
        const auto id = readDatabaseId(db.m_connection);
        if (!id) return fail(ErrorCode::FileCorrupt, "The file is not a Doorstep database.");
        if (*id != db.m_keyring.databaseId())
            return fail(ErrorCode::FileCorrupt, "The database and the keyring beside it do not belong together.");
        if (auto r = migrate(db.m_connection); !r) return std::unexpected(r.error());
    } catch (const DatabaseError& e) {
        if (e.busy())
            return fail(ErrorCode::Conflict,
                        "The database is busy: another Doorstep program is writing to it. Try again when it is done.");
        return fail(ErrorCode::FileCorrupt, "The database file is damaged.");
    }
    if (keyringChanged) {
        if (auto r = db.m_keyring.save(Keyring::pathFor(path)); !r) return std::unexpected(r.error());
    }
    return db;
}

Result<void> BranchDatabase::setSlot(std::string_view username, std::string_view password, const KdfParams& kdf)
{
    Keyring next = m_keyring;
    if (auto r = next.setSlot(username, password, m_key, kdf); !r) return r;
    if (auto r = next.save(Keyring::pathFor(m_path)); !r) return r;
    m_keyring = std::move(next);
    return {};
}

Result<void> BranchDatabase::changePassword(std::string_view username, std::string_view oldPassword,
                                            std::string_view newPassword, const KdfParams& kdf)
{
    Keyring next = m_keyring;
    if (auto r = next.changePassword(username, oldPassword, newPassword, kdf); !r) return r;
    if (auto r = next.save(Keyring::pathFor(m_path)); !r) return r;
    m_keyring = std::move(next);
    return {};
}

Result<void> BranchDatabase::removeSlotAndRekey(std::string_view username)
{
    const auto keyringPath = Keyring::pathFor(m_path);
    SecureBuffer newKey = randomSecret(kKeyBytes);
    Keyring staged = m_keyring;
    staged.removeSlot(username);
    staged.stagePendingKey(newKey);
    // 1. Every remaining slot can open both keys before the file changes.
    if (auto r = staged.save(keyringPath); !r) return r;
    m_keyring = staged;
    // 2. The file changes in one transaction: it is under the old key or the new one, never a mix.
    if (auto r = m_connection.rekey(newKey); !r) {
        m_keyring.dropPendingKey();
        (void)m_keyring.save(keyringPath);
        return r;
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
}

}  // namespace doorstep::storage
