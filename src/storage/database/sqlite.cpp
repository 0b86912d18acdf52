#define SQLITE_HAS_CODEC 1
#include "storage/database/sqlite.h"

#include "storage/database/crypto.h"
#include "storage/database/file_lock.h"
#include "storage/database/secure_buffer.h"

#include <fmt/core.h>
#include <sqlcipher/sqlite3.h>
#include <utility>

namespace doorstep::storage {
namespace {

constexpr int kBusyTimeoutMs = static_cast<int>(FileLock::kDefaultWait.count());

[[noreturn]] void throwError(sqlite3* db, int code, std::string_view what)
{
    // sqlite3_errmsg never holds bound values, so it is safe to carry.
    throw DatabaseError(code, fmt::format("{}: {}", what, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
}

// SQLCipher takes a raw key when handed the text x'<64 hex digits>'; it then skips its own PBKDF2,
// which is right for a random key. The text is built in locked memory and wiped after use.
SecureBuffer rawKeyText(const SecureBuffer& key)
{
    SecureBuffer text(3 + key.size() * 2);
    static constexpr char kDigits[] = "0123456789abcdef";
    unsigned char* out = text.data();
    *out++ = 'x';
    *out++ = '\'';
    for (unsigned char b : key.bytes()) {
        *out++ = static_cast<unsigned char>(kDigits[b >> 4]);
        *out++ = static_cast<unsigned char>(kDigits[b & 0x0f]);
    }
    *out = '\'';
    return text;
}

}  // namespace

bool DatabaseError::busy() const
{
    const int primary = m_code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) throwError(db, rc, "prepare");
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) throwError(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    const int rc = sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throwError(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes)
{
    // A null pointer would bind NULL, not an empty blob.
    static constexpr char kEmpty = 0;
    const char* data = bytes.empty() ? &kEmpty : bytes.data();
    const int rc = sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throwError(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) throwError(m_db, rc, "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(m_stmt);
    throwError(m_db, rc, "step");
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::columnInt(int index) const
{
    return sqlite3_column_int64(m_stmt, index);
}

std::string Statement::columnText(int index) const
{
    const auto* text = sqlite3_column_text(m_stmt, index);
    if (text == nullptr) return {};
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, index))};
}

std::string_view Statement::columnBlob(int index) const
{
    const void* data = sqlite3_column_blob(m_stmt, index);
    if (data == nullptr) return {};
    return {static_cast<const char*>(data), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, index))};
}

bool Statement::columnIsNull(int index) const
{
    return sqlite3_column_type(m_stmt, index) == SQLITE_NULL;
}

Connection::~Connection()
{
    close();
}

