#pragma once
// File → Open recent: the databases signed in to lately, most recent first, kept with wxConfig
// (at most kMaxRecentDatabases). A PostgreSQL URL is kept without its password, which stays in
// memory only: opening such an entry again asks the server as the URL says (.pgpass, trust).
#include "db/database_url.h"  // url_without_password

#include <string>
#include <vector>

namespace md::views {

constexpr std::size_t kMaxRecentDatabases = 8;

// The list after signing in to `url`: it moves to the front, once, and the oldest falls off.
std::vector<std::string> with_recent(std::vector<std::string> list, const std::string& url);

std::vector<std::string> recent_databases();
void remember_database(const std::string& url);

}  // namespace md::views
