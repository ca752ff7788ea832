#pragma once
// Builds a `postgresql://` URL from the Open-database form. The password, if any, goes into
// the string only in memory: it is never saved nor shown (DatabaseUrl::display omits it).
#include <string>

namespace md::views {

struct PostgresServer {
    std::string host;
    std::string port;
    std::string database;
    std::string user;
    std::string password;
};

// Throws ValidationError naming the field when the database name is empty.
std::string postgres_url(const PostgresServer& server);

}  // namespace md::views