Connection::Connection(Connection&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Connection& Connection::operator=(Connection&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

void Connection::close()
{
    if (m_db != nullptr) sqlite3_close_v2(m_db);  // SQLCipher wipes its key material on close
    m_db = nullptr;
}

Result<Connection> Connection::open(const std::filesystem::path& path, const SecureBuffer& key, bool create)
{
    std::error_code ec;
    if (!create && !std::filesystem::exists(path, ec))
        return fail(ErrorCode::FileMissing, MessageId{"database.missing"});
    if (create && std::filesystem::exists(path, ec))
        return fail(ErrorCode::AlreadyExists, MessageId{"database.file_exists"});

    sqlite3* raw = nullptr;
    // NOMUTEX: a connection is used by one thread only (nothing in Doorstep hands one to another thread), so
    // SQLite's per-call mutex was pure cost (3 % of an import's samples, 7 % of a recompute's).
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Connection connection(raw);
    if (rc != SQLITE_OK) {
        return fail(rc == SQLITE_CANTOPEN ? ErrorCode::FileUnreadable : ErrorCode::FileCorrupt,
                    MessageId{"database.not_writable"});
    }
    // From the first statement on: the probe and the pragmas below also wait for a writer in another
    // process instead of failing at once (issue 9: a login while an import writes).
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    // 1. The library must really be SQLCipher, or the file would be written in plain text.
    {
        Statement version(raw, "PRAGMA cipher_version");
        if (!version.step() || version.columnText(0).empty())
            return fail(ErrorCode::Internal, MessageId{"database.no_sqlcipher"});
    }
    // SQLCipher logs a failed page check to stderr; a wrong key is an expected answer here.
    connection.execute("PRAGMA cipher_log_source = NONE");
    // 2. The key, as raw bytes, through the API.
    const SecureBuffer keyText = rawKeyText(key);
    rc = sqlite3_key_v2(raw, "main", keyText.data(), static_cast<int>(keyText.size()));
    if (rc != SQLITE_OK) return fail(ErrorCode::Internal, MessageId{"database.key_not_applied"});
    // 3. Prove the key before anything else touches the file.
    try {
        Statement probe(raw, "SELECT count(*) FROM sqlite_master");
        probe.step();
    } catch (const DatabaseError& e) {
        if (e.code() == SQLITE_NOTADB) return fail(ErrorCode::WrongCredentials, MessageId{"database.wrong_key"});
        if (e.busy()) return fail(ErrorCode::Conflict, kBusyMessage);
        return fail(ErrorCode::FileUnreadable, MessageId{"database.unreadable"});
    }
    if (create)
        std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                     ec);
    try {
        connection.execute("PRAGMA foreign_keys = ON");
        connection.execute("PRAGMA temp_store = MEMORY");  // no temporary files at all
        connection.execute("PRAGMA journal_mode = WAL");
        connection.execute("PRAGMA synchronous = FULL");
    } catch (const DatabaseError& e) {
        if (e.busy()) return fail(ErrorCode::Conflict, kBusyMessage);
        return fail(ErrorCode::FileUnreadable, MessageId{"database.unreadable"});
    }
    return connection;
}

void Connection::execute(std::string_view sql) const
{
    // Fixed SQL only (no values to bind), possibly several statements: a migration step.
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throwError(m_db, rc, "execute");
}

bool Connection::inTransaction() const
{
    return m_db != nullptr && sqlite3_get_autocommit(m_db) == 0;
}

std::int64_t Connection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

std::int64_t Connection::dataVersion() const
{
    auto s = prepare("PRAGMA data_version");
    s.step();
    return s.columnInt(0);
}

int Connection::changes() const
{
    return sqlite3_changes(m_db);
}

Result<void> Connection::rekey(const SecureBuffer& newKey)
{
    // SQLCipher 4 re-keys reliably only outside WAL mode: leave it, re-key in one journaled
    // transaction, and return to WAL.
    execute("PRAGMA journal_mode = DELETE");
    const SecureBuffer keyText = rawKeyText(newKey);
    const int rc = sqlite3_rekey_v2(m_db, "main", keyText.data(), static_cast<int>(keyText.size()));
    execute("PRAGMA journal_mode = WAL");
    if (rc != SQLITE_OK) return fail(ErrorCode::Io, MessageId{"database.rekey_failed"});
    return {};
}

Transaction::Transaction(const Connection& connection) : m_connection(connection)
{
    m_connection.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_connection.execute("ROLLBACK");
        } catch (...) {  // NOLINT(bugprone-empty-catch): nothing more to do in a destructor
        }
    }
}

ForeignKeysOff::ForeignKeysOff(const Connection& connection) : m_connection(connection)
{
    if (sqlite3_get_autocommit(m_connection.handle()) == 0)
        throw std::logic_error("foreign keys can only be switched outside a transaction");
    m_connection.execute("PRAGMA foreign_keys = OFF");
}

ForeignKeysOff::~ForeignKeysOff()
{
    try {
        m_connection.execute("PRAGMA foreign_keys = ON");
    } catch (...) {  // NOLINT(bugprone-empty-catch): nothing more to do in a destructor
    }
}

void Transaction::commit()
{
    m_connection.execute("COMMIT");
    m_done = true;
}

}  // namespace doorstep::storage
