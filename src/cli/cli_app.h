#pragma once
// The whole command line of memberdesk-cli in one place: the global options and every command
// group. main() parses with it; the argument-parser fuzz target (tests/fuzz) builds the same app.
#include "cli/cli_context.h"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace md::cli {

// What `memberdesk-cli --help` says first.
extern const char* const kCliDescription;

// Sets the app's parsing rules (one command, options after it), the global options
// (--db, --user, --json, bound to `ctx`) and registers every command group.
void register_all_commands(CLI::App& app, CliContext& ctx);

// Parses and runs one command line (`args` without the program name) against `ctx` and returns
// its exit code (design.md). Every error becomes that code and one line on stderr, and with
// --json also an error object on stdout: main() runs the process's arguments with it, `session`
// each line it reads.
int run_command_line(CliContext& ctx, const std::vector<std::string>& args);

// `session`: commands read from standard input, one per line, run over one connection and one
// sign-in (cli/session_command.cpp).
void register_session_command(CLI::App& app, CliContext& ctx);

}  // namespace md::cli
