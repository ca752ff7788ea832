#pragma once
// The tier engine's tables: qualifying movements (tier_facts), the tier each member holds
// (member_tiers), moves up and down (tier_history), manual overrides and recompute runs.
// Every write joins the caller's transaction; the service decides what is written.
#include "db/database.h"
#include "models/tier_engine.h"
#include "models/what_if.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace md {

struct HeldTier {
    std::string tier;
    Date since;
};
using HeldTiers = std::map<std::string, HeldTier>;  // by ladder code; absent = below the first tier

struct TierMove {
    std::int64_t id = 0;
    std::string ladder;
    std::string from_tier;   // "" = none
    std::string to_tier;
    Date day;
    std::string source;      // "T123" (a transaction), "R4" (a run), "O2" (an override), "merge"
    std::int64_t audit_id = 0;
    std::string actor;
    Instant at;
};

struct StoredOverride {
    TierOverride override;
    std::int64_t member_id = 0;
    std::string member_number;
    std::string state;       // pending, active, rejected, withdrawn
    Instant requested_at;
    std::string decided_by;
    std::string comment;
};

struct TierRun {
    std::int64_t id = 0;
    Date as_of;
    std::string purpose;
    std::string state;       // running, finished
    std::int64_t after_member = 0;  // checkpoint: every member up to this id is done
    long long members = 0, up = 0, down = 0, same = 0;
    std::int64_t audit_id = 0;
    std::string started_by;
    Instant started_at;
    std::optional<Instant> finished_at;
};

struct RunChange {
    std::int64_t member_id = 0;
    std::string member_number;
    std::string ladder;
    std::string from_tier;
    std::string to_tier;
};

// One member's movements, as the recompute streams them.
struct MemberFacts {
    std::int64_t member_id = 0;
    MemberHistory history;
};

class TierRepository {
public:
    explicit TierRepository(Database& db) : db_(db) {}

    void add_fact(std::int64_t member_id, const Movement& movement, std::int64_t request_id);
    MemberHistory history_of(std::int64_t member_id);
    // The id of the `limit`-th member after `after` (0 = none left): one batch of a run.
    std::int64_t batch_end(std::int64_t after, int limit);
    // Members with id in (after, through], in id order, with their movements up to `day`.
    void for_each_member(std::int64_t after, std::int64_t through, const Date& day,
                         const std::function<void(const MemberFacts&)>& visit);
    // Every member, in id order, with their movements up to `through`: those before `from` as
    // facts, those from `from` on as movements to replay. Read only.
    struct ReplayInput {
        std::int64_t member_id = 0;
        std::string number;
        MemberHistory before;
        std::vector<Movement> period;
        std::optional<Date> coin_member_since;
    };
    void for_each_member_to_replay(const Date& from, const Date& through,
                                   const std::function<void(const ReplayInput&)>& visit);
    std::optional<Date> first_movement_day();

    HeldTiers held(std::int64_t member_id);
    std::map<std::int64_t, HeldTiers> held_between(std::int64_t after, std::int64_t through);
    // Sets (or, with an empty tier, removes) the tier a member holds on a ladder.
    void set_held(std::int64_t member_id, const std::string& ladder, const std::string& tier, const Date& since);
    void forget(std::int64_t member_id);  // before a merge moves the member's rows

    void add_move(std::int64_t member_id, const TierMove& move);
    std::vector<TierMove> moves(std::int64_t member_id, int limit);

    std::int64_t add_override(std::int64_t member_id, const TierOverride& o, const std::string& state, const Instant& at);
    std::optional<StoredOverride> override_by_id(std::int64_t id);
    std::vector<StoredOverride> overrides(std::optional<std::int64_t> member_id, bool pending_only);
    // Active overrides of the member on the day, by ladder.
    std::map<std::string, TierOverride> overrides_in_force(std::int64_t member_id, const Date& day);
    std::map<std::int64_t, std::map<std::string, TierOverride>> overrides_in_force_between(std::int64_t after,
                                                                                          std::int64_t through,
                                                                                          const Date& day);
    void decide_override(std::int64_t id, const std::string& state, const std::string& by, const Instant& at,
                         const std::string& comment);

    std::int64_t add_run(const TierRun& run);
    std::optional<TierRun> run(std::int64_t id);
    std::vector<TierRun> runs(int limit);
    void save_run(const TierRun& run);
    void add_run_change(std::int64_t run_id, const RunChange& change);
    std::vector<RunChange> run_changes(std::int64_t run_id);

private:
    Database& db_;
};

}  // namespace md
