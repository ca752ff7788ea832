#include "services/audit_trail.h"

#include "db/audit_repository.h"
#include "services/audit_chain.h"
#include "models/errors.h"
#include "models/translate.h"

namespace md {

std::int64_t AuditTrail::record(const std::string& actor, const std::string& action, const std::string& entity,
                        const std::string& entity_id, const std::string& before, const std::string& after,
                        const std::string& detail, AuditOutcome outcome) {
    AuditRecord r;
    r.at = clock_();
    r.actor = actor;
    r.action = action;
    r.entity = entity;
    r.entity_id = entity_id;
    r.outcome = outcome;
    r.before = before;
    r.after = after;
    r.detail = detail;
    // The head read, the append and the head moved are one unit (a savepoint of the caller's
    // transaction, or its own), so the chain never forks between consoles.
    AuditRepository repo(db_);
    if (!chain_seen_ && !(chain_seen_ = repo.has_chain())) return repo.append_unchained(r);
    Transaction tx(db_);
    const AuditChainHead head = repo.lock_chain_head();
    const std::int64_t id = repo.append(r, head.hash, audit_chain_hash(head.hash, r));
    tx.commit();
    return id;
}

void AuditTrail::record_refusal(const std::string& actor, const std::string& action, AuditOutcome outcome,
                                const std::string& entity, const std::string& entity_id,
                                const std::string& detail) {
    Transaction tx(db_);
    record(actor, action, entity, entity_id, "", "", detail, outcome);
    tx.commit();
}

void AuditTrail::require(const Actor& actor, Action action, const std::string& entity,
                         const std::string& entity_id) {
    if (role_may(actor.role, action)) return;
    const std::string message =
        subst(tr("permission denied: {0} ({1}) may not {2}"), {actor.username, role_code(actor.role), action_code(action)});
    record_refusal(actor.username, action_code(action), AuditOutcome::Denied, entity, entity_id, message);
    throw PermissionError(message);
}

}  // namespace md
