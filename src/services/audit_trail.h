#pragma once
// Writes audit records. record() joins the caller's open transaction, so a change and its
// audit line commit or vanish together. record_refusal() commits on its own, because the
// refused change never happens but the attempt must still be traceable.
#include "db/database.h"
#include "models/audit.h"
#include "services/actor.h"

namespace md {

class AuditTrail {
public:
    AuditTrail(Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

    // Returns the audit line's id, for records that refer to it (a tier change to its run).
    std::int64_t record(const std::string& actor, const std::string& action, const std::string& entity,
                const std::string& entity_id, const std::string& before, const std::string& after,
                const std::string& detail = "", AuditOutcome outcome = AuditOutcome::Ok);
    void record_refusal(const std::string& actor, const std::string& action, AuditOutcome outcome,
                        const std::string& entity, const std::string& entity_id, const std::string& detail);

    // Checks the permission table; on refusal records it and throws PermissionError.
    void require(const Actor& actor, Action action, const std::string& entity = "",
                 const std::string& entity_id = "");

    Instant now() const { return clock_(); }

private:
    Database& db_;
    Clock clock_;
    // Whether the database has the audit hash chain (schema 18 on). A database not yet migrated
    // still audits its sign-in and its db migrate, unchained; once seen, the chain never goes away.
    bool chain_seen_ = false;
};

}  // namespace md
