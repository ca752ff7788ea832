#pragma once
// Merging two records of one person (domain.md §2: same mobile number = same person). The
// survivor keeps its number and what it already has; blanks are filled from the absorbed record,
// tags are joined, and everything that referred to the absorbed member moves to the survivor.
// The absorbed record is kept whole in member_merges, its number then leads to the survivor,
// and the merge is audited, all in one transaction.
#include "services/audit_trail.h"
#include "services/ledger_service.h"
#include "services/member_service.h"
#include "services/program_service.h"

namespace md {

struct MergeResult {
    MemberRecord survivor;          // masked
    std::string absorbed_number;
};

class MemberMergeService {
public:
    MemberMergeService(Database& db, Clock clock, ProgramService& program)
        : db_(db), clock_(clock), audit_(db, clock), program_(program) {}

    // expected_versions: the versions the user looked at (stale ones are refused).
    MergeResult merge(const Actor& actor, const std::string& survivor_number, const std::string& absorbed_number,
                      std::optional<int> survivor_version = std::nullopt,
                      std::optional<int> absorbed_version = std::nullopt);

private:
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    ProgramService& program_;
};

// The pure part: what the survivor looks like after absorbing `absorbed`.
Member merged_member(const Member& survivor, const Member& absorbed);

}  // namespace md
