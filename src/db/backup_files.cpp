#include "db/backup_files.h"

#include "db/child_process.h"
#include "db/sqlite_handle.h"
#include "models/errors.h"
#include "models/translate.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace md {
namespace fs = std::filesystem;
namespace {

using namespace sqlite_api;  // where SOCI's header puts the SQLite C API

// The first line a tool printed, without its "pg_restore: error: " prefix noise kept short.
std::string first_line(const std::string& text) {
    const std::size_t end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

// What a backup stopped by its watcher says; nothing of it is left behind.
CancelledError backup_cancelled() { return CancelledError(tr("backup cancelled: no file was written")); }

void refuse_existing(const std::string& path) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw ConflictError(subst(tr("backup: \"{0}\" already exists; choose a new file name (a backup never "
                                     "overwrites another file)"),
                                  {path}));
    const fs::path folder = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec))
        throw StorageError(subst(tr("backup: folder \"{0}\" does not exist"), {folder.string()}));
}

// A new, empty file only its owner can read: a backup holds members' personal data.
void create_private(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw StorageError(subst(tr("backup: cannot create \"{0}\": {1}"), {path, std::strerror(errno)}));
    ::close(fd);
}

void sync_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Moves the finished temporary file into place; the name appears only for a complete backup.
void publish(const std::string& partial, const std::string& path) {
    sync_file(partial);
    std::error_code ec;
    fs::rename(partial, path, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw StorageError(subst(tr("backup: cannot write \"{0}\": {1}"), {path, ec.message()}));
    }
}

// Copies every page of `from` into `to`: one read snapshot of the source (in WAL mode writers go
// on meanwhile) and one write transaction on the destination. Without `progress` in one step;
// with it in steps of kPagesPerStep, reporting after each. A write by another console between
// steps restarts the copy (SQLite's rule), so after kRestartsAllowed restarts the rest is copied
// in one step: a busy database still gets its backup.
constexpr int kPagesPerStep = 1024;
constexpr int kRestartsAllowed = 3;

void copy_pages(sqlite3* to, sqlite3* from, const std::string& what, const BackupProgress& progress = {}) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) throw StorageError(subst(tr("{0}: {1}"), {what, sqlite3_errmsg(to)}));
    int rc = SQLITE_OK;
    int waits = 0;
    int restarts = 0;
    int last_remaining = -1;
    bool stopped = false;
    do {
        const int pages = progress && restarts < kRestartsAllowed ? kPagesPerStep : -1;
        rc = sqlite3_backup_step(backup, pages);
        // Busy or locked: another console holds the lock we need (the source's busy handler is not
        // called), so wait a little and try again, for at most 30 seconds.
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (++waits > 300) break;
            sqlite3_sleep(100);
            continue;
        }
        // After the last step too: a small database is copied in one, and Cancel still counts.
        if ((rc != SQLITE_OK && rc != SQLITE_DONE) || !progress) continue;
        const int remaining = sqlite3_backup_remaining(backup);
        const int total = sqlite3_backup_pagecount(backup);
        if (last_remaining >= 0 && remaining > last_remaining) ++restarts;
        last_remaining = remaining;
        const int permille = total > 0 ? static_cast<int>(1000LL * (total - remaining) / total) : 0;
        if (!progress(permille)) {
            stopped = true;
            break;
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (stopped) throw backup_cancelled();
    if (rc != SQLITE_DONE) throw StorageError(subst(tr("{0}: {1}"), {what, sqlite3_errstr(rc)}));
}

}  // namespace

