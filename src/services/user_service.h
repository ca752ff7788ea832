#pragma once
// Console users: list, add, change role or name, disable/enable, reset password.
// Edits carry the version the editor loaded; saving over a newer one is a StaleEditError.
#include "services/audit_trail.h"
#include "models/user.h"

#include <optional>
#include <vector>

namespace md {

struct NewUser {
    std::string username;
    std::string display_name;
    std::string role;      // role code, validated here
    std::string password;  // validated here, stored only as a hash
};

struct UserChanges {
    std::optional<std::string> display_name;
    std::optional<std::string> role;
    std::optional<bool> active;
};

class UserService {
public:
    UserService(Database& db, Clock clock) : db_(db), clock_(clock), audit_(db, clock) {}

    std::vector<User> list(const Actor& actor);
    User get(const Actor& actor, const std::string& username);
    User add(const Actor& actor, const NewUser& user);
    // expected_version: the version the editor saw; nullopt = whatever is stored now.
    User update(const Actor& actor, const std::string& username, const UserChanges& changes,
                std::optional<int> expected_version);
    // Also clears a lockout.
    User reset_password(const Actor& actor, const std::string& username, const std::string& new_password,
                        std::optional<int> expected_version);

private:
    User load(const std::string& username);
    User save(const Actor& actor, const std::string& action, const User& before, User after,
              std::optional<int> expected_version, const std::string& detail);
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
};

// The user as it appears in the audit trail: every field but the password hash.
std::string user_audit_json(const User& user);

}  // namespace md
