#pragma once
// Creating, upgrading, checking and describing the database itself.
#include "services/audit_trail.h"

#include <cstdint>
#include <map>
#include <string>

namespace md {

struct DatabaseStatus {
    std::string backend;      // "sqlite3" or "postgresql"
    std::string location;     // file path or "dbname@host:port"
    int schema_version = 0;
    int latest_schema_version = 0;
    bool initialized = false; // has a schema and at least one user
    long long users = 0;
    std::string time_zone;
    std::string journal_mode; // SQLite only: "wal"
};

class DatabaseService {
public:
    DatabaseService(Database& db, Clock clock) : db_(db), clock_(clock), audit_(db, clock) {}

    // Needs no sign-in: it shows only what the database is, no member or user data.
    DatabaseStatus status();
    // A new database: schema plus the first administrator. ConflictError if one is there.
    void init(const std::string& admin_username, const std::string& admin_password);
    // Brings an older schema up to date (admin). Returns the version before.
    int migrate(const Actor& actor);
    // "ok" or the first problems the database reports about itself.
    std::string check(const Actor& actor);
    // The ledger's totals by bucket code (fen; whole coins for "coins"): the sum of every entry,
    // which `check` finds equal to the sum of the accounts' balances. The prepaid liability
    // report as of today owes exactly these (admin, auditor).
    std::map<std::string, std::int64_t> ledger_totals(const Actor& actor);

private:
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
};

// check() without the permission check: for a database being restored, which nobody can sign
// in to until it has passed.
std::string check_database_integrity(Database& db);

}  // namespace md
