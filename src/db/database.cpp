#include "db/database.h"

#include "models/errors.h"
#include "models/translate.h"

#include <filesystem>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <fcntl.h>
#include <unistd.h>

namespace md {
namespace fs = std::filesystem;

namespace {

// Driver messages span several lines ("Cannot establish connection.\nconnection to server
// ... failed: ..."); the first two carry the cause, the rest is advice. One line for people.
std::string first_line(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    for (int kept = 0; kept < 2 && start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.erase(0, 1);
        if (!line.empty()) {
            if (!out.empty() && out.back() == '.') out.pop_back();
            out += (out.empty() ? "" : ": ") + line;
            ++kept;
        }
        start = end + 1;
    }
    return out;
}

void check_sqlite_location(const DatabaseUrl& url, OpenMode mode) {
    const fs::path path(url.sqlite_path);
    std::error_code ec;
    if (fs::exists(path, ec)) {
        if (fs::is_directory(path, ec))
            throw StorageError(subst(tr("db: \"{0}\" is a folder, not a database file"), {url.sqlite_path}));
        if (access(path.c_str(), R_OK | W_OK) != 0)
            throw StorageError(subst(tr("db: cannot read and write \"{0}\" (check its permissions)"), {url.sqlite_path}));
        return;
    }
    if (mode == OpenMode::ExistingOnly)
        throw NotFoundError(subst(tr("db: no database at \"{0}\" (create one with: memberdesk-cli db init)"),
                                  {url.sqlite_path}));
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec))
        throw StorageError(subst(tr("db: folder \"{0}\" does not exist"), {folder.string()}));
    if (access(folder.c_str(), W_OK) != 0)
        throw StorageError(subst(tr("db: folder \"{0}\" is not writable"), {folder.string()}));
    // Members' personal data and the ledger: readable by the owner only. SQLite takes an empty
    // file as a new database and gives its -wal and -shm files the same permissions.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);  // if another process created it first, SQLite opens theirs
}

}  // namespace

void Database::rethrow_storage(const std::exception& e, const std::string& doing) {
    throw StorageError(subst(tr("database error while {0}: {1}"), {doing, first_line(e.what())}));
}

std::unique_ptr<Database> Database::open(const DatabaseUrl& url, OpenMode mode) {
    std::unique_ptr<Database> db(new Database(url));
    if (url.backend == Backend::Sqlite) {
        check_sqlite_location(url, mode);
        try {
            db->sql_.open(soci::sqlite3, url.connect_string);
            std::string journal;
            db->sql_ << "PRAGMA journal_mode=WAL", soci::into(journal);
            db->sql_ << "PRAGMA foreign_keys=ON";
            db->sql_ << "PRAGMA busy_timeout=10000";
            db->sql_ << "PRAGMA synchronous=NORMAL";  // safe with WAL: a crash loses no committed data
            // 64 MB of page cache instead of 2 MB: the search indexes of a million members are
            // ~150 MB, and a bulk import or a list scroll that misses the cache goes to disk.
            db->sql_ << "PRAGMA cache_size=-65536";
            if (journal != "wal")
                throw StorageError(subst(tr("db: \"{0}\" cannot use write-ahead logging (journal mode {1})"),
                                         {url.sqlite_path, journal}));
        } catch (const soci::soci_error& e) {
            throw StorageError(subst(tr("db: cannot open SQLite file \"{0}\": {1}"),
                                     {url.sqlite_path, first_line(e.what())}));
        }
    } else {
        try {
            db->sql_.open(soci::postgresql, url.connect_string);
            db->sql_ << "SET client_min_messages TO WARNING";
        } catch (const soci::soci_error& e) {
            throw StorageError(subst(tr("db: cannot connect to PostgreSQL ({0}): {1}"),
                                     {url.display, first_line(e.what())}));
        }
    }
    return db;
}

Transaction::Transaction(Database& db, TransactionKind kind) : db_(db), depth_(db.open_transactions_) {
    db_.guarded("starting a transaction", [&] {
        const bool sqlite = db_.backend() == Backend::Sqlite;
        if (depth_ > 0)
            db_.sql() << "SAVEPOINT tx_" + std::to_string(depth_);
        else if (kind == TransactionKind::ReadSnapshot)
            db_.sql() << (sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        else
            db_.sql() << (sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    });
    open_ = true;
    ++db_.open_transactions_;
}

Transaction::~Transaction() {
    if (!open_) return;
    --db_.open_transactions_;
    try {
        if (depth_ > 0) {
            const std::string name = "tx_" + std::to_string(depth_);
            db_.sql() << "ROLLBACK TO SAVEPOINT " + name;
            db_.sql() << "RELEASE SAVEPOINT " + name;
        } else {
            db_.sql() << "ROLLBACK";
        }
    } catch (...) {
        // The connection is gone; the server has rolled back for us.
    }
}

void Transaction::commit() {
    db_.guarded("committing", [&] {
        db_.sql() << (depth_ > 0 ? "RELEASE SAVEPOINT tx_" + std::to_string(depth_) : std::string("COMMIT"));
    });
    open_ = false;
    --db_.open_transactions_;
}

}  // namespace md
