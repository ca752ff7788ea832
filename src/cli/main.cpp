// memberdesk-cli: every action of the console, for scripts, finance exports and automation.
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "models/errors.h"

#include <iostream>

using namespace md;
using namespace md::cli;

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
        // Replace, not throw, on bytes that are not UTF-8: the error path must never crash.
        std::cout << nlohmann::json{{"error", e}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    CliContext ctx;
    CLI::App app{"MemberDesk console (headless). Password: MEMBERDESK_PASSWORD or a prompt.", "memberdesk-cli"};
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

    try {
        app.parse(argc, argv);
        return kOk;
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
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
