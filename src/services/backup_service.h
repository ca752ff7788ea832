#pragma once
// Backups of the whole database (admin), and the reminder when the last one is getting old.
// A backup is one consistent snapshot taken while other consoles keep working (db/backup_files);
// restoring one is services/database_restore.
#include "db/backup_files.h"
#include "services/audit_trail.h"

#include <cstdint>
#include <optional>
#include <string>

namespace md {

struct BackupReport {
    std::string file;
    std::string format;       // "sqlite3" or "pg_dump"
    std::uintmax_t bytes = 0;
    Instant at;
};

struct BackupStatus {
    std::optional<Instant> last_at;  // the last backup this database knows of (db backup, the GUI)
    std::string last_file;
    int reminder_days = 0;
    // Whole days since the last backup; none if there never was one.
    std::optional<long> days_since;
    // Never backed up, or the last backup is reminder_days days old or older (inclusive).
    bool overdue = false;
};

class BackupService {
public:
    static constexpr int kDefaultReminderDays = 7;

    BackupService(Database& db, Clock clock) : db_(db), clock_(clock), audit_(db, clock) {}

    // Writes the backup to a new file at `path` (never over an existing one), then records it:
    // the audit line, and the time and file that the reminder counts from. `progress` is told how
    // far it is and may stop it (CancelledError; no file, nothing recorded).
    BackupReport backup(const Actor& actor, const std::string& path, const BackupProgress& progress = {});
    BackupStatus status(const Actor& actor);
    // 1 to 365 days (admin); audited.
    void set_reminder_days(const Actor& actor, int days);
    // Whether `actor` may replace this database with a backup (admin); a refusal is audited.
    void authorise_restore(const Actor& actor);

private:
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
};

}  // namespace md
