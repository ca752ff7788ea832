#include "services/program_service.h"

#include "db/member_repository.h"
#include "db/settings_repository.h"
#include "db/tier_repository.h"
#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>

namespace md {
namespace {

const char* kEntity = "change";

nlohmann::json parse_or_empty(const std::optional<std::string>& body) {
    return body ? nlohmann::json::parse(*body) : nlohmann::json::object();
}

// A seat must name a member of the registry.
void require_seated_member(Database& db, ChangeKind kind, const std::string& key) {
    if (kind == ChangeKind::Committee && !MemberRepository(db).by_number(key))
        throw ValidationError("committee.member_number", key,
                              subst(tr("committee.member_number: there is no member \"{0}\""), {key}));
}

}  // namespace

std::string change_audit_json(const ChangeRequest& r) {
    nlohmann::json j = {{"id", r.id},
                        {"kind", change_kind_code(r.kind)},
                        {"item_key", r.item_key},
                        {"status", change_status_code(r.status)},
                        {"effective_from", format_date(r.effective_from)},
                        {"base_version", r.base_version},
                        {"reason", r.reason},
                        {"proposed", r.proposed ? nlohmann::json::parse(*r.proposed) : nlohmann::json(nullptr)}};
    return j.dump();
}

Date ProgramService::today() const { return to_business_time(clock_()).date(); }

ChangeRequest ProgramService::load(std::int64_t id) {
    auto r = ChangeRepository(db_).find(id);
    if (!r) throw NotFoundError(subst(tr("change: there is no change request {0}"), {std::to_string(id)}));
    return *r;
}

ChangeRequest ProgramService::create(const Actor& actor, ChangeRequest r) {
    Transaction tx(db_);
    ChangeRepository repo(db_);
    r.base_version = repo.latest_version(r.kind, r.item_key);
    r.id = repo.insert(r);
    audit_.record(actor.username, r.status == ChangeStatus::Submitted ? "change.submit" : "change.propose", kEntity,
                  std::to_string(r.id), "", change_audit_json(r),
                  change_kind_code(r.kind) + " " + r.item_key);
    tx.commit();
    return r;
}

ChangeRequest ProgramService::propose(const Actor& actor, const Proposal& p) {
    audit_.require(actor, Action::ProposeChange, kEntity);
    ChangeRequest r;
    r.kind = p.kind;
    ChangeRepository repo(db_);
    if (p.item) {
        const ProgramItem item = read_item(p.kind, *p.item, change_kind_code(p.kind));
        require_seated_member(db_, p.kind, item.key);
        // A campaign's multiplier may not exceed the cap of the points rule in force when it starts.
        if (p.kind == ChangeKind::Campaign) {
            const Program& rules = rules_in_force(p.effective_from);
            const Campaign c =
                campaign_from_json(*p.item, change_kind_code(p.kind), rules.points ? rules.points->max_multiplier_pct : 100);
            for (const std::string& wanted : c.target.tiers) {
                bool exists = false;
                for (const TierLadder& l : rules.ladders)
                    for (const Tier& t : l.tiers) exists = exists || wanted == l.code + ":" + t.code;
                if (!exists)
                    throw ValidationError("target.tiers", wanted,
                                          subst(tr("target.tiers: there is no tier \"{0}\" in the ladders in force on {1}"),
                                                {wanted, format_date(p.effective_from)}));
            }
        }
        r.item_key = item.key;
        r.proposed = item.json;
        const auto history = repo.history(p.kind, item.key);
        if (!history.empty() && history.back().body == item.json)
            throw ValidationError(change_kind_code(p.kind), item.key,
                                  subst(tr("{0} \"{1}\": the proposal is the same as the latest approved version"),
                                        {change_kind_code(p.kind), item.key}));
    } else {
        const auto history = repo.history(p.kind, p.retire_key);
        if (history.empty() || !history.back().body)
            throw NotFoundError(subst(tr("{0} \"{1}\": there is no such item to retire"),
                                      {change_kind_code(p.kind), p.retire_key}));
        r.item_key = p.retire_key;
    }
    r.reason = p.reason;
    r.effective_from = p.effective_from;
    validate_proposal(r, today());
    r.created_by = actor.username;
    r.created_at = clock_();
    if (p.submit) {
        r.status = ChangeStatus::Submitted;
        r.submitted_at = r.created_at;
    }
    ChangeRequest created = create(actor, r);
    if (created.status == ChangeStatus::Submitted && on_submitted_) on_submitted_(actor, created);
    return created;
}

ChangeRequest ProgramService::propose_version(const Actor& actor, ChangeKind kind, const std::string& key, int version,
                                              const std::string& reason, const Date& effective_from) {
    audit_.require(actor, Action::ProposeChange, kEntity);
    for (const ConfigVersion& v : ChangeRepository(db_).history(kind, key)) {
        if (v.version != version) continue;
        Proposal p;
        p.kind = kind;
        if (v.body) p.item = nlohmann::json::parse(*v.body);
        else p.retire_key = key;
        p.reason = reason;
        p.effective_from = effective_from;
        return propose(actor, p);
    }
    throw NotFoundError(subst(tr("{0} \"{1}\" has no version {2}"), {change_kind_code(kind), key, std::to_string(version)}));
}

ChangeRequest ProgramService::submit(const Actor& actor, std::int64_t id) {
    audit_.require(actor, Action::ProposeChange, kEntity, std::to_string(id));
    Transaction tx(db_);
    ChangeRequest r = load(id);
    if (r.created_by != actor.username)
        throw PermissionError(subst(tr("change {0}: only {1}, who drafted it, can submit it"), {std::to_string(id), r.created_by}));
    if (r.status != ChangeStatus::Draft)
        throw ConflictError(subst(tr("change {0}: it is {1}, not a draft"), {std::to_string(id), change_status_code(r.status)}));
    validate_proposal(r, today());
    const std::string before = change_audit_json(r);
    r.status = ChangeStatus::Submitted;
    r.submitted_at = clock_();
    if (!ChangeRepository(db_).update_status_if_version(r, std::nullopt))
        throw ConflictError(subst(tr("change {0}: someone changed it just now; reload it"), {std::to_string(id)}));
    ++r.version;
    audit_.record(actor.username, "change.submit", kEntity, std::to_string(id), before, change_audit_json(r));
    tx.commit();
    if (on_submitted_) on_submitted_(actor, r);
    return r;
}

ChangeRequest ProgramService::decide(const Actor& actor, std::int64_t id, bool approve, const std::string& comment) {
    const std::string action = approve ? "change.approve" : "change.reject";
    audit_.require(actor, Action::DecideChange, kEntity, std::to_string(id));
    if (comment.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ValidationError("comment", comment, tr("comment: every decision needs a comment"));
    ChangeRepository repo(db_);
    {
        // Refusals of the maker-checker rule are recorded like any permission refusal.
        const ChangeRequest r = load(id);
        try {
            check_may_decide(r, actor.username, actor.role, repo.approval_rule(r.kind));
        } catch (const PermissionError& e) {
            audit_.record_refusal(actor.username, action, AuditOutcome::Denied, kEntity, std::to_string(id), e.what());
            throw;
        }
    }
    Transaction tx(db_);
    ChangeRequest r = load(id);
    const ApprovalRule rule = repo.approval_rule(r.kind);
    check_may_decide(r, actor.username, actor.role, rule);  // again, inside the transaction
    const std::string before = change_audit_json(r);
    const Instant now = clock_();
    repo.add_decision(r.id, {actor.username, approve, comment, now});
    r.decisions.push_back({actor.username, approve, comment, now});

    std::string detail = comment;
    std::optional<Instant> decided_at;
    if (!approve) {
        r.status = ChangeStatus::Rejected;
        decided_at = now;
    } else if (approvals_given(r) >= rule.approvals_needed) {
        const int latest = repo.latest_version(r.kind, r.item_key);
        if (latest != r.base_version)
            throw ConflictError(subst(tr("change {0}: {1} \"{2}\" was changed by another approved request since this "
                                         "one was written (version {3}, written against {4}); propose it again"),
                                      {std::to_string(id), change_kind_code(r.kind), r.item_key, std::to_string(latest),
                                       std::to_string(r.base_version)}));
        // An approval that comes after the requested date takes effect today, never in the past.
        if (r.effective_from < today()) {
            detail += " " + subst(tr("(effective {0} instead of {1}: approved after that date)"),
                                  {format_date(today()), format_date(r.effective_from)});
            r.effective_from = today();
        }
        repo.insert_version({r.kind, r.item_key, latest + 1, r.effective_from, r.proposed, r.id, now});
        r.status = ChangeStatus::Approved;
        decided_at = now;
    }
    // Bumps the request's version even when it still waits for a second approver, so two
    // approvers deciding at once cannot both think theirs was the last approval needed.
    if (!repo.update_status_if_version(r, decided_at))
        throw ConflictError(subst(tr("change {0}: someone decided it just now; reload it"), {std::to_string(id)}));
    ++r.version;
    audit_.record(actor.username, action, kEntity, std::to_string(id), before, change_audit_json(r), detail);
    tx.commit();
    return r;
}

std::vector<ChangeRequest> ProgramService::list(const Actor& actor, const ChangeQuery& query) {
    audit_.require(actor, Action::ViewProgram, kEntity);
    return ChangeRepository(db_).list(query);
}

std::vector<ChangeRequest> ProgramService::waiting_for(const Actor& actor) {
    audit_.require(actor, Action::ViewProgram, kEntity);
    ChangeRepository repo(db_);
    ChangeQuery q;
    q.status = ChangeStatus::Submitted;
    std::vector<ChangeRequest> out;
    for (ChangeRequest& r : repo.list(q)) {
        try {
            check_may_decide(r, actor.username, actor.role, repo.approval_rule(r.kind));
            out.push_back(std::move(r));
        } catch (const Error&) {
            // Not theirs to decide.
        }
    }
    return out;
}

ChangeView ProgramService::show(const Actor& actor, std::int64_t id) {
    audit_.require(actor, Action::ViewProgram, kEntity, std::to_string(id));
    ChangeView view;
    view.request = load(id);
    ChangeRepository repo(db_);
    view.rule = repo.approval_rule(view.request.kind);
    std::optional<std::string> current;
    if (view.request.status == ChangeStatus::Approved) {
        // Once approved, the request is itself in force: show what it changed from.
        for (const ConfigVersion& v : repo.history(view.request.kind, view.request.item_key))
            if (v.version == view.request.base_version) {
                view.in_force_version = v.version;
                current = v.body;
            }
    } else {
        for (const ConfigVersion& v : repo.in_force(view.request.effective_from, view.request.kind))
            if (v.item_key == view.request.item_key) {
                view.in_force_version = v.version;
                current = v.body;
            }
    }
    view.diff = json_diff(parse_or_empty(current), parse_or_empty(view.request.proposed));
    view.simulation = repo.simulation(id);
    return view;
}

std::vector<ProgramItem> ProgramService::items_as_of(const Actor& actor, const Date& as_of) {
    audit_.require(actor, Action::ViewProgram, "program");
    std::vector<ProgramItem> items;
    for (const ConfigVersion& v : ChangeRepository(db_).in_force(as_of))
        if (v.body) items.push_back({v.kind, v.item_key, *v.body});
    return items;
}

Program ProgramService::program_as_of(const Actor& actor, const Date& as_of) {
    audit_.require(actor, Action::ViewProgram, "program");
    return sorted_program(as_of);
}

const Program& ProgramService::rules_in_force(const Date& day) {
    const long long newest = db_.guarded("reading the programme version", [&] {
        long long id = 0;
        soci::indicator ind;
        db_.sql() << "SELECT MAX(id) FROM config_versions", soci::into(id, ind);
        return ind == soci::i_ok ? id : 0LL;
    });
    if (!rules_cache_ || rules_cache_->day != day || rules_cache_->newest_version_id != newest)
        rules_cache_ = RulesCache{day, newest, sorted_program(day)};
    return rules_cache_->program;
}

Program ProgramService::sorted_program(const Date& as_of) {
    std::vector<ProgramItem> items;
    for (const ConfigVersion& v : ChangeRepository(db_).in_force(as_of))
        if (v.body) items.push_back({v.kind, v.item_key, *v.body});
    Program p = program_from_items(items);
    auto by_code = [](const auto& a, const auto& b) { return a.code < b.code; };
    std::sort(p.ladders.begin(), p.ladders.end(), by_code);
    std::sort(p.bonuses.begin(), p.bonuses.end(), by_code);
    std::sort(p.packages.begin(), p.packages.end(), by_code);
    std::sort(p.denominations.begin(), p.denominations.end(),
              [](const Denomination& a, const Denomination& b) { return a.face_value < b.face_value; });
    std::sort(p.committee.begin(), p.committee.end(),
              [](const CommitteeSeat& a, const CommitteeSeat& b) { return a.member_number < b.member_number; });
    return p;
}

std::vector<ConfigVersion> ProgramService::history(const Actor& actor, ChangeKind kind, const std::string& key) {
    audit_.require(actor, Action::ViewProgram, "program");
    return ChangeRepository(db_).history(kind, key);
}

ImportResult ProgramService::import_program(const Actor& actor, const nlohmann::json& document,
                                            const std::string& reason, const Date& effective_from) {
    audit_.require(actor, Action::ProposeChange, kEntity);
    const std::vector<ProgramItem> items = program_items_from_json(document);
    for (const ProgramItem& item : items) require_seated_member(db_, item.kind, item.key);
    ChangeRequest header;
    header.reason = reason;
    header.effective_from = effective_from;
    validate_proposal(header, today());

    ImportResult result;
    std::vector<ChangeRequest> submitted;
    Transaction tx(db_);
    ChangeRepository repo(db_);
    for (const ProgramItem& item : items) {
        const auto history = repo.history(item.kind, item.key);
        if (!history.empty() && history.back().body == item.json) {
            ++result.unchanged;
            continue;
        }
        ChangeRequest r = header;
        r.kind = item.kind;
        r.item_key = item.key;
        r.proposed = item.json;
        r.base_version = history.empty() ? 0 : history.back().version;
        r.status = ChangeStatus::Submitted;
        r.created_by = actor.username;
        r.created_at = r.submitted_at.emplace(clock_());
        r.id = repo.insert(r);
        audit_.record(actor.username, "change.submit", kEntity, std::to_string(r.id), "", change_audit_json(r),
                      tr("programme import"));
        result.change_ids.push_back(r.id);
        submitted.push_back(r);
    }
    tx.commit();
    if (on_submitted_)
        for (const ChangeRequest& r : submitted) on_submitted_(actor, r);
    return result;
}

std::vector<CommitteeSeat> ProgramService::terms_ending(const Actor& actor, int within_days) {
    const Date from = today(), to = from + boost::gregorian::days(within_days);
    std::vector<CommitteeSeat> out;
    for (const CommitteeSeat& seat : program_as_of(actor, from).committee)
        if (seat.term_end >= from && seat.term_end <= to) out.push_back(seat);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.term_end < b.term_end; });
    return out;
}

