// `memberdesk-cli session`: many commands over one connection and one sign-in.
//
// A script that runs thousands of commands (a day's postings, the long concurrency runs of
// tests/reliability) would otherwise open the database and check the password, an Argon2id hash
// meant to be slow, once per process. A session reads command lines from standard input, one per
// line, and runs each exactly as memberdesk-cli would run it alone: same parsing, same
// transactions, same exit codes. Only the connection and the sign-in are kept between lines.
#include "cli/cli_app.h"
#include "cli/exit_codes.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace md::cli {
namespace {

// A line's words: a JSON array of strings (what programs send: nothing needs quoting), or else
// words split as a POSIX shell splits them for quotes and backslashes (what people type; no
// variables, no globbing). Throws UsageError for an unclosed quote or a malformed array.
std::vector<std::string> words_of(const std::string& line) {
    if (line[0] == '[') {
        nlohmann::json array = nlohmann::json::parse(line, nullptr, false);
        if (array.is_discarded() || !array.is_array())
            throw UsageError("session: a line starting with [ must be a JSON array of strings");
        std::vector<std::string> words;
        for (const auto& word : array) {
            if (!word.is_string()) throw UsageError("session: a line starting with [ must be a JSON array of strings");
            words.push_back(word.get<std::string>());
        }
        return words;
    }
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote == '\'') {
            if (c == '\'') quote = 0;
            else word += c;
        } else if (c == '\\' && i + 1 < line.size() && (quote == 0 || std::string("\"\\$`").find(line[i + 1]) != std::string::npos)) {
            word += line[++i];
            in_word = true;
        } else if (quote == '"') {
            if (c == '"') quote = 0;
            else word += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            in_word = true;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (quote) throw UsageError(std::string("session: the line ends inside ") + quote + "quotes" + quote);
    if (in_word) words.push_back(word);
    return words;
}

// The connection and the user are the session's: a line may not name others.
void refuse_connection_flags(const std::vector<std::string>& words) {
    for (const std::string& w : words)
        if (w == "--db" || w == "--user" || w.rfind("--db=", 0) == 0 || w.rfind("--user=", 0) == 0)
            throw UsageError("session: " + w.substr(0, w.find('=')) + " is set once, for the whole session");
}

// What a command writes, kept aside while it runs so that --json can wrap it in one record.
class CapturedOutput {
public:
    CapturedOutput() : out_(std::cout.rdbuf(stdout_.rdbuf())), err_(std::cerr.rdbuf(stderr_.rdbuf())) {}
    ~CapturedOutput() {
        std::cout.rdbuf(out_);
        std::cerr.rdbuf(err_);
    }
    std::string out() const { return stdout_.str(); }
    std::string err() const { return stderr_.str(); }

private:
    std::ostringstream stdout_, stderr_;
    std::streambuf* out_;
    std::streambuf* err_;
};

// Runs one line's words; its output goes straight through, as memberdesk-cli alone would write it.
int run_line(const CliContext& session, const std::vector<std::string>& words) {
    CliContext line = session.continuing();
    return run_command_line(line, words);
}

// With --json: one record per line read, on one line of its own, so a program can read the
// answers one by one: {"line", "exit_code", "output" (the command's JSON, null when it wrote
// none), "stderr"}.
int run_line_as_record(const CliContext& session, std::size_t line_number, const std::vector<std::string>& words) {
    int code;
    std::string out, err;
    {
        CapturedOutput captured;
        code = run_line(session, words);
        out = captured.out();
        err = captured.err();
    }
    nlohmann::json output = out.empty() ? nlohmann::json() : nlohmann::json::parse(out, nullptr, false);
    if (output.is_discarded()) output = out;  // --help and the like write text
    const nlohmann::json record = {{"line", line_number}, {"exit_code", code}, {"output", output}, {"stderr", err}};
    std::cout << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    return code;
}

}  // namespace

void register_session_command(CLI::App& app, CliContext& ctx) {
    auto* cmd = app.add_subcommand(
        "session",
        "Run commands read from standard input, one per line (shell words or a JSON array of strings), over one "
        "connection and one sign-in; blank lines and lines starting with # are skipped. With --json each line gets "
        "one record {line, exit_code, output, stderr}. Exit code: the first failing command's, else 0");
    auto stop_on_error = std::make_shared<bool>(false);
    cmd->add_flag("--stop-on-error", *stop_on_error, "Stop at the first command that fails");
    cmd->callback([&ctx, stop_on_error] {
        if (ctx.in_session()) throw UsageError("session: already in a session");
        int first_failure = kOk;
        std::string text;
        for (std::size_t number = 1; std::getline(std::cin, text); ++number) {
            const auto start = text.find_first_not_of(" \t\r");
            if (start == std::string::npos || text[start] == '#') continue;
            int code;
            try {
                const std::vector<std::string> words = words_of(text.substr(start));
                refuse_connection_flags(words);
                code = ctx.json ? run_line_as_record(ctx, number, words) : run_line(ctx, words);
            } catch (const UsageError& e) {
                // The line could not be read as a command: reported as that command's usage error.
                code = kUsage;
                std::cerr << "memberdesk-cli: line " << number << ": " << e.what() << '\n';
                if (ctx.json)
                    std::cout << nlohmann::json{{"line", number}, {"exit_code", code}, {"output", nullptr}, {"stderr", e.what()}}
                                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                              << std::endl;
            }
            if (code != kOk && !ctx.json) std::cerr << "memberdesk-cli: line " << number << " failed (exit " << code << ")\n";
            if (code != kOk && first_failure == kOk) first_failure = code;
            if (code != kOk && *stop_on_error) break;
        }
        if (first_failure != kOk) throw SessionFailed(first_failure);
    });
}

}  // namespace md::cli
