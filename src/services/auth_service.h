#pragma once
// Sign-in: checks the password, counts wrong ones, locks after five in a row for fifteen
// minutes, and records every attempt in the audit trail.
#include "services/audit_trail.h"
#include "models/user.h"

namespace md {

class AuthService {
public:
    AuthService(Database& db, Clock clock) : db_(db), clock_(clock), audit_(db, clock) {}
    // Throws AuthenticationError with a message for the person at the keyboard.
    Actor sign_in(const std::string& username, const std::string& password);

private:
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    SignInPolicy policy_;
};

}  // namespace md