BackupKind sniff_backup(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw NotFoundError(subst(tr("backup: no file at \"{0}\""), {path}));
    std::ifstream in(path, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    const std::size_t got = static_cast<std::size_t>(in.gcount());
    if (got == 16 && std::memcmp(head, "SQLite format 3", 16) == 0) return BackupKind::SqliteFile;
    if (got >= 5 && std::memcmp(head, "PGDMP", 5) == 0) return BackupKind::PostgresDump;
    return BackupKind::Unknown;
}

std::string backup_kind_code(BackupKind kind) {
    switch (kind) {
        case BackupKind::SqliteFile: return "sqlite3";
        case BackupKind::PostgresDump: return "pg_dump";
        case BackupKind::Unknown: break;
    }
    return "unknown";
}

void write_sqlite_backup(Database& db, const std::string& path, const BackupProgress& progress) {
    refuse_existing(path);
    const std::string partial = path + ".partial";
    create_private(partial);
    sqlite3* copy = nullptr;
    if (sqlite3_open_v2(partial.c_str(), &copy, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string message = copy ? sqlite3_errmsg(copy) : "out of memory";
        sqlite3_close(copy);
        fs::remove(partial);
        throw StorageError(subst(tr("backup: cannot open \"{0}\": {1}"), {partial, message}));
    }
    try {
        copy_pages(copy, sqlite_handle(db), tr("backup"), progress);
    } catch (...) {
        sqlite3_close(copy);
        fs::remove(partial);
        throw;
    }
    sqlite3_close(copy);
    publish(partial, path);
}

void write_postgres_backup(Database& db, const std::string& path, const BackupProgress& progress) {
    refuse_existing(path);
    const std::string partial = path + ".partial";
    create_private(partial);
    // --serializable-deferrable is not needed: pg_dump reads every table in one snapshot anyway.
    const ChildResult r = run_child({"pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                                     "--schema=" + postgres_current_schema(db), "--file=" + partial,
                                     "--dbname=" + db.url().connect_string},
                                    {}, progress ? KeepGoing([&progress] { return progress(-1); }) : KeepGoing());
    if (r.stopped || r.exit_code != 0) {
        std::error_code ec;
        fs::remove(partial, ec);
        if (r.stopped) throw backup_cancelled();
        throw StorageError(subst(tr("backup: pg_dump failed: {0}"), {first_line(r.output)}));
    }
    publish(partial, path);
}

void load_sqlite_backup(Database& target, const std::string& source) {
    sqlite3* from = nullptr;
    if (sqlite3_open_v2(source.c_str(), &from, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string message = from ? sqlite3_errmsg(from) : "out of memory";
        sqlite3_close(from);
        throw StorageError(subst(tr("restore: cannot open \"{0}\": {1}"), {source, message}));
    }
    try {
        copy_pages(sqlite_handle(target), from, tr("restore"));
    } catch (...) {
        sqlite3_close(from);
        throw;
    }
    sqlite3_close(from);
}

std::string postgres_current_schema(Database& db) {
    std::string schema;
    db.guarded("reading the schema name", [&] { db.sql() << "SELECT current_schema()", soci::into(schema); });
    return schema;
}

std::vector<DumpedTable> postgres_backup_tables(const std::string& path) {
    const ChildResult r = run_child({"pg_restore", "--list", path});
    if (r.exit_code != 0)
        throw StorageError(subst(tr("restore: pg_restore cannot read \"{0}\": {1}"), {path, first_line(r.output)}));
    // Lines such as "215; 0 16390 TABLE DATA public members postgres".
    std::vector<DumpedTable> tables;
    std::size_t start = 0;
    while (start < r.output.size()) {
        std::size_t end = r.output.find('\n', start);
        if (end == std::string::npos) end = r.output.size();
        const std::string line = r.output.substr(start, end - start);
        start = end + 1;
        const std::size_t at = line.find(" TABLE DATA ");
        if (line.empty() || line[0] == ';' || at == std::string::npos) continue;
        // after "TABLE DATA ": schema, table, owner (MemberDesk's names have no spaces)
        const std::size_t p = at + 12;
        const std::size_t schema_end = line.find(' ', p);
        if (schema_end == std::string::npos) continue;
        const std::size_t table_end = line.find(' ', schema_end + 1);
        tables.push_back({line.substr(p, schema_end - p),
                          line.substr(schema_end + 1, table_end == std::string::npos ? std::string::npos
                                                                                     : table_end - schema_end - 1)});
    }
    return tables;
}

void read_postgres_backup_through(const std::string& path) {
    const ChildResult r = run_child({"pg_restore", "--file=/dev/null", path});
    if (r.exit_code != 0)
        throw StorageError(subst(tr("pg_restore cannot read it to the end: {0}"), {first_line(r.output)}));
}

void load_postgres_backup(const DatabaseUrl& target, const std::string& path) {
    const ChildResult r = run_child({"pg_restore", "--clean", "--if-exists", "--single-transaction",
                                     "--exit-on-error", "--no-owner", "--no-privileges",
                                     "--dbname=" + target.connect_string, path});
    if (r.exit_code != 0)
        throw StorageError(subst(tr("restore: pg_restore failed, nothing was changed: {0}"), {first_line(r.output)}));
}

void copy_private_file(const std::string& from, const std::string& to) {
    create_private(to);
    std::error_code ec;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) throw StorageError(subst(tr("restore: cannot copy \"{0}\": {1}"), {from, ec.message()}));
}

}  // namespace md
