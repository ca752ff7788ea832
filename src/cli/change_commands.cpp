#include "cli/commands.h"
#include "cli/simulation_text.h"
#include "cli/json_output.h"
#include "models/errors.h"
#include "services/program_codec.h"

#include <memory>
#include <sstream>

namespace md::cli {

namespace {

nlohmann::json to_json(const ChangeRequest& r) {
    nlohmann::json decisions = nlohmann::json::array();
    for (const ChangeDecision& d : r.decisions)
        decisions.push_back({{"approver", d.approver}, {"approved", d.approved}, {"comment", d.comment}, {"at", iso_utc(d.at)}});
    return {{"id", r.id},
            {"kind", change_kind_code(r.kind)},
            {"item_key", r.item_key},
            {"status", change_status_code(r.status)},
            {"effective_from", format_date(r.effective_from)},
            {"reason", r.reason},
            {"created_by", r.created_by},
            {"created_at", iso_utc(r.created_at)},
            {"base_version", r.base_version},
            {"proposed", r.proposed ? nlohmann::json::parse(*r.proposed) : nlohmann::json(nullptr)},
            {"decisions", decisions},
            {"version", r.version}};
}

std::string line(const ChangeRequest& r) {
    return "#" + std::to_string(r.id) + "  " + change_status_code(r.status) + "  " + change_kind_code(r.kind) + " " +
           r.item_key + (r.proposed ? "" : " (retire)") + "  from " + format_date(r.effective_from) + "  by " +
           r.created_by + "  — " + r.reason;
}

}  // namespace

void register_change_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* change = app.add_subcommand("change", "Change requests: propose, submit, approve, reject (maker-checker)");
    change->require_subcommand(1);

