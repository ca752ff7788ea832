// `tier explain|history|override|recompute|resume|runs|run|simulate`: who holds which tier and
// why, manual overrides, the recompute job, and the what-if simulator.
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/simulation_text.h"
#include "models/errors.h"
#include "reports/table_writer.h"

#include <fstream>
#include <memory>
#include <sstream>

namespace md::cli {
namespace {

std::string or_none(const std::string& tier) { return tier.empty() ? "none" : tier; }

nlohmann::json standing_json(const LadderStanding& l) {
    const Standing& s = l.standing;
    const TierLadder& ladder = l.ladder;
    nlohmann::json j = {{"ladder", ladder.code},
                        {"measure", measure_code(ladder.measure)},
                        {"tier", s.tier < 0 ? nlohmann::json() : nlohmann::json(s.tier_code(ladder))},
                        {"earned_by_window", s.earned_now < 0 ? nlohmann::json()
                                                              : nlohmann::json(ladder.tiers[static_cast<std::size_t>(s.earned_now)].code)},
                        {"qualifying_amount", s.measure.to_string()},
                        {"window", {{"kind", window_code(ladder.window)},
                                    {"from", s.window_from ? nlohmann::json(format_date(*s.window_from)) : nlohmann::json()},
                                    {"to", format_date(s.window_to)}}},
                        {"rule", s.rule},
                        {"reached_on", s.reached_on ? nlohmann::json(format_date(*s.reached_on)) : nlohmann::json()},
                        {"downgrade", downgrade_code(ladder.downgrade)}};
    if (s.tier >= 0) {
        const Tier& t = ladder.tiers[static_cast<std::size_t>(s.tier)];
        j["threshold"] = t.threshold.to_string();
        j["discount"] = t.discount.to_zhe();
    }
    if (s.next >= 0) {
        const Tier& n = ladder.tiers[static_cast<std::size_t>(s.next)];
        j["next"] = {{"tier", n.code}, {"threshold", n.threshold.to_string()}, {"to_go", s.to_next.to_string()}};
    } else {
        j["next"] = nullptr;
    }
    if (s.override)
        j["override"] = {{"id", "O" + std::to_string(s.override->id)},
                         {"reason", s.override->reason},
                         {"starts", format_date(s.override->starts)},
                         {"expires", format_date(s.override->expires)},
                         {"by", s.override->by}};
    return j;
}

std::string standing_text(const LadderStanding& l) {
    const Standing& s = l.standing;
    std::ostringstream t;
    t << l.ladder.code << ": " << or_none(s.tier_code(l.ladder)) << "  (" << measure_code(l.ladder.measure) << " "
      << s.measure.to_string() << " from " << (s.window_from ? format_date(*s.window_from) : std::string("the start"))
      << " to " << format_date(s.window_to) << "; rule " << s.rule;
    if (s.reached_on && s.rule == "held") t << ", reached " << format_date(*s.reached_on);
    t << ")";
    if (s.override) t << "  override O" << s.override->id << " until " << format_date(s.override->expires) << ": " << s.override->reason;
    if (s.next >= 0)
        t << "\n    next " << l.ladder.tiers[static_cast<std::size_t>(s.next)].code << " at "
          << l.ladder.tiers[static_cast<std::size_t>(s.next)].threshold.to_string() << ": " << s.to_next.to_string()
          << " to go";
    return t.str();
}

nlohmann::json override_json(const StoredOverride& o) {
    return {{"id", "O" + std::to_string(o.override.id)}, {"member", o.member_number}, {"ladder", o.override.ladder},
            {"tier", o.override.tier},  {"reason", o.override.reason},  {"starts", format_date(o.override.starts)},
            {"expires", format_date(o.override.expires)}, {"state", o.state}, {"requested_by", o.override.by},
            {"decided_by", o.decided_by.empty() ? nlohmann::json() : nlohmann::json(o.decided_by)},
            {"comment", o.comment}};
}

std::string override_line(const StoredOverride& o) {
    return "O" + std::to_string(o.override.id) + "  " + o.member_number + "  " + o.override.ladder + " → " +
           o.override.tier + "  " + format_date(o.override.starts) + ".." + format_date(o.override.expires) + "  " +
           o.state + "  by " + o.override.by + "  " + o.override.reason;
}

nlohmann::json run_json(const TierRun& r) {
    return {{"run", run_label(r.id)},      {"as_of", format_date(r.as_of)}, {"purpose", r.purpose},
            {"state", r.state},            {"members", r.members},         {"up", r.up},
            {"down", r.down},              {"same", r.same},               {"checkpoint_member_id", r.after_member},
            {"started_by", r.started_by},  {"started_at", iso_utc(r.started_at)},
            {"finished_at", r.finished_at ? nlohmann::json(iso_utc(*r.finished_at)) : nlohmann::json()}};
}

std::string run_line(const TierRun& r) {
    return run_label(r.id) + "  as of " + format_date(r.as_of) + "  " + r.state + "  members " +
           std::to_string(r.members) + "  up " + std::to_string(r.up) + "  down " + std::to_string(r.down) + "  same " +
           std::to_string(r.same) + "  " + r.purpose;
}

// A stopped or paused run is resumed with `tier resume`; this prints how.
void print_run(CliContext& ctx, const TierRun& r) {
    std::string text = run_line(r);
    if (r.state != "finished") text += "\npaused after member id " + std::to_string(r.after_member) +
                                       "; continue with: tier resume " + std::to_string(r.id);
    ctx.print(run_json(r), text);
}

void write_movers_csv(const std::string& path, const Simulation& s) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw StorageError("movers: cannot create \"" + path + "\"");
    auto writer = report::csv_table_writer(out, report::Header::Keys);
    writer->begin({{"member", "Member", report::ColumnType::Text},
                   {"ladder", "Ladder", report::ColumnType::Text},
                   {"from", "From tier", report::ColumnType::Text},
                   {"to", "To tier", report::ColumnType::Text}});
    for (const Mover& m : s.movers) writer->row({m.member, m.ladder, m.from, m.to});
    writer->finish();
}

struct OverrideOptions {
    std::string member, ladder, tier, reason, from, until, comment;
    std::int64_t id = 0;
    bool pending = false;
};

struct RecomputeOptions {
    std::string as_of, purpose;
    bool preview = false;
    int batch = 5000;
    int pause_after = 0;
};

void register_override_commands(CLI::App* tier, CliContext& ctx) {
    CLI::App* ov = tier->add_subcommand("override", "Manual tier overrides (with a reason and an expiry)");
    ov->require_subcommand(1);
    auto o = std::make_shared<OverrideOptions>();
    CLI::App* request = ov->add_subcommand("request", "Set a member's tier by hand until a date");
    request->add_option("member", o->member, "Member number")->required();
    request->add_option("--ladder", o->ladder, "Ladder code")->required();
    request->add_option("--tier", o->tier, "Tier code")->required();
    request->add_option("--reason", o->reason, "Why (required)")->required();
    request->add_option("--from", o->from, "First day (default today)");
    request->add_option("--until", o->until, "Last day it applies")->required();
    request->callback([&ctx, o] {
        Services& s = ctx.services();
        OverrideRequest r{o->member, o->ladder, o->tier, o->reason,
                          o->from.empty() ? s.program.today() : parse_date(o->from, "from"),
                          parse_date(o->until, "until")};
        const StoredOverride made = s.tiers.request_override(ctx.actor(), r);
        ctx.print(override_json(made), override_line(made) +
                                           (made.state == "pending" ? "\nwaiting for approval: tier override approve " +
                                                                          std::to_string(made.override.id)
                                                                    : ""));
    });
    for (const bool approve : {true, false}) {
        CLI::App* decide = ov->add_subcommand(approve ? "approve" : "reject",
                                              approve ? "Approve someone else's override" : "Reject an override");
        decide->add_option("id", o->id, "Override number")->required();
        auto* comment = decide->add_option("--comment", o->comment, "Comment");
        if (!approve) comment->required();
        decide->callback([&ctx, o, approve] {
            const StoredOverride d = ctx.services().tiers.decide_override(ctx.actor(), o->id, approve, o->comment);
            ctx.print(override_json(d), override_line(d));
        });
    }
    CLI::App* list = ov->add_subcommand("list", "Overrides, newest first");
    list->add_option("member", o->member, "Only this member");
    list->add_flag("--pending", o->pending, "Only those waiting for approval");
    list->callback([&ctx, o] {
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const StoredOverride& s : ctx.services().tiers.overrides(ctx.actor(), o->member, o->pending)) {
            j.push_back(override_json(s));
            text += override_line(s) + "\n";
        }
        ctx.print(j, text.empty() ? "no overrides" : text.substr(0, text.size() - 1));
    });
}

