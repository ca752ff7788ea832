#pragma once
// The whole command line of memberdesk-cli in one place: the global options and every command
// group. main() parses with it; the argument-parser fuzz target (tests/fuzz) builds the same app.
#include "cli/cli_context.h"

#include <CLI/CLI.hpp>

namespace md::cli {

// What `memberdesk-cli --help` says first.
extern const char* const kCliDescription;

// Sets the app's parsing rules (one command, options after it), the global options
// (--db, --user, --json, bound to `ctx`) and registers every command group.
void register_all_commands(CLI::App& app, CliContext& ctx);

}  // namespace md::cli
