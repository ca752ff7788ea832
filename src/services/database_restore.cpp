#include "services/database_restore.h"

#include "db/backup_files.h"
#include "db/member_repository.h"
#include "db/migrations.h"
#include "db/user_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/audit_service.h"
#include "services/backup_service.h"
#include "services/database_service.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace md {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void refuse_file(const std::string& file, const std::string& why) {
    throw ValidationError("file", file,
                          subst(tr("restore: \"{0}\" is not a usable MemberDesk backup: {1}"), {file, why}));
}

// The checks a restored database must pass, and its db.restore audit line. Any failure is thrown.
void check_and_record(Database& db, RestoreReport& report, const std::string& actor, Clock clock) {
    report.backup_schema_version = schema_version(db);
    if (report.backup_schema_version == 0) refuse_file(report.file, tr("it holds no MemberDesk schema"));
    if (report.backup_schema_version < latest_schema_version()) migrate(db);  // newer: migrate refuses
    report.schema_version = schema_version(db);
    report.users = UserRepository(db).count();
    if (report.users == 0) refuse_file(report.file, tr("it holds no users, so nobody could sign in to it"));
    const std::string integrity = check_database_integrity(db);
    if (integrity != "ok") refuse_file(report.file, subst(tr("its check fails: {0}"), {integrity}));
    report.members = MemberRepository(db).count();

    const nlohmann::json after = {{"file", report.file}, {"format", report.format},
                                  {"backup_schema_version", report.backup_schema_version},
                                  {"replaced", report.replaced}};
    Transaction tx(db);
    AuditTrail(db, clock).record(actor, "db.restore", "database", report.target, "", after.dump());
    tx.commit();

    const AuditChainCheck chain = verify_audit_chain(db);
    if (!chain.problems.empty()) refuse_file(report.file, subst(tr("its audit trail fails: {0}"), {chain.problems[0]}));
    report.audit_records_chained = chain.chained;
    report.audit_head_hash = chain.head_hash;
}

std::string restore_actor_name(const RestoreReport& report) {
    return report.restored_by.empty() ? std::string("(restore)") : report.restored_by;
}

void remove_sqlite_files(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

RestoreReport restore_sqlite(const DatabaseUrl& target, RestoreReport report, bool replace,
                             const std::function<Actor()>& sign_in, Clock clock) {
    std::error_code ec;
    const bool target_has_data = fs::exists(target.sqlite_path, ec) && fs::file_size(target.sqlite_path, ec) > 0;
    std::unique_ptr<Database> live;
    if (target_has_data) {
        if (!replace)
            throw ConflictError(subst(tr("restore: \"{0}\" already holds a database; to replace all of it with the "
                                         "backup, add --replace"),
                                      {target.sqlite_path}));
        live = Database::open(target, OpenMode::ExistingOnly);
        if (schema_version(*live) > 0) {
            const Actor actor = sign_in();
            BackupService(*live, clock).authorise_restore(actor);
            report.restored_by = actor.username;
        }
        report.replaced = true;
    } else {
        const fs::path folder = fs::path(target.sqlite_path).has_parent_path()
                                    ? fs::path(target.sqlite_path).parent_path() : fs::path(".");
        if (!fs::is_directory(folder, ec))
            throw StorageError(subst(tr("db: folder \"{0}\" does not exist"), {folder.string()}));
    }

    // The work copy sits beside the target, so putting it in place is a rename on one file system.
    const std::string work = target.sqlite_path + ".restoring";
    remove_sqlite_files(work);
    struct RemoveWork {
        std::string path;
        ~RemoveWork() { remove_sqlite_files(path); }
    } cleanup{work};
    copy_private_file(report.file, work);
    {
        std::unique_ptr<Database> copy;
        try {
            copy = Database::open(sqlite_url(work), OpenMode::ExistingOnly);
            check_and_record(*copy, report, restore_actor_name(report), clock);
        } catch (const StorageError& e) {
            // A damaged file fails anywhere from opening it to reading its last table.
            refuse_file(report.file, e.what());
        }
    }  // closed: its write-ahead log is folded into the file
    if (live) {
        load_sqlite_backup(*live, work);
    } else {
        fs::rename(work, target.sqlite_path, ec);
        if (ec)
            throw StorageError(subst(tr("restore: cannot create \"{0}\": {1}"), {target.sqlite_path, ec.message()}));
    }
    return report;
}

RestoreReport restore_postgres(const DatabaseUrl& target, RestoreReport report, bool replace,
                               const std::function<Actor()>& sign_in, Clock clock) {
    std::vector<DumpedTable> tables;
    try {
        tables = postgres_backup_tables(report.file);
        read_postgres_backup_through(report.file);
    } catch (const StorageError& e) {
        refuse_file(report.file, e.what());
    }
    auto holds = [&tables](const std::string& name) {
        return std::any_of(tables.begin(), tables.end(), [&](const DumpedTable& t) { return t.table == name; });
    };
    for (const char* needed : {"schema_version", "users", "audit_log", "members"})
        if (!holds(needed))
            refuse_file(report.file, subst(tr("it has no {0} table: it is a backup of another kind of database"),
                                           {needed}));

    std::unique_ptr<Database> live = Database::open(target, OpenMode::ExistingOnly);
    const std::string schema = postgres_current_schema(*live);
    if (tables.front().schema != schema)
        refuse_file(report.file, subst(tr("it holds schema \"{0}\", and {1} works in schema \"{2}\"; restore it into "
                                          "a database whose schema is \"{0}\""),
                                       {tables.front().schema, target.display, schema}));
    if (schema_version(*live) > 0) {
        if (!replace)
            throw ConflictError(subst(tr("restore: {0} already holds a MemberDesk database; to replace all of it "
                                         "with the backup, add --replace"),
                                      {target.display}));
        const Actor actor = sign_in();
        BackupService(*live, clock).authorise_restore(actor);
        report.restored_by = actor.username;
        report.replaced = true;
    }
    live.reset();  // pg_restore drops and recreates the tables: hold no connection over them
    load_postgres_backup(target, report.file);
    std::unique_ptr<Database> restored = Database::open(target, OpenMode::ExistingOnly);
    try {
        check_and_record(*restored, report, restore_actor_name(report), clock);
    } catch (const ValidationError& e) {
        // Loaded already (pg_restore cannot be tried without loading): say so plainly.
        throw StorageError(subst(tr("restore: the backup was loaded into {0}, but the result fails its check; restore "
                                    "an earlier backup: {1}"),
                                 {target.display, e.what()}));
    }
    return report;
}

}  // namespace

RestoreReport restore_database(const DatabaseUrl& target, const std::string& file, bool replace,
                               const std::function<Actor()>& sign_in_to_target, Clock clock) {
    RestoreReport report;
    report.file = file;
    report.target = target.display;
    const BackupKind kind = sniff_backup(file);
    report.format = backup_kind_code(kind);
    const BackupKind wanted = target.backend == Backend::Sqlite ? BackupKind::SqliteFile : BackupKind::PostgresDump;
    if (kind == BackupKind::Unknown)
        refuse_file(file, tr("it is neither a SQLite database nor a PostgreSQL dump"));
    if (kind != wanted)
        refuse_file(file, kind == BackupKind::SqliteFile
                              ? tr("it is a SQLite backup; restore it into a SQLite database (sqlite3://db=FILE)")
                              : tr("it is a PostgreSQL backup; restore it into a PostgreSQL database"));
    return target.backend == Backend::Sqlite ? restore_sqlite(target, report, replace, sign_in_to_target, clock)
                                             : restore_postgres(target, report, replace, sign_in_to_target, clock);
}

}  // namespace md
