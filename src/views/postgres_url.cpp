#include "views/postgres_url.h"

#include "models/errors.h"
#include "models/translate.h"

namespace md::views {
namespace {

// libpq keyword values: quote when they hold spaces, quotes or backslashes, else pass as is.
std::string libpq_value(const std::string& value) {
    if (!value.empty() && value.find_first_of(" '\\\t") == std::string::npos) return value;
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

}  // namespace

std::string postgres_url(const PostgresServer& server) {
    if (server.database.empty())
        throw ValidationError("database", "", tr("database: name the PostgreSQL database to open"));
    if (server.database.find_first_of(" '\\\t") != std::string::npos)
        throw ValidationError("database", server.database,
                              subst(tr("database: \"{0}\" must not contain spaces or quotes"), {server.database}));
    std::string url = "postgresql://dbname=" + server.database;
    if (!server.host.empty()) url += " host=" + libpq_value(server.host);
    if (!server.port.empty()) url += " port=" + libpq_value(server.port);
    if (!server.user.empty()) url += " user=" + libpq_value(server.user);
    if (!server.password.empty()) url += " password=" + libpq_value(server.password);
    return url;
}

}  // namespace md::views
