#include "services/database_service.h"

#include "db/ledger_repository.h"
#include "db/liability_repository.h"
#include "db/migrations.h"
#include "db/settings_repository.h"
#include "db/user_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "models/user.h"
#include "services/password_hasher.h"
#include "services/user_service.h"

namespace md {

DatabaseStatus DatabaseService::status() {
    DatabaseStatus s;
    s.backend = db_.backend() == Backend::Sqlite ? "sqlite3" : "postgresql";
    s.location = db_.url().display;
    s.schema_version = schema_version(db_);
    s.latest_schema_version = latest_schema_version();
    if (s.schema_version >= 1) s.users = UserRepository(db_).count();
    s.initialized = s.schema_version >= 1 && s.users > 0;
    if (s.schema_version >= 3) s.time_zone = SettingsRepository(db_).get("time_zone").value_or("");
    if (db_.backend() == Backend::Sqlite)
        db_.guarded("reading the journal mode", [&] { db_.sql() << "PRAGMA journal_mode", soci::into(s.journal_mode); });
    return s;
}

void DatabaseService::init(const std::string& admin_username, const std::string& admin_password) {
    validate_username(admin_username);
    validate_new_password(admin_password);
    const int found = schema_version(db_);
    if (found > 0 && UserRepository(db_).count() > 0)
        throw ConflictError(subst(tr("db init: {0} already holds a MemberDesk database (schema version {1})"),
                                  {db_.url().display, std::to_string(found)}));
    md::migrate(db_);

    User admin;
    admin.username = admin_username;
    admin.display_name = tr("Administrator");
    admin.role = Role::Admin;
    admin.password_hash = hash_password(admin_password);
    admin.created_at = admin.updated_at = clock_();
    admin.updated_by = admin_username;

    Transaction tx(db_);
    UserRepository repo(db_);
    if (repo.count() > 0)  // another console initialised it while we migrated
        throw ConflictError(subst(tr("db init: {0} already holds a MemberDesk database"), {db_.url().display}));
    admin.id = repo.insert(admin);
    audit_.record(admin_username, "db.init", "database", db_.url().display, "", user_audit_json(admin),
                  subst(tr("schema version {0}; first administrator {1}"),
                        {std::to_string(latest_schema_version()), admin_username}));
    tx.commit();
}

int DatabaseService::migrate(const Actor& actor) {
    audit_.require(actor, Action::MigrateDatabase, "database", db_.url().display);
    const int before = schema_version(db_);
    md::migrate(db_);
    const int after = schema_version(db_);
    if (after != before) {
        Transaction tx(db_);
        audit_.record(actor.username, "db.migrate", "database", db_.url().display,
                      "{\"schema_version\":" + std::to_string(before) + "}",
                      "{\"schema_version\":" + std::to_string(after) + "}");
        tx.commit();
    }
    return before;
}

std::string DatabaseService::check(const Actor& actor) {
    audit_.require(actor, Action::CheckDatabase, "database", db_.url().display);
    return check_database_integrity(db_);
}

std::string check_database_integrity(Database& db_) {
    const std::string storage = db_.guarded("checking the database", [&]() -> std::string {
        if (db_.backend() == Backend::Sqlite) {
            std::string result;
            db_.sql() << "PRAGMA integrity_check", soci::into(result);
            if (result != "ok") return result;
            long long violations = 0;
            db_.sql() << "SELECT COUNT(*) FROM pragma_foreign_key_check", soci::into(violations);
            return violations == 0 ? "ok" : subst(tr("{0} foreign-key violations"), {std::to_string(violations)});
        }
        int one = 0;
        db_.sql() << "SELECT 1", soci::into(one);
        return one == 1 ? "ok" : "no answer";
    });
    if (storage != "ok") return storage;
    // The ledger: every balance equal to its entries and its coin lots, none negative.
    std::string problems;
    for (const LedgerDiscrepancy& d : LedgerRepository(db_).check())
        problems += (problems.empty() ? "" : "\n") + d.member_number + ": " + d.what;
    return problems.empty() ? "ok" : problems;
}

std::map<std::string, std::int64_t> DatabaseService::ledger_totals(const Actor& actor) {
    audit_.require(actor, Action::CheckDatabase, "database", db_.url().display);
    return LiabilityRepository(db_).entry_totals();
}

}  // namespace md
