// memberdesk-cli: every action of the console, for scripts, finance exports and automation.
#include "cli/cli_app.h"
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
        // A message may quote bytes that are not UTF-8 (an argument such as an amount, typed in
        // another encoding): they are replaced, since a strict dump would throw here, inside
        // main's error handling, and abort the process instead of exiting with the code.
        std::cout << nlohmann::json{{"error", e}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    CliContext ctx;
    CLI::App app{kCliDescription, "memberdesk-cli"};
    register_all_commands(app, ctx);

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
