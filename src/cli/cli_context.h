#pragma once
// What every command shares: the global options, the database, the signed-in actor and
// the output mode. Commands ask it for what they need; it opens and signs in lazily.
#include "services/services.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace md::cli {

class CliContext {
public:
    std::optional<std::string> db_flag;
    std::optional<std::string> user_flag;
    bool json = false;

    // The database URL in force (flag, MEMBERDESK_DB, default file).
    std::string database_url() const;
    // Opened on first use. CreateIfMissing makes the default folder when the default file is used.
    Services& services(OpenMode mode = OpenMode::ExistingOnly);
    // Opens, checks the schema is current, and signs in with --user/MEMBERDESK_USER and
    // MEMBERDESK_PASSWORD or a prompt.
    // `db migrate` signs in to an older schema, so it may skip the schema check.
    const Actor& actor(bool require_current = true);

    // Prints `result` as JSON (with --json) or `text` otherwise.
    void print(const nlohmann::json& result, const std::string& text) const;

    // A context for the next command of a `session`: the same flags, and the same open database
    // and sign-in, so that many commands cost one connection and one password check.
    CliContext continuing() const;
    // True for the commands a session runs (a session cannot start another).
    bool in_session() const { return in_session_; }

private:
    // What a session's commands share; a single command has its own.
    struct Connection {
        std::unique_ptr<Services> services;
        std::optional<Actor> actor;
    };
    std::shared_ptr<Connection> connection_ = std::make_shared<Connection>();
    bool in_session_ = false;
};

// Thrown for command-line misuse; main() maps it to exit code 1.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Thrown by `session` when one of its commands failed: the process exits with that command's
// code, whose message was already written.
struct SessionFailed : std::runtime_error {
    explicit SessionFailed(int exit_code) : std::runtime_error("a command of the session failed"), code(exit_code) {}
    int code;
};

}  // namespace md::cli
