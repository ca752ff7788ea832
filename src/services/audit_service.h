#pragma once
// Reading the audit trail (admin and auditor). Itself read-only.
#include "services/audit_trail.h"

#include <vector>

namespace md {

class AuditService {
public:
    AuditService(Database& db, Clock clock) : db_(db), audit_(db, clock) {}
    std::vector<AuditRecord> list(const Actor& actor, const AuditFilter& filter);

private:
    Database& db_;
    AuditTrail audit_;
};

}  // namespace md
