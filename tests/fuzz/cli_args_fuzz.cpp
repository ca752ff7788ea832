// Fuzz target: memberdesk-cli's argument parser, the real app (register_all_commands) with every
// command's action replaced by a no-op, so parsing runs in full (options, their checks and
// conversions, subcommand rules) and no command opens a database or does anything.
//
// Input: the argument words after the program name, one per line ("member\nadd\n--name\n王芳").
//
// Expected: CLI::ParseError (wrong usage, --help, which main() prints and exits 1 or 0 for),
// UsageError and md::Error (what option checks may throw; main() maps each to its exit code).
// Anything else escaping is a finding: main() would report it as an "internal" error. The app
// is built anew for every input, so each parse starts from the same state, as a process does.
#include "cli/cli_app.h"
#include "models/errors.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

using namespace md;
using namespace md::cli;

namespace {

// CLI11 keeps a command's action in App::final_callback_ (protected). The actions own the option
// values they bind (shared_ptr captures): destroyed, they would leave the options writing into
// freed memory (AddressSanitizer's first finding here). So each is moved out and kept alive.
struct ActionAccess : CLI::App {
    static std::function<void()>& action_of(CLI::App& app) { return app.*(&ActionAccess::final_callback_); }
};

// Every subcommand at every depth keeps its options but does nothing when chosen.
void silence_commands(CLI::App& app, std::vector<std::function<void()>>& kept) {
    kept.push_back(std::exchange(ActionAccess::action_of(app), [] {}));
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) silence_commands(*sub, kept);
}

std::vector<std::string> words_of(const std::string& input) {
    std::vector<std::string> words;
    std::string word;
    for (char c : input) {
        if (c == '\n') {
            words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(word);
    return words;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string> words = words_of(std::string(reinterpret_cast<const char*>(data), size));
    if (words.size() > 64) return 0;  // no command line needs more; keeps each run short

    CliContext ctx;
    std::vector<std::function<void()>> actions;  // declared first: outlives the app that binds into them
    CLI::App app{kCliDescription, "memberdesk-cli"};
    register_all_commands(app, ctx);
    silence_commands(app, actions);

    std::vector<const char*> argv{"memberdesk-cli"};
    for (const std::string& w : words) argv.push_back(w.c_str());
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError&) {
    } catch (const UsageError&) {
    } catch (const Error&) {
    }
    return 0;
}