    struct ListOptions { std::string status; bool mine = false, waiting = false; };
    auto lo = std::make_shared<ListOptions>();
    CLI::App* list = change->add_subcommand("list", "List change requests, newest first");
    list->add_option("--status", lo->status, "draft, submitted, approved or rejected")
        ->check(CLI::IsMember({"draft", "submitted", "approved", "rejected"}));
    list->add_flag("--mine", lo->mine, "Only the ones I wrote");
    list->add_flag("--waiting", lo->waiting, "Only the ones waiting for my decision");
    list->callback([&ctx, lo] {
        const Actor& actor = ctx.actor();
        ProgramService& s = ctx.services().program;
        std::vector<ChangeRequest> rows;
        if (lo->waiting) {
            rows = s.waiting_for(actor);
        } else {
            ChangeQuery q;
            if (!lo->status.empty()) q.status = parse_change_status(lo->status);
            if (lo->mine) q.created_by = actor.username;
            rows = s.list(actor, q);
        }
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const auto& r : rows) {
            j.push_back(to_json(r));
            text += line(r) + "\n";
        }
        ctx.print(j, text.empty() ? "No change requests." : text);
    });

    auto shown = std::make_shared<std::int64_t>(0);
    CLI::App* show = change->add_subcommand("show", "One change request with its field-by-field diff");
    show->add_option("id", *shown, "Change request number")->required();
    show->callback([&ctx, shown] {
        const ChangeView v = ctx.services().program.show(ctx.actor(), *shown);
        nlohmann::json diff = nlohmann::json::array();
        std::ostringstream text;
        text << line(v.request) << "\n";
        text << "approvals: " << approvals_given(v.request) << " of " << v.rule.approvals_needed << " (role "
             << role_code(v.rule.approver_role) << ")\n";
        for (const ChangeDecision& d : v.request.decisions)
            text << "  " << (d.approved ? "approved" : "rejected") << " by " << d.approver << " at "
                 << format_business_time(d.at) << ": " << d.comment << "\n";
        text << "diff against " << (v.in_force_version ? "version " + std::to_string(v.in_force_version) : std::string("nothing (new item)"))
             << ":\n";
        for (const FieldChange& c : v.diff) {
            diff.push_back({{"path", c.path}, {"before", c.before}, {"after", c.after}});
            text << "  " << c.path << ": " << (c.before.empty() ? "—" : c.before) << " → "
                 << (c.after.empty() ? "—" : c.after) << "\n";
        }
        if (v.simulation) text << simulation_text(nlohmann::ordered_json::parse(*v.simulation)) << "\n";
        nlohmann::json j = to_json(v.request);
        j["diff"] = diff;
        j["simulation"] = v.simulation ? nlohmann::json::parse(*v.simulation) : nlohmann::json();
        j["in_force_version"] = v.in_force_version;
        j["approvals_needed"] = v.rule.approvals_needed;
        j["approver_role"] = role_code(v.rule.approver_role);
        ctx.print(j, text.str());
    });

    struct ProposeOptions { std::string kind, file, retire, reason, effective; bool draft = false; };
    auto po = std::make_shared<ProposeOptions>();
    CLI::App* propose = change->add_subcommand("propose", "Propose a new or changed item from a JSON file, or retire one");
    propose->add_option("kind", po->kind,
                        "ladder, points, denomination, bonus, package, committee, lifecycle, stored_value, campaign, "
                        "business_calendar or complaint_policy")
        ->required();
    propose->add_option("--file", po->file, "The item as JSON (as in program export)");
    propose->add_option("--retire", po->retire, "Retire the item with this key instead");
    propose->add_option("--reason", po->reason, "Why (required)")->required();
    propose->add_option("--effective", po->effective, "In force from this day once approved (default today)");
    propose->add_flag("--draft", po->draft, "Keep it a draft; submit later with change submit");
    propose->callback([&ctx, po] {
        const Actor& actor = ctx.actor();
        ProgramService& s = ctx.services().program;
        Proposal p;
        p.kind = parse_change_kind(po->kind, "kind");
        if (po->file.empty() == po->retire.empty()) throw UsageError("give either --file or --retire");
        if (!po->file.empty()) p.item = read_json_argument(po->file);
        p.retire_key = po->retire;
        p.reason = po->reason;
        p.effective_from = po->effective.empty() ? s.today() : parse_date(po->effective, "effective");
        p.submit = !po->draft;
        const ChangeRequest r = s.propose(actor, p);
        ctx.print(to_json(r), "Change request " + line(r));
    });

    struct TierOptions { std::string ladder, tier, amount, reason, effective; };
    auto to = std::make_shared<TierOptions>();
    CLI::App* threshold = change->add_subcommand("set-threshold", "Propose a new threshold for one tier of a ladder");
    threshold->add_option("ladder", to->ladder, "Ladder code, e.g. individual")->required();
    threshold->add_option("tier", to->tier, "Tier code, e.g. red_diamond")->required();
    threshold->add_option("amount", to->amount, "New threshold in yuan, e.g. 2500")->required();
    threshold->add_option("--reason", to->reason, "Why (required)")->required();
    threshold->add_option("--effective", to->effective, "In force from this day once approved (default today)");
    threshold->callback([&ctx, to] {
        const Actor& actor = ctx.actor();
        ProgramService& s = ctx.services().program;
        const Money amount = Money::parse(to->amount, "amount");
        const Date effective = to->effective.empty() ? s.today() : parse_date(to->effective, "effective");
        std::optional<TierLadder> ladder;
        for (const TierLadder& l : s.program_as_of(actor, s.today()).ladders)
            if (l.code == to->ladder) ladder = l;
        if (!ladder) throw NotFoundError("ladder: there is no ladder \"" + to->ladder + "\" in force");
        bool found = false;
        for (Tier& t : ladder->tiers)
            if (t.code == to->tier) {
                t.threshold = amount;
                found = true;
            }
        if (!found) throw NotFoundError("tier: ladder " + to->ladder + " has no tier \"" + to->tier + "\"");
        Proposal p;
        p.kind = ChangeKind::Ladder;
        p.item = nlohmann::json::parse(md::to_json(*ladder).dump());
        p.reason = to->reason;
        p.effective_from = effective;
        const ChangeRequest r = s.propose(actor, p);
        ctx.print(to_json(r), "Change request " + line(r));
    });

    auto submit_id = std::make_shared<std::int64_t>(0);
    CLI::App* submit = change->add_subcommand("submit", "Submit one of my drafts for approval");
    submit->add_option("id", *submit_id, "Change request number")->required();
    submit->callback([&ctx, submit_id] {
        const ChangeRequest r = ctx.services().program.submit(ctx.actor(), *submit_id);
        ctx.print(to_json(r), "Submitted " + line(r));
    });

    for (const bool approve : {true, false}) {
        struct DecideOptions { std::int64_t id = 0; std::string comment; };
        auto d = std::make_shared<DecideOptions>();
        CLI::App* cmd = change->add_subcommand(approve ? "approve" : "reject",
                                               approve ? "Approve a submitted change (never your own)" : "Reject a submitted change");
        cmd->add_option("id", d->id, "Change request number")->required();
        cmd->add_option("--comment", d->comment, "Why (required)")->required();
        cmd->callback([&ctx, d, approve] {
            const ChangeRequest r = ctx.services().program.decide(ctx.actor(), d->id, approve, d->comment);
            ctx.print(to_json(r), (approve ? "Approved: " : "Rejected: ") + line(r));
        });
    }

    struct RevertOptions { std::string kind, key, reason, effective; int version = 0; };
    auto rv = std::make_shared<RevertOptions>();
    CLI::App* revert = change->add_subcommand("revert", "Propose an earlier approved version of an item again");
    revert->add_option("kind", rv->kind, "Item kind")->required();
    revert->add_option("key", rv->key, "Item key (ladder code, face value, ...)")->required();
    revert->add_option("--to-version", rv->version, "The earlier version")->required();
    revert->add_option("--reason", rv->reason, "Why (required)")->required();
    revert->add_option("--effective", rv->effective, "In force from this day once approved (default today)");
    revert->callback([&ctx, rv] {
        ProgramService& s = ctx.services().program;
        const Actor& actor = ctx.actor();
        const Date effective = rv->effective.empty() ? s.today() : parse_date(rv->effective, "effective");
        const ChangeRequest r = s.propose_version(actor, parse_change_kind(rv->kind, "kind"), rv->key, rv->version,
                                                  rv->reason, effective);
        ctx.print(to_json(r), "Change request " + line(r));
    });

    change->add_subcommand("rules", "Which role approves each kind of change, and how many approvers")->callback([&ctx] {
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const ApprovalRule& r : ctx.services().program.approval_rules(ctx.actor())) {
            j.push_back({{"kind", change_kind_code(r.kind)}, {"approver_role", role_code(r.approver_role)},
                         {"approvals_needed", r.approvals_needed}});
            text += change_kind_code(r.kind) + ": " + std::to_string(r.approvals_needed) + " × " + role_code(r.approver_role) + "\n";
        }
        ctx.print(j, text);
    });

    struct RuleOptions { std::string kind, role = "approver"; int approvals = 1; };
    auto ro = std::make_shared<RuleOptions>();
    CLI::App* set_rule = change->add_subcommand("set-rule", "Set the approval rule for a kind of change (admin)");
    set_rule->add_option("kind", ro->kind, "Item kind")->required();
    set_rule->add_option("--role", ro->role, "Role that decides (default approver)");
    set_rule->add_option("--approvals", ro->approvals, "1, or 2 distinct approvers");
    set_rule->callback([&ctx, ro] {
        ApprovalRule rule{parse_change_kind(ro->kind, "kind"), require_role(ro->role), ro->approvals};
        ctx.services().program.set_approval_rule(ctx.actor(), rule);
        ctx.print({{"kind", ro->kind}, {"approver_role", ro->role}, {"approvals_needed", ro->approvals}},
                  ro->kind + ": " + std::to_string(ro->approvals) + " × " + ro->role);
    });
}

}  // namespace md::cli
