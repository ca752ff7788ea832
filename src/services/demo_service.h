#pragma once
// Seeds a new database with the demo programme: one user per role with a known password,
// and whatever data the built areas hold. Later capabilities extend it.
#include "services/actor.h"
#include "db/database.h"
#include "models/user.h"

#include <vector>

namespace md {

struct DemoUser {
    std::string username;
    std::string display_name;
    std::string role;
    std::string password;  // printed once so people can sign in; demo only
};

class DemoService {
public:
    DemoService(Database& db, Clock clock) : db_(db), clock_(clock) {}
    // ConflictError if the database already has users: demo data never mixes with real data.
    std::vector<DemoUser> seed();

    // The parts of seed(), for tests that want the demo data under their own users.
    void seed_members(const Actor& desk);
    void seed_program(const Actor& maker, const Actor& checker);

private:
    Database& db_;
    Clock clock_;
};

}  // namespace md
