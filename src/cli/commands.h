#pragma once
// Each command group registers its subcommands on the app; the callbacks do the work.
#include "cli/cli_context.h"

#include <CLI/CLI.hpp>

namespace md::cli {

// A JSON file given on the command line; NotFound / ValidationError name the file.
nlohmann::json read_json_argument(const std::string& path);

void register_db_commands(CLI::App& app, CliContext& ctx);
void register_user_commands(CLI::App& app, CliContext& ctx);
void register_audit_commands(CLI::App& app, CliContext& ctx);
void register_demo_commands(CLI::App& app, CliContext& ctx);
void register_program_commands(CLI::App& app, CliContext& ctx);
void register_change_commands(CLI::App& app, CliContext& ctx);
void register_member_commands(CLI::App& app, CliContext& ctx);
void register_committee_commands(CLI::App& app, CliContext& ctx);
void register_lifecycle_commands(CLI::App& app, CliContext& ctx);
void register_ledger_commands(CLI::App& app, CliContext& ctx);
void register_card_commands(CLI::App& app, CliContext& ctx);
void register_tier_commands(CLI::App& app, CliContext& ctx);
void register_campaign_commands(CLI::App& app, CliContext& ctx);
void register_complaint_commands(CLI::App& app, CliContext& ctx);
void register_report_commands(CLI::App& app, CliContext& ctx);
// A posted transaction: its lines and the balances after it (text, or JSON with --json).
void print_txn_result(CliContext& ctx, const TxnResult& result);
void register_member_merge_command(CLI::App& member, CliContext& ctx);
void register_member_export_command(CLI::App& member, CliContext& ctx);
void register_member_import_command(CLI::App& member, CliContext& ctx);
void register_opening_import_command(CLI::App& account, CliContext& ctx);
void register_ledger_batch_command(CLI::App& txn, CliContext& ctx);

}  // namespace md::cli
