#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/password_input.h"
#include "models/errors.h"
#include "models/money.h"
#include "models/translate.h"
#include "models/user.h"

#include <cstdlib>

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
}

}  // namespace md::cli
