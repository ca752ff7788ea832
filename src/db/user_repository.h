#pragma once
// Reads and writes the users table. No rules here: the services decide, this stores.
#include "db/database.h"
#include "models/user.h"

#include <optional>
#include <vector>

namespace md {

class UserRepository {
public:
    explicit UserRepository(Database& db) : db_(db) {}

    std::optional<User> find_by_username(const std::string& username);
    std::optional<User> find_by_id(std::int64_t id);
    std::vector<User> list();
    long long count();

    // Returns the new id.
    std::int64_t insert(const User& user);

    // Saves every field of `user` and bumps its version, but only if the stored version
    // still equals user.version. Returns false when someone saved in between.
    bool update_if_version(const User& user);

    // Sign-in bookkeeping: not a user edit, so it does not touch the version.
    void record_sign_in_result(std::int64_t id, int failed_sign_ins, const std::optional<Instant>& locked_until);

private:
    std::vector<User> select(const std::string& where, const std::string& key);
    Database& db_;
};

}  // namespace md
