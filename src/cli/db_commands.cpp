#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/password_input.h"
#include "models/errors.h"
#include "models/money.h"
#include "models/translate.h"
#include "models/user.h"
#include "services/database_restore.h"

#include <cstdlib>
#include <memory>

namespace md::cli {

void register_db_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* db = app.add_subcommand("db", "Create, upgrade, check and describe the database");
    db->require_subcommand(1);

    db->add_subcommand("init", "Create a new database and its first administrator (--user, default admin)")
        ->callback([&ctx] {
            std::string admin = "admin";
            if (ctx.user_flag && !ctx.user_flag->empty()) admin = *ctx.user_flag;
            else if (const char* env = std::getenv("MEMBERDESK_USER"); env && *env) admin = env;
            // Check the input before a file is created, so bad input leaves nothing behind.
            validate_username(admin);
            auto password = read_password("MEMBERDESK_PASSWORD", "New password for " + admin + ": ", true);
            if (!password) throw UsageError("no password: set MEMBERDESK_PASSWORD or run on a terminal to be asked");
            validate_new_password(*password);
            Services& s = ctx.services(OpenMode::CreateIfMissing);
            s.database_admin.init(admin, *password);
            const DatabaseStatus status = s.database_admin.status();
            nlohmann::json j = to_json(status);
            j["admin"] = admin;
            ctx.print(j, "Created a MemberDesk database at " + status.location + " (schema version " +
                             std::to_string(status.schema_version) + "); administrator: " + admin);
        });

    db->add_subcommand("status", "Show the backend, location and schema version")->callback([&ctx] {
        const DatabaseStatus s = ctx.services().database_admin.status();
        std::string text = "backend:        " + s.backend + "\nlocation:       " + s.location +
                           "\nschema version: " + std::to_string(s.schema_version) + " (this program: " +
                           std::to_string(s.latest_schema_version) + ")\ninitialised:    " +
                           (s.initialized ? "yes" : "no") + "\nusers:          " + std::to_string(s.users) +
                           "\ntime zone:      " + s.time_zone;
        if (!s.journal_mode.empty()) text += "\njournal mode:   " + s.journal_mode;
        ctx.print(to_json(s), text);
    });

    db->add_subcommand("migrate", "Upgrade an older database to this program's schema (admin)")->callback([&ctx] {
        const Actor& actor = ctx.actor(false);
        const int before = ctx.services().database_admin.migrate(actor);
        const DatabaseStatus s = ctx.services().database_admin.status();
        nlohmann::json j = to_json(s);
        j["previous_schema_version"] = before;
        ctx.print(j, before == s.schema_version
                         ? "Already at schema version " + std::to_string(before)
                         : "Upgraded from schema version " + std::to_string(before) + " to " +
                               std::to_string(s.schema_version));
    });

    db->add_subcommand("check", "Check the database's integrity (admin, auditor)")->callback([&ctx] {
        const std::string result = ctx.services().database_admin.check(ctx.actor());
        if (result != "ok") {
            ctx.print({{"result", result}, {"ok", false}}, result);
            throw StorageError("db check: " + result);
        }
        // The ledger's totals, which the prepaid liability report as of today must equal to the fen.
        nlohmann::json totals = nlohmann::json::object();
        std::string text = result + "\n" + tr("Ledger totals (every entry):");
        for (const auto& [bucket, sum] : ctx.services().database_admin.ledger_totals(ctx.actor())) {
            const std::string shown = bucket == "coins" ? std::to_string(sum) : Money::from_fen(sum).to_string();
            totals[bucket] = shown;
            text += "\n  " + bucket + " " + shown;
        }
        ctx.print({{"result", result}, {"ok", true}, {"totals", totals}}, text);
    });
    struct BackupOptions {
        std::string file;
        bool replace = false;
        std::optional<int> reminder_days;
    };
    auto opts = std::make_shared<BackupOptions>();

    CLI::App* backup = db->add_subcommand("backup", "Write a backup of the whole database to a new FILE (admin); "
                                                    "other consoles may go on writing");
    backup->add_option("file", opts->file, "The backup file to create (never overwritten)")->required();
    backup->callback([&ctx, opts] {
        const BackupReport r = ctx.services().backups.backup(ctx.actor(), opts->file);
        ctx.print({{"file", r.file}, {"format", r.format}, {"bytes", r.bytes}, {"at", format_instant(r.at)}},
                  subst(tr("Backed up {0} to {1} ({2}, {3} bytes)"),
                        {ctx.services().database().url().display, r.file, r.format, std::to_string(r.bytes)}));
    });

    CLI::App* restore = db->add_subcommand(
        "restore", "Restore a backup FILE into the database; one that holds data needs --replace and its admin");
    restore->add_option("file", opts->file, "The backup file (from db backup)")->required();
    restore->add_flag("--replace", opts->replace, "Replace the database's whole content with the backup's");
    restore->callback([&ctx, opts] {
        const RestoreReport r = restore_database(parse_database_url(ctx.database_url()), opts->file, opts->replace,
                                                 [&ctx] { return ctx.actor(); }, &now_utc);
        nlohmann::json j = {{"file", r.file},
                            {"format", r.format},
                            {"target", r.target},
                            {"replaced", r.replaced},
                            {"backup_schema_version", r.backup_schema_version},
                            {"schema_version", r.schema_version},
                            {"members", r.members},
                            {"users", r.users},
                            {"audit_records_chained", r.audit_records_chained},
                            {"audit_head_hash", r.audit_head_hash}};
        if (!r.restored_by.empty()) j["restored_by"] = r.restored_by;
        std::string text = subst(tr("Restored {0} into {1}: {2} members, {3} users; db check ok; audit chain ok "
                                    "({4} records)"),
                                 {r.file, r.target, std::to_string(r.members), std::to_string(r.users),
                                  std::to_string(r.audit_records_chained)});
        if (r.backup_schema_version != r.schema_version)
            text += "\n" + subst(tr("Brought from schema version {0} to {1}"),
                                 {std::to_string(r.backup_schema_version), std::to_string(r.schema_version)});
        ctx.print(j, text);
    });

    CLI::App* reminder = db->add_subcommand(
        "backup-status", "When the last backup was, and the reminder's days; --remind-after DAYS sets them (admin)");
    reminder->add_option("--remind-after", opts->reminder_days, "Remind when the last backup is this many days old");
    reminder->callback([&ctx, opts] {
        Services& s = ctx.services();
        if (opts->reminder_days) s.backups.set_reminder_days(ctx.actor(), *opts->reminder_days);
        const BackupStatus b = s.backups.status(ctx.actor());
        nlohmann::json j = {{"reminder_days", b.reminder_days}, {"overdue", b.overdue}};
        j["last_at"] = b.last_at ? nlohmann::json(format_instant(*b.last_at)) : nlohmann::json();
        j["last_file"] = b.last_at ? nlohmann::json(b.last_file) : nlohmann::json();
        j["days_since"] = b.days_since ? nlohmann::json(*b.days_since) : nlohmann::json();
        std::string text = b.last_at ? subst(tr("Last backup: {0} ({1} days ago), {2}"),
                                             {format_business_time(*b.last_at), std::to_string(*b.days_since),
                                              b.last_file})
                                     : tr("Last backup: never");
        text += "\n" + subst(tr("Reminder: when the last backup is {0} days old"), {std::to_string(b.reminder_days)});
        if (b.overdue) text += "\n" + tr("A backup is due.");
        ctx.print(j, text);
    });
}

}  // namespace md::cli
