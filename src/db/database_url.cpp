#include "db/database_url.h"

#include "models/errors.h"
#include "models/translate.h"

#include <cstdlib>
#include <sstream>

namespace md {
namespace {

const std::string kSqlitePrefix = "sqlite3://";
const std::string kPostgresPrefix = "postgresql://";

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

// "key=value key2=value2" (libpq style) → value of key, or "".
std::string keyword_value(const std::string& params, const std::string& key) {
    std::istringstream in(params);
    std::string word;
    while (in >> word)
        if (starts_with(word, key + "=")) return word.substr(key.size() + 1);
    return "";
}

}  // namespace

DatabaseUrl parse_database_url(const std::string& url) {
    DatabaseUrl out;
    out.url = url;
    if (starts_with(url, kSqlitePrefix)) {
        std::string rest = url.substr(kSqlitePrefix.size());
        if (starts_with(rest, "db=")) rest = rest.substr(3);
        if (rest.size() >= 2 && rest.front() == '"' && rest.back() == '"') rest = rest.substr(1, rest.size() - 2);
        if (rest.empty())
            throw ValidationError("db", url, subst(tr("db: \"{0}\" names no SQLite file (sqlite3://db=PATH)"), {url}));
        out.backend = Backend::Sqlite;
        out.sqlite_path = rest;
        out.connect_string = "db=\"" + rest + "\" timeout=10";
        out.display = rest;
        return out;
    }
    if (starts_with(url, kPostgresPrefix)) {
        const std::string params = url.substr(kPostgresPrefix.size());
        if (keyword_value(params, "dbname").empty())
            throw ValidationError("db", url,
                                  subst(tr("db: \"{0}\" names no database (postgresql://dbname=NAME host=... "
                                           "port=... user=...)"),
                                        {url}));
        out.backend = Backend::Postgres;
        out.connect_string = params;
        // Fail fast when the server is down instead of hanging the GUI or a script.
        if (keyword_value(params, "connect_timeout").empty()) out.connect_string += " connect_timeout=5";
        const std::string host = keyword_value(params, "host");
        const std::string port = keyword_value(params, "port");
        out.display = "postgresql " + keyword_value(params, "dbname") + "@" + (host.empty() ? "localhost" : host) +
                      (port.empty() ? "" : ":" + port);
        return out;
    }
    throw ValidationError(
        "db", url,
        subst(tr("db: \"{0}\" has an unknown scheme (use sqlite3://db=PATH or postgresql://dbname=...)"), {url}));
}

std::string default_database_path() {
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::string(home) + "/.local/share";
    } else {
        base = ".";
    }
    return base + "/memberdesk/memberdesk.db";
}

std::string resolve_database_url(const std::optional<std::string>& flag) {
    if (flag && !flag->empty()) return *flag;
    if (const char* env = std::getenv("MEMBERDESK_DB"); env && *env) return env;
    return sqlite_url(default_database_path());
}

std::string url_without_password(const std::string& url) {
    // Split into libpq words: whitespace ends a word unless inside single quotes, where a
    // backslash escapes the next character (as views/postgres_url writes them).
    std::string kept, word;
    bool quoted = false;
    auto end_word = [&] {
        if (!word.empty() && !starts_with(word, "password=")) kept += (kept.empty() ? "" : " ") + word;
        word.clear();
    };
    for (std::size_t i = 0; i < url.size(); ++i) {
        const char c = url[i];
        if (quoted && c == '\\' && i + 1 < url.size()) {
            word += c;
            word += url[++i];
            continue;
        }
        if (c == '\'') quoted = !quoted;
        if (!quoted && (c == ' ' || c == '\t')) {
            end_word();
            continue;
        }
        word += c;
    }
    end_word();
    return kept;
}

std::string sqlite_url(const std::string& path) { return kSqlitePrefix + "db=" + path; }

}  // namespace md
