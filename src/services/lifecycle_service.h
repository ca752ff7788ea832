#pragma once
// The lifecycle job: re-evaluates every member's state as of a date under the lifecycle rule
// in force that day. A preview counts who would move between states and writes nothing; a run
// makes the same moves in one transaction, keeps each as member history, logs the run and
// audits it.
#include "db/lifecycle_repository.h"
#include "services/audit_trail.h"
#include "services/program_service.h"

#include <map>
#include <utility>
#include <vector>

namespace md {

struct LifecyclePlan {
    Date as_of;
    LifecycleRule rule;
    long long evaluated = 0;                                          // members registered by as_of
    std::map<LifecycleState, long long> before, after;                // members per state
    std::map<std::pair<LifecycleState, LifecycleState>, long long> moves;  // (from, to) → members
    long long changed() const;
};

struct LifecycleRunResult {
    std::int64_t run_id = 0;
    LifecyclePlan plan;
};

class LifecycleService {
public:
    LifecycleService(Database& db, Clock clock, ProgramService& program)
        : db_(db), clock_(clock), audit_(db, clock), program_(program) {}

    LifecyclePlan preview(const Actor& actor, const Date& as_of);
    // As of today or an earlier day: a run cannot know inactivity that has not happened yet.
    LifecycleRunResult run(const Actor& actor, const Date& as_of);
    std::vector<LifecycleRun> runs(const Actor& actor, int limit = 50);

private:
    LifecyclePlan plan(const Actor& actor, const Date& as_of, std::vector<LifecycleMove>* moves);
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    ProgramService& program_;
};

// [{"from": "activated", "to": "dormant", "count": 12}, ...] in state order: the run log's form.
std::string lifecycle_moves_json(const LifecyclePlan& plan);

}  // namespace md