std::map<std::string, std::string> ProgramService::committee_warnings(const Actor& actor) {
    const Date day = today();
    const Program program = program_as_of(actor, day);
    const std::string setting = SettingsRepository(db_).get("committee_tier").value_or("premium:lifetime_honorary");
    const std::string ladder_code = setting.substr(0, setting.find(':'));
    const std::string tier_code = setting.find(':') == std::string::npos ? "" : setting.substr(setting.find(':') + 1);
    const TierLadder* ladder = nullptr;
    for (const TierLadder& l : program.ladders)
        if (l.code == ladder_code) ladder = &l;
    auto index_of = [&](const std::string& code) {
        for (std::size_t i = 0; ladder && i < ladder->tiers.size(); ++i)
            if (ladder->tiers[i].code == code) return static_cast<int>(i);
        return -1;
    };
    const int needed = index_of(tier_code);
    std::map<std::string, std::string> out;
    if (!ladder || needed < 0) return out;  // no such tier in force: nothing to check against
    const Tier& tier = ladder->tiers[static_cast<std::size_t>(needed)];
    const std::string tier_name = tier.name_zh.empty() ? tier.name_en : tier.name_zh + " " + tier.name_en;
    MemberRepository members(db_);
    TierRepository tiers(db_);
    for (const CommitteeSeat& seat : program.committee) {
        if (seat.term_end < day || seat.term_start > day) continue;
        const auto member = members.by_number(seat.member_number);
        if (!member) continue;  // a merged-away number: the seat names the old record
        const HeldTiers held = tiers.held(member->id);
        const auto it = held.find(ladder_code);
        if (it != held.end() && index_of(it->second.tier) >= needed) continue;
        out[seat.member_number] = subst(tr("{0} does not hold {1} (or higher), which a committee seat needs"),
                                        {seat.member_number, tier_name});
    }
    return out;
}

