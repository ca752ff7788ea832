#pragma once
// Restoring a backup (services/backup_service) into a database: a new one, or, with `replace`,
// one that already holds data, whose administrator must sign in to it first.
//
// Nothing is changed until the backup has passed every check:
//   SQLite: the backup is copied beside the target, opened, brought to this program's schema,
//     checked (integrity, ledger balances against entries, the audit chain) and given its
//     db.restore audit line; only then does it take the target's place (a rename for a new
//     file, SQLite's backup API for a live one: one write transaction).
//   PostgreSQL: the archive's contents are checked first (a MemberDesk schema, the target's
//     schema name); pg_restore then loads it in one transaction; the same checks follow.
// A file that is not a MemberDesk backup, or a damaged one, is ValidationError naming the file.
#include "db/database_url.h"
#include "services/actor.h"

#include <functional>
#include <string>

namespace md {

struct RestoreReport {
    std::string file;
    std::string format;           // "sqlite3" or "pg_dump"
    std::string target;           // where it went, for people
    bool replaced = false;        // a database that held data was replaced
    std::string restored_by;      // who signed in to the database replaced; empty for a new one
    int backup_schema_version = 0;
    int schema_version = 0;       // after bringing it up to date
    long long members = 0;
    long long users = 0;
    long long audit_records_chained = 0;
    std::string audit_head_hash;
};

// `sign_in_to_target` is called only when the target already holds a MemberDesk database: the
// person replacing it must be one of its administrators (the refusal is audited there).
RestoreReport restore_database(const DatabaseUrl& target, const std::string& file, bool replace,
                               const std::function<Actor()>& sign_in_to_target, Clock clock);

}  // namespace md
