#pragma once
// What the lifecycle job reads and writes: every member's activity dates and state, the state
// changes it makes, and its run log. The job works on all members at once, so reads stream
// and writes are batched instead of going through MemberRepository one member at a time.
#include "db/database.h"
#include "models/lifecycle_rule.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace md {

struct MemberActivity {
    std::int64_t member_id = 0;
    LifecycleState state = LifecycleState::Registered;
    ActivityFacts facts;
};

struct LifecycleMove {
    std::int64_t member_id = 0;
    LifecycleState from = LifecycleState::Registered;
    LifecycleState to = LifecycleState::Registered;
    int inactive_days = 0;
};

struct LifecycleRun {
    std::int64_t id = 0;
    Date as_of;
    LifecycleRule rule;
    long long evaluated = 0;
    long long changed = 0;
    std::string moves_json;  // [{"from":..., "to":..., "count":...}]
    std::string run_by;
    Instant run_at;
};

enum class ActivityKind { Recharge, Purchase };

class LifecycleRepository {
public:
    explicit LifecycleRepository(Database& db) : db_(db) {}

    // Calls `each` for every member in id order.
    void for_each_member(const std::function<void(const MemberActivity&)>& each);
    // Sets each member's state (bumping its version, so an edit made before it is refused as
    // stale instead of writing the old state back) and adds the history line.
    void apply(const std::vector<LifecycleMove>& moves, const std::string& reason, const std::string& actor,
               const Instant& at);
    std::int64_t add_run(const LifecycleRun& run);
    std::vector<LifecycleRun> runs(int limit);

    // Keeps the activity dates current; the ledger calls it for each recharge and purchase.
    void record_activity(std::int64_t member_id, ActivityKind kind, const Date& on);

private:
    Database& db_;
};

}  // namespace md
