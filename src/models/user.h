#pragma once
// A console user (staff member), the sign-in lockout rule and the input rules for users.
#include "models/role.h"
#include "models/timestamps.h"

#include <cstdint>
#include <optional>
#include <string>

namespace md {

struct User {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::Auditor;
    bool active = true;
    std::string password_hash;            // Argon2id string; the password itself is never kept
    int failed_sign_ins = 0;              // consecutive wrong passwords
    std::optional<Instant> locked_until;  // set after too many wrong passwords
    Instant created_at;
    Instant updated_at;
    std::string updated_by;
    int version = 1;                      // optimistic concurrency: bumps on every change
};

// Five wrong passwords in a row lock the account for fifteen minutes.
struct SignInPolicy {
    int max_failures = 5;
    boost::posix_time::time_duration lock_duration = boost::posix_time::minutes(15);
};

bool is_locked(const User& user, const Instant& now);

// Throw ValidationError naming the field and value when the input breaks a rule.
void validate_username(const std::string& username);
void validate_display_name(const std::string& display_name);
void validate_new_password(const std::string& password);

}  // namespace md
