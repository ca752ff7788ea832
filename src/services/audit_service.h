#pragma once
// Reading the audit trail (admin and auditor). Itself read-only.
#include "services/audit_chain.h"
#include "services/audit_trail.h"

#include <vector>

namespace md {

class AuditService {
public:
    AuditService(Database& db, Clock clock) : db_(db), audit_(db, clock) {}
    std::vector<AuditRecord> list(const Actor& actor, const AuditFilter& filter);
    // Walks the hash chain from its first record to its head (services/audit_chain): every
    // record's hash recomputed, every link and the head compared. Reads one snapshot.
    AuditChainCheck verify(const Actor& actor);

private:
    Database& db_;
    AuditTrail audit_;
};

// verify() without the permission check: for a database being restored, which nobody can sign
// in to until it has passed.
AuditChainCheck verify_audit_chain(Database& db);

}  // namespace md