void register_recompute_commands(CLI::App* tier, CliContext& ctx) {
    auto o = std::make_shared<RecomputeOptions>();
    CLI::App* recompute = tier->add_subcommand("recompute", "Evaluate every member's tiers as of a day");
    recompute->add_option("--as-of", o->as_of, "The day (default today)");
    recompute->add_option("--purpose", o->purpose, "Why: a new ladder version, a window end, downgrades...");
    recompute->add_flag("--preview", o->preview, "Count who would move up, down or stay; change nothing");
    recompute->add_option("--batch", o->batch, "Members per committed batch (default 5000)");
    recompute->add_option("--pause-after", o->pause_after, "Stop after this many batches (resume later)");
    recompute->callback([&ctx, o] {
        Services& s = ctx.services();
        const Date as_of = o->as_of.empty() ? s.program.today() : parse_date(o->as_of, "as_of");
        if (o->batch < 1) throw ValidationError("batch", std::to_string(o->batch), "batch: at least 1 member");
        s.tiers.set_batch_size(o->batch);
        if (o->preview) {
            const RecomputePreview p = s.tiers.preview(ctx.actor(), as_of);
            nlohmann::json rows = nlohmann::json::array();
            std::string text = "preview as of " + format_date(as_of) + ", " + std::to_string(p.members) +
                               " members (nothing changed)\n";
            for (const RecomputeRow& r : p.rows) {
                rows.push_back({{"ladder", r.ladder}, {"tier", r.tier.empty() ? nlohmann::json() : nlohmann::json(r.tier)},
                                {"up", r.up}, {"down", r.down}, {"same", r.same}});
                text += "  " + r.ladder + " " + or_none(r.tier) + ": up " + std::to_string(r.up) + ", down " +
                        std::to_string(r.down) + ", same " + std::to_string(r.same) + "\n";
            }
            ctx.print({{"as_of", format_date(as_of)}, {"members", p.members}, {"rows", rows}},
                      text.substr(0, text.size() - 1));
            return;
        }
        int batches = 0;
        const TierRun run = s.tiers.recompute(ctx.actor(), as_of, o->purpose, [&](const TierRun&) {
            return o->pause_after <= 0 || ++batches < o->pause_after;
        });
        print_run(ctx, run);
    });

    auto id = std::make_shared<std::int64_t>(0);
    CLI::App* resume = tier->add_subcommand("resume", "Continue a paused or interrupted run from its checkpoint");
    resume->add_option("run", *id, "Run number")->required();
    resume->callback([&ctx, id] { print_run(ctx, ctx.services().tiers.resume(ctx.actor(), *id)); });

    tier->add_subcommand("runs", "Recompute runs, newest first")->callback([&ctx] {
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const TierRun& r : ctx.services().tiers.runs(ctx.actor())) {
            j.push_back(run_json(r));
            text += run_line(r) + "\n";
        }
        ctx.print(j, text.empty() ? "no runs" : text.substr(0, text.size() - 1));
    });

    auto log_id = std::make_shared<std::int64_t>(0);
    CLI::App* log = tier->add_subcommand("run", "One run's log: every member it moved");
    log->add_option("run", *log_id, "Run number")->required();
    log->callback([&ctx, log_id] {
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const RunChange& c : ctx.services().tiers.run_changes(ctx.actor(), *log_id)) {
            j.push_back({{"member", c.member_number}, {"ladder", c.ladder}, {"from", c.from_tier}, {"to", c.to_tier}});
            text += c.member_number + "  " + c.ladder + "  " + or_none(c.from_tier) + " → " + or_none(c.to_tier) + "\n";
        }
        ctx.print(j, text.empty() ? "the run moved no one" : text.substr(0, text.size() - 1));
    });
}

}  // namespace

