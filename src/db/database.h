#pragma once
// An open connection to the one shared database, SQLite or PostgreSQL, through SOCI.
// SQLite is opened in WAL mode with foreign keys on and a busy timeout, so several consoles
// can share one file. Every failure comes out as StorageError/NotFoundError with a plain message.
#include "db/database_url.h"

#include <memory>
#include <soci/soci.h>
#include <string>

namespace md {

enum class OpenMode {
    ExistingOnly,     // a missing SQLite file is NotFoundError ("run db init")
    CreateIfMissing,  // db init / demo seed: create the file, its folder must exist and be writable
};

class Database {
public:
    static std::unique_ptr<Database> open(const DatabaseUrl& url, OpenMode mode);
    static std::unique_ptr<Database> open(const std::string& url, OpenMode mode) {
        return open(parse_database_url(url), mode);
    }

    soci::session& sql() { return sql_; }
    Backend backend() const { return url_.backend; }
    const DatabaseUrl& url() const { return url_; }

    // Runs f; a SOCI or driver failure becomes StorageError naming what was being done.
    template <class F>
    auto guarded(const char* doing, F&& f) -> decltype(f());

    [[noreturn]] static void rethrow_storage(const std::exception& e, const std::string& doing);

private:
    friend class Transaction;
    explicit Database(DatabaseUrl url) : url_(std::move(url)) {}
    DatabaseUrl url_;
    soci::session sql_;
    int open_transactions_ = 0;  // a Transaction opened inside another is a savepoint of it
};

// What a transaction is for.
//   Write: SQLite takes the write lock up front (BEGIN IMMEDIATE) so two writers queue on the
//     busy timeout instead of failing half-way; PostgreSQL uses a plain BEGIN.
//   ReadSnapshot: reads only, all of them from one snapshot of the database (reports: every
//     section sees the same entries while consoles post). SQLite: a deferred BEGIN, whose WAL
//     snapshot starts at the first read and holds no write lock, so postings go on meanwhile;
//     PostgreSQL: REPEATABLE READ, READ ONLY (a plain BEGIN gives each statement its own snapshot).
enum class TransactionKind { Write, ReadSnapshot };

// One unit of work. Rolls back unless commit() was called.
// Opened while another Transaction is open on the same Database, it is a SAVEPOINT of that one:
// its commit releases the savepoint and its rollback undoes only its own work, and nothing is
// durable until the outermost commits. That is how a batch (a POS day file, the demo generator)
// runs many service calls, each its own unit with its own checks and audit line, in one
// transaction: one commit instead of one per call, and the batch lands whole or not at all.
class Transaction {
public:
    explicit Transaction(Database& db, TransactionKind kind = TransactionKind::Write);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = false;
    int depth_ = 0;  // 0: the outermost (BEGIN/COMMIT); n > 0: SAVEPOINT tx_n
};

template <class F>
auto Database::guarded(const char* doing, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const soci::soci_error& e) {
        rethrow_storage(e, doing);
    }
}

}  // namespace md
