#include "services/lifecycle_service.h"

#include "models/errors.h"
#include "models/translate.h"

#include <nlohmann/json.hpp>

namespace md {
namespace {
const char* kEntity = "lifecycle";
}

long long LifecyclePlan::changed() const {
    long long n = 0;
    for (const auto& [fromto, count] : moves) n += count;
    return n;
}

std::string lifecycle_moves_json(const LifecyclePlan& plan) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [fromto, count] : plan.moves)
        out.push_back({{"from", lifecycle_code(fromto.first)}, {"to", lifecycle_code(fromto.second)}, {"count", count}});
    return out.dump();
}

LifecyclePlan LifecycleService::plan(const Actor& actor, const Date& as_of, std::vector<LifecycleMove>* moves) {
    const Program in_force = program_.program_as_of(actor, as_of);
    if (!in_force.lifecycle)
        throw ValidationError("lifecycle", format_date(as_of),
                              subst(tr("lifecycle: no lifecycle thresholds are in force on {0}; propose them with "
                                       "a change request first"),
                                    {format_date(as_of)}));
    LifecyclePlan p;
    p.as_of = as_of;
    p.rule = *in_force.lifecycle;
    LifecycleRepository(db_).for_each_member([&](const MemberActivity& a) {
        const std::optional<LifecycleState> now = lifecycle_state_on(p.rule, a.facts, as_of);
        if (!now) return;  // not a member yet on that day
        ++p.evaluated;
        ++p.before[a.state];
        ++p.after[*now];
        if (*now == a.state) return;
        ++p.moves[{a.state, *now}];
        if (moves) moves->push_back({a.member_id, a.state, *now, inactive_days(a.facts, as_of)});
    });
    return p;
}

LifecyclePlan LifecycleService::preview(const Actor& actor, const Date& as_of) {
    audit_.require(actor, Action::RunLifecycle, kEntity);
    return plan(actor, as_of, nullptr);
}

LifecycleRunResult LifecycleService::run(const Actor& actor, const Date& as_of) {
    audit_.require(actor, Action::RunLifecycle, kEntity);
    const Date today = to_business_time(clock_()).date();
    if (as_of > today)
        throw ValidationError("as_of", format_date(as_of),
                              subst(tr("as_of: {0} is after today ({1}); a run cannot count inactivity that has not "
                                       "happened yet (a preview can)"),
                                    {format_date(as_of), format_date(today)}));
    Transaction tx(db_);
    std::vector<LifecycleMove> moves;
    LifecycleRunResult result;
    result.plan = plan(actor, as_of, &moves);
    LifecycleRun run;
    run.as_of = as_of;
    run.rule = result.plan.rule;
    run.evaluated = result.plan.evaluated;
    run.changed = result.plan.changed();
    run.moves_json = lifecycle_moves_json(result.plan);
    run.run_by = actor.username;
    run.run_at = clock_();
    LifecycleRepository repo(db_);
    result.run_id = repo.add_run(run);
    const std::string reason =
        subst(tr("lifecycle run {0} as of {1}"), {std::to_string(result.run_id), format_date(as_of)});
    repo.apply(moves, reason, actor.username, run.run_at);
    // One audit record for the run, with the counts: each member's move is in its own history.
    audit_.record(actor.username, "lifecycle.run", kEntity, std::to_string(result.run_id), "",
                  nlohmann::json{{"as_of", format_date(as_of)},
                                 {"dormant_after_days", run.rule.dormant_after_days},
                                 {"lapsed_after_days", run.rule.lapsed_after_days},
                                 {"evaluated", run.evaluated},
                                 {"changed", run.changed},
                                 {"moves", nlohmann::json::parse(run.moves_json)}}
                      .dump());
    tx.commit();
    return result;
}

std::vector<LifecycleRun> LifecycleService::runs(const Actor& actor, int limit) {
    audit_.require(actor, Action::ViewMembers, kEntity);
    return LifecycleRepository(db_).runs(limit);
}

}  // namespace md
