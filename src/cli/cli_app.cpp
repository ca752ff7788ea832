#include "cli/cli_app.h"

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "models/errors.h"

#include <iostream>

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
    register_session_command(app, ctx);
}

namespace {

// One line on stderr for people; with --json also an error object on stdout for machines.
int fail(const CliContext& ctx, int code, const char* kind, const std::string& message,
         const std::string& field = "", const std::string& value = "") {
    std::cerr << "memberdesk-cli: " << message << '\n';
    if (ctx.json) {
        nlohmann::json e = {{"kind", kind}, {"message", message}, {"exit_code", code}};
        if (!field.empty()) {
            e["field"] = field;
            e["value"] = value;
        }
        // A message may quote bytes that are not UTF-8 (an argument such as an amount, typed in
        // another encoding): they are replaced, since a strict dump would throw here, inside
        // the error handling, and abort the process instead of exiting with the code.
        std::cout << nlohmann::json{{"error", e}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return code;
}

}  // namespace

int run_command_line(CliContext& ctx, const std::vector<std::string>& args) {
    CLI::App app{kCliDescription, "memberdesk-cli"};
    register_all_commands(app, ctx);
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
        app.parse(reversed);
        return kOk;
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    } catch (const SessionFailed& e) {
        return e.code;
    } catch (const UsageError& e) {
        return fail(ctx, kUsage, "usage", e.what());
    } catch (const ValidationError& e) {
        return fail(ctx, kInvalidInput, "invalid_input", e.what(), e.field(), e.value());
    } catch (const PermissionError& e) {
        return fail(ctx, kPermissionDenied, "permission_denied", e.what());
    } catch (const ConflictError& e) {
        return fail(ctx, kConflict, "conflict", e.what());
    } catch (const NotFoundError& e) {
        return fail(ctx, kNotFound, "not_found", e.what());
    } catch (const StorageError& e) {
        return fail(ctx, kStorageFailure, "storage", e.what());
    } catch (const std::exception& e) {
        return fail(ctx, kStorageFailure, "internal", e.what());
    }
}

}  // namespace md::cli
