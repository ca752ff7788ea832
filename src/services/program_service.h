#pragma once
// Programme configuration under maker-checker approval. Proposals become change requests;
// approvals (one or two distinct approvers, per the rule for the kind) turn them into item
// versions in force from their effective date. Export and import go through the same path.
#include "db/change_repository.h"
#include "services/audit_trail.h"
#include "services/json_diff.h"
#include "services/program_codec.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace md {

struct Proposal {
    ChangeKind kind = ChangeKind::Ladder;
    std::optional<nlohmann::json> item;  // the new item; none = retire `retire_key`
    std::string retire_key;
    std::string reason;
    Date effective_from;
    bool submit = true;                  // false keeps it a draft
};

struct ChangeView {
    ChangeRequest request;
    ApprovalRule rule;
    int in_force_version = 0;            // the version compared against, 0 = none (new item)
    std::vector<FieldChange> diff;       // against the version in force on the effective date (approved: the one it replaced)
    std::optional<std::string> simulation;  // the what-if worked out when it was submitted (JSON), if any
};

struct ImportResult {
    std::vector<std::int64_t> change_ids;  // one per item that differs from what is in force
    int unchanged = 0;
};

class ProgramService {
public:
    ProgramService(Database& db, Clock clock) : db_(db), clock_(clock), audit_(db, clock) {}

    Date today() const;  // the business day now

    ChangeRequest propose(const Actor& actor, const Proposal& proposal);
    // Proposes an earlier approved version again (rollback) as a new change request.
    ChangeRequest propose_version(const Actor& actor, ChangeKind kind, const std::string& key, int version,
                                  const std::string& reason, const Date& effective_from);
    ChangeRequest submit(const Actor& actor, std::int64_t id);
    ChangeRequest decide(const Actor& actor, std::int64_t id, bool approve, const std::string& comment);

    std::vector<ChangeRequest> list(const Actor& actor, const ChangeQuery& query);
    // Submitted requests this actor may decide now (right role, not their own, not yet decided by them).
    std::vector<ChangeRequest> waiting_for(const Actor& actor);
    ChangeView show(const Actor& actor, std::int64_t id);

    std::vector<ProgramItem> items_as_of(const Actor& actor, const Date& as_of);
    Program program_as_of(const Actor& actor, const Date& as_of);
    std::vector<ConfigVersion> history(const Actor& actor, ChangeKind kind, const std::string& key);
    // The rules in force on `day`, for a service applying them on behalf of a call it has already
    // checked (a purchase earns coins under them). No permission check of its own. Cached: one
    // small query per call tells whether any version was approved since.
    const Program& rules_in_force(const Date& day);

    // Validates the whole file first; then one change request per item that differs from
    // what is in force, all in one transaction. Nothing is written if any item is bad.
    ImportResult import_program(const Actor& actor, const nlohmann::json& document, const std::string& reason,
                                const Date& effective_from);

    // Committee seats in force today whose term ends within the next `within_days` days.
    std::vector<CommitteeSeat> terms_ending(const Actor& actor, int within_days);
    // Seats in force today whose member no longer holds the tier a seat needs (the setting
    // committee_tier, "ladder:tier", the premium club's Lifetime Honorary by default) or a higher
    // one on that ladder: member number → the reason, in words.
    std::map<std::string, std::string> committee_warnings(const Actor& actor);

    std::vector<ApprovalRule> approval_rules(const Actor& actor);
    void set_approval_rule(const Actor& actor, const ApprovalRule& rule);

    // Told of each request once it is submitted and committed (the composition root attaches
    // the what-if simulation here, outside the submit's transaction).
    using SubmitObserver = std::function<void(const Actor&, const ChangeRequest&)>;
    void on_submitted(SubmitObserver observer) { on_submitted_ = std::move(observer); }

private:
    ChangeRequest load(std::int64_t id);
    ChangeRequest create(const Actor& actor, ChangeRequest request);
    Program sorted_program(const Date& as_of);
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    struct RulesCache {
        Date day;
        long long newest_version_id = -1;
        Program program;
    };
    std::optional<RulesCache> rules_cache_;
    SubmitObserver on_submitted_;
};

std::string change_audit_json(const ChangeRequest& request);

}  // namespace md