void register_tier_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* tier = app.add_subcommand("tier", "Member tiers: why, overrides, recompute, what-if");
    tier->require_subcommand(1);

    auto e = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* explain = tier->add_subcommand("explain", "Why a member holds each tier, and how far the next one is");
    explain->add_option("member", e->first, "Member number")->required();
    explain->add_option("--as-of", e->second, "The day (default today)");
    explain->callback([&ctx, e] {
        std::optional<Date> as_of;
        if (!e->second.empty()) as_of = parse_date(e->second, "as_of");
        const TierExplanation x = ctx.services().tiers.explain(ctx.actor(), e->first, as_of);
        nlohmann::json ladders = nlohmann::json::array();
        std::string text = x.member_number + " " + x.member_name + ", as of " + format_date(x.as_of);
        for (const LadderStanding& l : x.ladders) {
            ladders.push_back(standing_json(l));
            text += "\n  " + standing_text(l);
        }
        ctx.print({{"member", x.member_number}, {"as_of", format_date(x.as_of)}, {"ladders", ladders}}, text);
    });

    auto h = std::make_shared<std::string>();
    CLI::App* history = tier->add_subcommand("history", "A member's moves up and down, newest first");
    history->add_option("member", *h, "Member number")->required();
    history->callback([&ctx, h] {
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const TierMove& m : ctx.services().tiers.history(ctx.actor(), *h)) {
            j.push_back({{"ladder", m.ladder},
                         {"from", m.from_tier.empty() ? nlohmann::json() : nlohmann::json(m.from_tier)},
                         {"to", m.to_tier.empty() ? nlohmann::json() : nlohmann::json(m.to_tier)},
                         {"day", format_date(m.day)},
                         {"source", m.source},
                         {"actor", m.actor},
                         {"at", iso_utc(m.at)}});
            text += format_date(m.day) + "  " + m.ladder + "  " + or_none(m.from_tier) + " → " + or_none(m.to_tier) +
                    "  " + m.source + "  " + m.actor + "\n";
        }
        ctx.print(j, text.empty() ? "no tier changes" : text.substr(0, text.size() - 1));
    });

    register_override_commands(tier, ctx);
    register_recompute_commands(tier, ctx);

    struct SimulateOptions {
        std::string draft, movers;
        int months = 12;
    };
    auto so = std::make_shared<SimulateOptions>();
    CLI::App* simulate = tier->add_subcommand("simulate", "What-if: replay the last N months under a draft programme");
    simulate->add_option("--draft", so->draft, "Programme file with the items to change (export format)")->required();
    simulate->add_option("--months", so->months, "How many months back to replay (default 12)");
    simulate->add_option("--movers", so->movers, "Write every member who would move to this CSV file");
    simulate->callback([&ctx, so] {
        const Simulation s =
            ctx.services().simulator.simulate_document(ctx.actor(), read_json_argument(so->draft), so->months);
        if (!so->movers.empty()) write_movers_csv(so->movers, s);
        const nlohmann::ordered_json j = simulation_json(s, 1000);
        ctx.print(nlohmann::json::parse(j.dump()), simulation_text(j));
    });
}

}  // namespace md::cli
