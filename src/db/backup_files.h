#pragma once
// Backup files of the whole database, written and loaded with each backend's own tools:
//   SQLite:     a SQLite database file, copied with SQLite's online backup API, so the copy is
//               one consistent snapshot even while other consoles keep writing (WAL).
//   PostgreSQL: a pg_dump archive (custom format) of the database's schema, taken in one
//               snapshot by pg_dump itself; loaded back with pg_restore in one transaction.
// These functions only move bytes; deciding whether a file may be loaded (is it a MemberDesk
// backup, does it pass its checks, who asked) is the restore service's.
#include "db/database.h"

#include <functional>
#include <string>
#include <vector>

namespace md {

enum class BackupKind { SqliteFile, PostgresDump, Unknown };

// By the file's first bytes. NotFoundError if there is no such file.
BackupKind sniff_backup(const std::string& path);
std::string backup_kind_code(BackupKind kind);  // "sqlite3", "pg_dump", "unknown"

// How far a backup is, in thousandths, or -1 while it cannot tell (pg_dump says nothing until it
// ends). Answering false stops it: the partial file is removed and CancelledError thrown.
using BackupProgress = std::function<bool(int permille)>;

// Writes a new file at `path` (0600; refused with ConflictError if something is there already).
// It appears only when complete: written under a temporary name, then renamed.
void write_sqlite_backup(Database& db, const std::string& path, const BackupProgress& progress = {});
void write_postgres_backup(Database& db, const std::string& path, const BackupProgress& progress = {});

// Replaces every page of the open SQLite database with those of the SQLite file `source`, in one
// write transaction of `target` (other consoles wait on their busy timeout, then see the result).
void load_sqlite_backup(Database& target, const std::string& source);

struct DumpedTable {
    std::string schema;
    std::string table;
};
// The tables whose data a pg_dump archive holds (pg_restore --list); StorageError if pg_restore
// cannot read it.
std::vector<DumpedTable> postgres_backup_tables(const std::string& path);
// The schema the connection works in (its search_path's first): what a backup of it holds.
std::string postgres_current_schema(Database& db);
// Reads the whole archive (pg_restore to /dev/null), so a truncated or damaged one is found before
// anything is loaded; StorageError naming what pg_restore said.
void read_postgres_backup_through(const std::string& path);
// pg_restore --clean --if-exists --single-transaction into the target's database: all or nothing.
void load_postgres_backup(const DatabaseUrl& target, const std::string& path);

// Copies a file byte for byte to a new path (0600), for working on a copy of a backup.
void copy_private_file(const std::string& from, const std::string& to);

}  // namespace md
