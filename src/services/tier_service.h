#pragma once
// Who holds which tier, why, and keeping it so. The ledger reports each qualifying movement
// (note_fact) and asks for the member to be evaluated again in the same transaction
// (reevaluate), so a tier follows a transaction at once and its discount applies from the next
// purchase. A recompute job evaluates everyone as of a day (a new ladder version, a window end,
// downgrades), in batches that each commit with their checkpoint, so a stopped run resumes.
// Manual overrides need a second person when the setting override_needs_approval is "yes".
#include "db/tier_repository.h"
#include "services/audit_trail.h"
#include "services/program_service.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace md {

struct LadderStanding {
    TierLadder ladder;   // the version in force on the day
    Standing standing;
};

struct TierExplanation {
    std::string member_number;
    std::string member_name;
    Date as_of;
    std::vector<LadderStanding> ladders;
};

struct OverrideRequest {
    std::string member;
    std::string ladder;
    std::string tier;
    std::string reason;   // required
    Date starts;
    Date expires;         // last day it applies; not before starts
};

// Per ladder and tier held before: how many would move up, down, or stay.
struct RecomputeRow {
    std::string ladder;
    std::string tier;    // held before ("" = none)
    long long up = 0, down = 0, same = 0;
};

struct RecomputePreview {
    Date as_of;
    long long members = 0;
    std::vector<RecomputeRow> rows;
};

// Called after each batch with the run so far; returning false pauses the run (resume later).
using RunProgress = std::function<bool(const TierRun&)>;

class TierService {
public:
    TierService(Database& db, Clock clock, ProgramService& program)
        : db_(db), clock_(clock), audit_(db, clock), program_(program) {}

    TierExplanation explain(const Actor& actor, const std::string& member, const std::optional<Date>& as_of);
    std::vector<TierMove> history(const Actor& actor, const std::string& member, int limit = 200);

    // For the ledger, inside its transaction (its caller's permission already checked).
    void note_fact(std::int64_t member_id, const Movement& movement, std::int64_t request_id);
    void reevaluate(std::int64_t member_id, const Date& day, const std::string& source, const std::string& actor,
                    std::int64_t audit_id = 0);
    // The best (lowest paid) discount among the tiers the member holds on ladders in force.
    Discount discount_for(std::int64_t member_id, const Date& day);
    void forget(std::int64_t member_id);  // a merge drops the duplicate's tiers before moving its rows

    StoredOverride request_override(const Actor& actor, const OverrideRequest& request);
    StoredOverride decide_override(const Actor& actor, std::int64_t id, bool approve, const std::string& comment);
    std::vector<StoredOverride> overrides(const Actor& actor, const std::string& member, bool pending_only);
    bool overrides_need_approval();
    void set_overrides_need_approval(const Actor& actor, bool needed);

    RecomputePreview preview(const Actor& actor, const Date& as_of);
    TierRun recompute(const Actor& actor, const Date& as_of, const std::string& purpose,
                      const RunProgress& progress = {});
    TierRun resume(const Actor& actor, std::int64_t run_id, const RunProgress& progress = {});
    std::vector<TierRun> runs(const Actor& actor, int limit = 50);
    std::vector<RunChange> run_changes(const Actor& actor, std::int64_t run_id);

    void set_batch_size(int members) { batch_size_ = members; }

private:
    TierRun continue_run(const Actor& actor, TierRun run, const RunProgress& progress);
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    ProgramService& program_;
    int batch_size_ = 5000;
};

// "R12": how a run is named in tier history and on screens.
std::string run_label(std::int64_t id);
std::string override_label(std::int64_t id);

}  // namespace md
