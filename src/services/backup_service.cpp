#include "services/backup_service.h"

#include "db/backup_files.h"
#include "db/settings_repository.h"
#include "models/errors.h"
#include "models/translate.h"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace md {
namespace {

constexpr const char* kLastAt = "last_backup_at";
constexpr const char* kLastFile = "last_backup_file";
constexpr const char* kReminderDays = "backup_reminder_days";

int stored_reminder_days(SettingsRepository& settings) {
    const std::optional<std::string> text = settings.get(kReminderDays);
    if (!text) return BackupService::kDefaultReminderDays;
    try {
        return std::stoi(*text);
    } catch (const std::exception&) {
        return BackupService::kDefaultReminderDays;  // a hand-edited setting: fall back, do not fail sign-in
    }
}

}  // namespace

BackupReport BackupService::backup(const Actor& actor, const std::string& path, const BackupProgress& progress) {
    audit_.require(actor, Action::BackupDatabase, "database", db_.url().display);
    if (path.empty()) throw ValidationError("file", path, tr("file: give the backup file's name"));
    BackupReport report;
    report.file = std::filesystem::absolute(path).lexically_normal().string();
    const bool sqlite = db_.backend() == Backend::Sqlite;
    report.format = backup_kind_code(sqlite ? BackupKind::SqliteFile : BackupKind::PostgresDump);
    try {
        if (sqlite) write_sqlite_backup(db_, report.file, progress);
        else write_postgres_backup(db_, report.file, progress);
    } catch (const StorageError& e) {
        audit_.record_refusal(actor.username, "db.backup", AuditOutcome::Failed, "database", db_.url().display,
                              e.what());
        throw;
    }
    report.bytes = std::filesystem::file_size(report.file);
    report.at = clock_();
    // Recorded after the snapshot, so the backup holds everything before its own audit line.
    const nlohmann::json after = {{"file", report.file}, {"format", report.format}, {"bytes", report.bytes}};
    Transaction tx(db_);
    SettingsRepository settings(db_);
    settings.set(kLastAt, format_instant(report.at));
    settings.set(kLastFile, report.file);
    audit_.record(actor.username, "db.backup", "database", db_.url().display, "", after.dump());
    tx.commit();
    return report;
}

BackupStatus BackupService::status(const Actor& actor) {
    audit_.require(actor, Action::BackupDatabase, "database", db_.url().display);
    BackupStatus s;
    SettingsRepository settings(db_);
    s.reminder_days = stored_reminder_days(settings);
    if (const std::optional<std::string> at = settings.get(kLastAt)) {
        s.last_at = parse_instant(*at);
        s.last_file = settings.get(kLastFile).value_or("");
        s.days_since = (clock_() - *s.last_at).hours() / 24;
    }
    s.overdue = !s.days_since || *s.days_since >= s.reminder_days;
    return s;
}

void BackupService::set_reminder_days(const Actor& actor, int days) {
    audit_.require(actor, Action::BackupDatabase, "database", db_.url().display);
    if (days < 1 || days > 365)
        throw ValidationError("days", std::to_string(days),
                              subst(tr("days: {0} is outside 1–365"), {std::to_string(days)}));
    Transaction tx(db_);
    SettingsRepository settings(db_);
    const int before = stored_reminder_days(settings);
    settings.set(kReminderDays, std::to_string(days));
    audit_.record(actor.username, "db.backup_reminder", "setting", kReminderDays, std::to_string(before),
                  std::to_string(days));
    tx.commit();
}

void BackupService::authorise_restore(const Actor& actor) {
    audit_.require(actor, Action::RestoreDatabase, "database", db_.url().display);
}

}  // namespace md