std::vector<ApprovalRule> ProgramService::approval_rules(const Actor& actor) {
    audit_.require(actor, Action::ViewProgram, "approval_rule");
    return ChangeRepository(db_).approval_rules();
}

void ProgramService::set_approval_rule(const Actor& actor, const ApprovalRule& rule) {
    audit_.require(actor, Action::ManageApprovalRules, "approval_rule", change_kind_code(rule.kind));
    if (rule.approvals_needed < 1 || rule.approvals_needed > 2)
        throw ValidationError("approvals_needed", std::to_string(rule.approvals_needed),
                              subst(tr("approvals_needed: 1 or 2, not {0}"), {std::to_string(rule.approvals_needed)}));
    if (!role_may(rule.approver_role, Action::DecideChange))
        throw ValidationError("approver_role", role_code(rule.approver_role),
                              subst(tr("approver_role: the {0} role may not decide changes"), {role_code(rule.approver_role)}));
    Transaction tx(db_);
    ChangeRepository repo(db_);
    const ApprovalRule before = repo.approval_rule(rule.kind);
    repo.save_approval_rule(rule, actor.username);
    auto as_json = [](const ApprovalRule& r) {
        return nlohmann::json{{"kind", change_kind_code(r.kind)}, {"approver_role", role_code(r.approver_role)},
                              {"approvals_needed", r.approvals_needed}}.dump();
    };
    audit_.record(actor.username, "change.rules", "approval_rule", change_kind_code(rule.kind), as_json(before),
                  as_json(rule));
    tx.commit();
}

}  // namespace md
