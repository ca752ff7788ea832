#include "services/tier_service.h"

#include "db/settings_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/member_service.h"

#include <nlohmann/json.hpp>

namespace md {
namespace {

const char* kEntity = "member";

int tier_index(const TierLadder& ladder, const std::string& code) {
    for (std::size_t i = 0; i < ladder.tiers.size(); ++i)
        if (ladder.tiers[i].code == code) return static_cast<int>(i);
    return -1;
}

const TierLadder& ladder_named(const Program& rules, const std::string& code) {
    for (const TierLadder& l : rules.ladders)
        if (l.code == code) return l;
    throw NotFoundError(subst(tr("ladder: there is no ladder \"{0}\" in force"), {code}));
}

std::optional<TierOverride> override_for(const std::map<std::string, TierOverride>& in_force, const std::string& ladder) {
    auto it = in_force.find(ladder);
    if (it == in_force.end()) return std::nullopt;
    return it->second;
}

// One member's new tiers against those held: writes each change, and tells the caller how each
// ladder moved (for a run's counts and log).
struct Outcome {
    const TierLadder* ladder;
    std::string from, to;
    int direction;  // +1 up, -1 down, 0 same
};

std::vector<Outcome> settle(TierRepository& repo, std::int64_t member_id, const Program& rules, const MemberHistory& h,
                            const Date& day, const HeldTiers& held, const std::map<std::string, TierOverride>& overrides,
                            const TierMove& move_template, bool write) {
    std::vector<Outcome> out;
    for (const TierLadder& ladder : rules.ladders) {
        const Standing s = evaluate(ladder, h, day, override_for(overrides, ladder.code));
        const auto was = held.find(ladder.code);
        const std::string from = was == held.end() ? "" : was->second.tier;
        const std::string to = s.tier_code(ladder);
        const int before = tier_index(ladder, from);
        out.push_back({&ladder, from, to, s.tier > before ? 1 : (s.tier < before ? -1 : 0)});
        if (from == to || !write) continue;
        repo.set_held(member_id, ladder.code, to, s.reached_on.value_or(day));
        TierMove m = move_template;
        m.ladder = ladder.code;
        m.from_tier = from;
        m.to_tier = to;
        m.day = day;
        repo.add_move(member_id, m);
    }
    return out;
}

void require_reason(const std::string& reason) {
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ValidationError("reason", reason, tr("reason: an override needs a reason"));
}

nlohmann::json override_json(const StoredOverride& s) {
    return {{"override", override_label(s.override.id)}, {"member", s.member_number}, {"ladder", s.override.ladder},
            {"tier", s.override.tier},  {"reason", s.override.reason},  {"starts", format_date(s.override.starts)},
            {"expires", format_date(s.override.expires)}, {"state", s.state}};
}

}  // namespace

std::string run_label(std::int64_t id) { return "R" + std::to_string(id); }
std::string override_label(std::int64_t id) { return "O" + std::to_string(id); }

TierExplanation TierService::explain(const Actor& actor, const std::string& number, const std::optional<Date>& as_of) {
    audit_.require(actor, Action::ViewMembers, kEntity, number);
    const Member member = load_member(db_, number);
    const Date day = as_of.value_or(program_.today());
    TierRepository repo(db_);
    const MemberHistory h = repo.history_of(member.id);
    const auto overrides = repo.overrides_in_force(member.id, day);
    TierExplanation e{member.number, member.name, day, {}};
    for (const TierLadder& ladder : program_.rules_in_force(day).ladders)
        if (ladder.applies_to(h.member_type))
            e.ladders.push_back({ladder, evaluate(ladder, h, day, override_for(overrides, ladder.code))});
    return e;
}

std::vector<TierMove> TierService::history(const Actor& actor, const std::string& number, int limit) {
    audit_.require(actor, Action::ViewMembers, kEntity, number);
    return TierRepository(db_).moves(load_member(db_, number).id, limit);
}

void TierService::note_fact(std::int64_t member_id, const Movement& movement, std::int64_t request_id) {
    if (movement.fact.amount == Money()) return;
    TierRepository(db_).add_fact(member_id, movement, request_id);
}

void TierService::reevaluate(std::int64_t member_id, const Date& day, const std::string& source,
                             const std::string& actor, std::int64_t audit_id) {
    TierRepository repo(db_);
    TierMove move;
    move.source = source;
    move.audit_id = audit_id;
    move.actor = actor;
    move.at = clock_();
    settle(repo, member_id, program_.rules_in_force(day), repo.history_of(member_id), day, repo.held(member_id),
           repo.overrides_in_force(member_id, day), move, true);
}

Discount TierService::discount_for(std::int64_t member_id, const Date& day) {
    const HeldTiers held = TierRepository(db_).held(member_id);
    Discount best;
    for (const TierLadder& ladder : program_.rules_in_force(day).ladders) {
        auto it = held.find(ladder.code);
        if (it == held.end()) continue;
        const int i = tier_index(ladder, it->second.tier);
        if (i < 0) continue;
        const Discount d = ladder.tiers[static_cast<std::size_t>(i)].discount;
        if (d.paid_basis_points() < best.paid_basis_points()) best = d;
    }
    return best;
}

void TierService::forget(std::int64_t member_id) { TierRepository(db_).forget(member_id); }

bool TierService::overrides_need_approval() {
    return SettingsRepository(db_).get("override_needs_approval").value_or("yes") == "yes";
}

void TierService::set_overrides_need_approval(const Actor& actor, bool needed) {
    audit_.require(actor, Action::ManageApprovalRules, "setting", "override_needs_approval");
    Transaction tx(db_);
    const std::string before = overrides_need_approval() ? "yes" : "no", after = needed ? "yes" : "no";
    SettingsRepository(db_).set("override_needs_approval", after);
    audit_.record(actor.username, "setting.change", "setting", "override_needs_approval", before, after);
    tx.commit();
}

StoredOverride TierService::request_override(const Actor& actor, const OverrideRequest& in) {
    audit_.require(actor, Action::RequestTierOverride, kEntity, in.member);
    require_reason(in.reason);
    if (in.expires < in.starts)
        throw ValidationError("expires", format_date(in.expires),
                              subst(tr("expires: {0} is before the override starts ({1})"),
                                    {format_date(in.expires), format_date(in.starts)}));
    const Date today = program_.today();
    if (in.expires < today)
        throw ValidationError("expires", format_date(in.expires),
                              subst(tr("expires: {0} is already past"), {format_date(in.expires)}));
    const TierLadder& ladder = ladder_named(program_.rules_in_force(today), in.ladder);
    if (tier_index(ladder, in.tier) < 0)
        throw ValidationError("tier", in.tier,
                              subst(tr("tier: ladder \"{0}\" has no tier \"{1}\""), {in.ladder, in.tier}));
    Transaction tx(db_);
    const Member member = load_member(db_, in.member);
    TierRepository repo(db_);
    const bool needs_approval = overrides_need_approval();
    TierOverride o{0, in.ladder, in.tier, in.reason, in.starts, in.expires, actor.username};
    o.id = repo.add_override(member.id, o, needs_approval ? "pending" : "active", clock_());
    StoredOverride stored = *repo.override_by_id(o.id);
    const std::int64_t audit_id =
        audit_.record(actor.username, "tier.override_request", kEntity, member.number, "", override_json(stored).dump(),
                      in.reason);
    if (!needs_approval) reevaluate(member.id, today, override_label(o.id), actor.username, audit_id);
    tx.commit();
    return stored;
}

StoredOverride TierService::decide_override(const Actor& actor, std::int64_t id, bool approve,
                                            const std::string& comment) {
    audit_.require(actor, Action::DecideTierOverride, "tier_override", override_label(id));
    Transaction tx(db_);
    TierRepository repo(db_);
    auto found = repo.override_by_id(id);
    if (!found) throw NotFoundError(subst(tr("override: there is no override {0}"), {override_label(id)}));
    if (found->state != "pending")
        throw ConflictError(subst(tr("override: {0} is already {1}"), {override_label(id), found->state}));
    if (found->override.by == actor.username) {
        const std::string message = subst(tr("override: {0} may not decide their own override {1}"),
                                          {actor.username, override_label(id)});
        audit_.record_refusal(actor.username, "tier.override_decide", AuditOutcome::Denied, "tier_override",
                              override_label(id), message);
        throw PermissionError(message);
    }
    const std::string before = override_json(*found).dump();
    repo.decide_override(id, approve ? "active" : "rejected", actor.username, clock_(), comment);
    StoredOverride after = *repo.override_by_id(id);
    const std::int64_t audit_id = audit_.record(actor.username, approve ? "tier.override_approve" : "tier.override_reject",
                                                kEntity, found->member_number, before, override_json(after).dump(), comment);
    if (approve) reevaluate(found->member_id, program_.today(), override_label(id), actor.username, audit_id);
    tx.commit();
    return after;
}

std::vector<StoredOverride> TierService::overrides(const Actor& actor, const std::string& number, bool pending_only) {
    audit_.require(actor, Action::ViewMembers, kEntity, number);
    std::optional<std::int64_t> member;
    if (!number.empty()) member = load_member(db_, number).id;
    return TierRepository(db_).overrides(member, pending_only);
}

RecomputePreview TierService::preview(const Actor& actor, const Date& as_of) {
    audit_.require(actor, Action::RecomputeTiers, "tiers", format_date(as_of));
    const Program& rules = program_.rules_in_force(as_of);
    TierRepository repo(db_);
    RecomputePreview p;
    p.as_of = as_of;
    std::map<std::pair<std::string, std::string>, RecomputeRow> rows;
    for (const TierLadder& l : rules.ladders) {
        rows[{l.code, ""}] = RecomputeRow{l.code, "", 0, 0, 0};
        for (const Tier& t : l.tiers) rows[{l.code, t.code}] = RecomputeRow{l.code, t.code, 0, 0, 0};
    }
    std::int64_t after = 0;
    for (;;) {
        const std::int64_t through = repo.batch_end(after, batch_size_);
        if (through == 0) break;
        // The batch's held tiers and overrides in one read each.
        auto held = repo.held_between(after, through);
        auto overrides = repo.overrides_in_force_between(after, through, as_of);
        repo.for_each_member(after, through, as_of, [&](const MemberFacts& m) {
            ++p.members;
            for (const Outcome& o : settle(repo, m.member_id, rules, m.history, as_of, held[m.member_id],
                                           overrides[m.member_id], {}, false)) {
                RecomputeRow& r = rows[{o.ladder->code, o.from}];
                r.ladder = o.ladder->code;
                r.tier = o.from;
                (o.direction > 0 ? r.up : o.direction < 0 ? r.down : r.same) += 1;
            }
        });
        after = through;
    }
    for (auto& [key, row] : rows) p.rows.push_back(row);
    return p;
}

TierRun TierService::recompute(const Actor& actor, const Date& as_of, const std::string& purpose,
                               const RunProgress& progress) {
    audit_.require(actor, Action::RecomputeTiers, "tiers", format_date(as_of));
    if (as_of > program_.today())
        throw ValidationError("as_of", format_date(as_of),
                              subst(tr("as_of: {0} is in the future; a run can only apply what has happened"),
                                    {format_date(as_of)}));
    TierRepository repo(db_);
    TierRun run;
    run.as_of = as_of;
    run.purpose = purpose.empty() ? "recompute" : purpose;
    run.state = "running";
    run.started_by = actor.username;
    run.started_at = clock_();
    {
        Transaction tx(db_);
        run.id = repo.add_run(run);
        run.audit_id = audit_.record(actor.username, "tier.recompute", "tier_run", run_label(run.id), "",
                                     nlohmann::json{{"as_of", format_date(as_of)}, {"purpose", run.purpose}}.dump());
        repo.save_run(run);
        tx.commit();
    }
    return continue_run(actor, run, progress);
}

TierRun TierService::resume(const Actor& actor, std::int64_t id, const RunProgress& progress) {
    audit_.require(actor, Action::RecomputeTiers, "tier_run", run_label(id));
    auto run = TierRepository(db_).run(id);
    if (!run) throw NotFoundError(subst(tr("run: there is no recompute run {0}"), {run_label(id)}));
    if (run->state == "finished")
        throw ConflictError(subst(tr("run: {0} has already finished"), {run_label(id)}));
    return continue_run(actor, *run, progress);
}

TierRun TierService::continue_run(const Actor& actor, TierRun run, const RunProgress& progress) {
    const Program rules = program_.rules_in_force(run.as_of);
    TierRepository repo(db_);
    TierMove move;
    move.source = run_label(run.id);
    move.audit_id = run.audit_id;
    move.actor = actor.username;
    for (;;) {
        Transaction tx(db_);
        move.at = clock_();
        const std::int64_t before = run.after_member;
        const std::int64_t last = repo.batch_end(before, batch_size_);
        auto held = repo.held_between(before, last);
        auto overrides = repo.overrides_in_force_between(before, last, run.as_of);
        if (last != 0) repo.for_each_member(before, last, run.as_of, [&](const MemberFacts& m) {
            ++run.members;
            bool up = false, down = false;
            for (const Outcome& o : settle(repo, m.member_id, rules, m.history, run.as_of, held[m.member_id],
                                           overrides[m.member_id], move, true)) {
                if (o.from == o.to) continue;
                repo.add_run_change(run.id, {m.member_id, "", o.ladder->code, o.from, o.to});
                up = up || o.direction > 0;
                down = down || o.direction < 0;
            }
            (up ? run.up : down ? run.down : run.same) += 1;
        });
        if (last == 0) {
            run.state = "finished";
            run.finished_at = clock_();
            repo.save_run(run);
            audit_.record(actor.username, "tier.recompute_finished", "tier_run", run_label(run.id), "",
                          nlohmann::json{{"members", run.members}, {"up", run.up}, {"down", run.down}, {"same", run.same}}
                              .dump());
            tx.commit();
            return run;
        }
        run.after_member = last;  // the checkpoint commits with the batch it closes
        repo.save_run(run);
        tx.commit();
        if (progress && !progress(run)) return run;
    }
}

std::vector<TierRun> TierService::runs(const Actor& actor, int limit) {
    audit_.require(actor, Action::ViewMembers, "tier_run", "");
    return TierRepository(db_).runs(limit);
}

std::vector<RunChange> TierService::run_changes(const Actor& actor, std::int64_t id) {
    audit_.require(actor, Action::ViewMembers, "tier_run", run_label(id));
    // An unknown run is not found, not a run that moved no one.
    if (!TierRepository(db_).run(id)) throw NotFoundError(subst(tr("run: there is no recompute run {0}"), {run_label(id)}));
    return TierRepository(db_).run_changes(id);
}

}  // namespace md
