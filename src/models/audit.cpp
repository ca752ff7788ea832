#include "models/audit.h"

namespace md {

std::string outcome_code(AuditOutcome outcome) {
    switch (outcome) {
        case AuditOutcome::Ok: return "ok";
        case AuditOutcome::Denied: return "denied";
        case AuditOutcome::Failed: return "failed";
    }
    return "failed";
}

AuditOutcome parse_outcome(const std::string& code) {
    if (code == "ok") return AuditOutcome::Ok;
    if (code == "denied") return AuditOutcome::Denied;
    return AuditOutcome::Failed;
}

}  // namespace md
