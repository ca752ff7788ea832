#pragma once
// Where the database is: `sqlite3://db=PATH` or `postgresql://dbname=... host=... port=... user=...`.
// Resolution order (design.md): --db flag, then MEMBERDESK_DB, then the default SQLite file.
#include <optional>
#include <string>

namespace md {

enum class Backend { Sqlite, Postgres };

struct DatabaseUrl {
    Backend backend = Backend::Sqlite;
    std::string url;             // as given
    std::string sqlite_path;     // SQLite only
    std::string connect_string;  // what SOCI gets
    std::string display;         // for people: path, or "dbname@host:port" without any password
};

// Throws ValidationError (field "db") for an unknown scheme or an empty path.
DatabaseUrl parse_database_url(const std::string& url);

// $XDG_DATA_HOME/memberdesk/memberdesk.db, else ~/.local/share/memberdesk/memberdesk.db.
std::string default_database_path();

// The URL in force: the flag if given, else MEMBERDESK_DB, else the default file.
std::string resolve_database_url(const std::optional<std::string>& flag);

std::string sqlite_url(const std::string& path);

// The URL without its `password=` word (libpq quoting understood: 'a b' is one value), so it
// can be kept (recent databases) without the secret.
std::string url_without_password(const std::string& url);

}  // namespace md
