#include "cli/cli_app.h"

#include "cli/commands.h"

namespace md::cli {

const char* const kCliDescription = "MemberDesk console (headless). Password: MEMBERDESK_PASSWORD or a prompt.";

void register_all_commands(CLI::App& app, CliContext& ctx) {
    app.fallthrough();
    app.require_subcommand(1);
    app.add_option("--db", ctx.db_flag, "sqlite3://db=PATH or postgresql://dbname=... (else MEMBERDESK_DB, else the default file)");
    app.add_option("--user", ctx.user_flag, "Sign in as this user (else MEMBERDESK_USER)");
    app.add_flag("--json", ctx.json, "Machine-readable output on standard output");
    register_db_commands(app, ctx);
    register_user_commands(app, ctx);
    register_audit_commands(app, ctx);
    register_demo_commands(app, ctx);
    register_program_commands(app, ctx);
    register_change_commands(app, ctx);
    register_member_commands(app, ctx);
    register_committee_commands(app, ctx);
    register_lifecycle_commands(app, ctx);
    register_ledger_commands(app, ctx);
    register_card_commands(app, ctx);
    register_tier_commands(app, ctx);
    register_campaign_commands(app, ctx);
    register_complaint_commands(app, ctx);
    register_report_commands(app, ctx);
}

}  // namespace md::cli
