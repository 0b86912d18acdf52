#pragma once
// A thin RAII layer over the SQLCipher C API. Every statement is prepared and every value bound.
#include "domain/messages/error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace doorstep::storage {

class SecureBuffer;

class Statement final {
public:
    Statement(sqlite3* db, std::string_view sql);  // throws on a malformed statement (a bug)
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, std::nullopt_t);
    Statement& bindBool(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
    Statement& bindBlob(int index, std::string_view bytes);  // copied; an empty view binds a zero-length blob

    // Steps once: true while a row is available, false when done. Throws DatabaseError on failure.
    bool step();
    void run();  // steps to completion
    void reset();

    std::int64_t columnInt(int index) const;
    std::string columnText(int index) const;
    // The column's bytes as a blob, without copying: valid until the next step(), reset() or column call.
    std::string_view columnBlob(int index) const;
    bool columnIsNull(int index) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// Thrown by Statement for failures that are not the user's input: disk full, I/O error, a broken
// constraint the code should have prevented. Repositories turn the expected ones into Error values.
class DatabaseError final : public std::runtime_error {
public:
    DatabaseError(int code, const std::string& what) : std::runtime_error(what), m_code(code) {}
    int code() const { return m_code; }
    // Another connection holds the lock past the busy timeout: the file is fine, just in use.
    bool busy() const;

private:
    int m_code;
};

class Connection final {
public:
    Connection() = default;
    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Opens (or creates, when `create`) the file, keys it with `key` (raw 32 bytes, handed to SQLCipher
    // through sqlite3_key_v2, never through SQL), and proves the key by reading the schema.
    static Result<Connection> open(const std::filesystem::path& path, const SecureBuffer& key, bool create);

    sqlite3* handle() const { return m_db; }
    bool isOpen() const { return m_db != nullptr; }
    void close();

    Statement prepare(std::string_view sql) const { return Statement(m_db, sql); }
    void execute(std::string_view sql) const;  // fixed SQL, no parameters; may hold several statements
    bool inTransaction() const;
    std::int64_t lastInsertId() const;
    int changes() const;
    // A number that changes whenever another connection (another program, or this program's worker) has
    // committed to the file since the last call on this connection (PRAGMA data_version).
    std::int64_t dataVersion() const;

    // Re-encrypts the whole database under `newKey`.
    Result<void> rekey(const SecureBuffer& newKey);

private:
    explicit Connection(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
};

// Begins IMMEDIATE on construction; rolls back unless commit() was called.
class Transaction final {
public:
    explicit Transaction(const Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    const Connection& m_connection;
    bool m_done = false;
};

// Turns foreign-key enforcement off for its lifetime and on again at its end, also when an exception leaves
// the scope. SQLite ignores the pragma inside a transaction, so make this before the Transaction it covers
// (it then ends after it). For bulk writes whose every reference the caller has already checked.
class ForeignKeysOff final {
public:
    explicit ForeignKeysOff(const Connection& connection);  // std::logic_error inside a transaction
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    const Connection& m_connection;
};

}  // namespace doorstep::storage
