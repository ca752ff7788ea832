// memberdesk-cli: every action of the console, for scripts, finance exports and automation.
#include "cli/cli_app.h"

int main(int argc, char** argv) {
    md::cli::CliContext ctx;
    return md::cli::run_command_line(ctx, std::vector<std::string>(argv + 1, argv + argc));
}
