#pragma once
// One line of the audit trail: who did what to which record, when, and what it looked like
// before and after. Refused attempts are recorded too (outcome denied/failed).
#include "models/timestamps.h"

#include <cstdint>
#include <optional>
#include <string>

namespace md {

enum class AuditOutcome { Ok, Denied, Failed };

std::string outcome_code(AuditOutcome outcome);  // "ok", "denied", "failed"
AuditOutcome parse_outcome(const std::string& code);

struct AuditRecord {
    std::int64_t id = 0;
    Instant at;
    std::string actor;      // username, or the name someone tried to sign in with
    std::string action;     // action code, e.g. "user.add", "auth.sign_in"
    std::string entity;     // record kind, e.g. "user"
    std::string entity_id;  // human key of the record, e.g. the username
    AuditOutcome outcome = AuditOutcome::Ok;
    std::string before;     // JSON text, empty when there was nothing
    std::string after;      // JSON text
    std::string detail;     // one line for people (why it was refused, what was asked)
};

struct AuditFilter {
    std::optional<std::string> actor;
    std::optional<std::string> action;   // exact code, or a prefix ending in '.' ("user.")
    std::optional<Date> from;            // inclusive business days
    std::optional<Date> to;
    int limit = 1000;                    // newest first
};

}  // namespace md
