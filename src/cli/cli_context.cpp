#include "cli/cli_context.h"

#include "cli/password_input.h"
#include "db/migrations.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace md::cli {

std::string CliContext::database_url() const { return resolve_database_url(db_flag); }

Services& CliContext::services(OpenMode mode) {
    std::unique_ptr<Services>& opened = connection_->services;
    if (opened) return *opened;
    const std::string url = database_url();
    const bool is_default = (!db_flag || db_flag->empty()) && !std::getenv("MEMBERDESK_DB");
    if (is_default && mode == OpenMode::CreateIfMissing) {
        std::error_code ignored;  // a failure shows up as the clearer "folder does not exist" below
        std::filesystem::create_directories(std::filesystem::path(default_database_path()).parent_path(), ignored);
    }
    opened = std::make_unique<Services>(Database::open(url, mode));
    return *opened;
}

const Actor& CliContext::actor(bool require_current) {
    std::optional<Actor>& signed_in = connection_->actor;
    if (signed_in) return *signed_in;
    Services& s = services();
    // `db migrate` signs in on an older schema, but an empty database has no users to sign in
    // with: it is told to run `db init`, as every other command is.
    if (require_current || schema_version(s.database()) == 0) require_current_schema(s.database());
    std::string username;
    if (user_flag && !user_flag->empty()) username = *user_flag;
    else if (const char* env = std::getenv("MEMBERDESK_USER"); env && *env) username = env;
    else throw UsageError("no user: pass --user NAME or set MEMBERDESK_USER");
    auto password = read_password("MEMBERDESK_PASSWORD", "Password for " + username + ": ", false);
    if (!password) throw UsageError("no password: set MEMBERDESK_PASSWORD or run on a terminal to be asked");
    signed_in = s.auth.sign_in(username, *password);
    return *signed_in;
}

CliContext CliContext::continuing() const {
    CliContext next = *this;
    next.in_session_ = true;
    return next;
}

void CliContext::print(const nlohmann::json& result, const std::string& text) const {
    if (json) std::cout << result.dump(2) << '\n';
    else if (!text.empty()) std::cout << text << (text.back() == '\n' ? "" : "\n");
}

}  // namespace md::cli
