// `lifecycle preview|run|runs`: the lifecycle job from the command line (a nightly cron entry
// runs `lifecycle run`), and `member merge`.
#include "cli/commands.h"
#include "cli/json_output.h"

#include <memory>

namespace md::cli {
namespace {

nlohmann::json plan_json(const LifecyclePlan& p) {
    nlohmann::json before = nlohmann::json::object(), after = nlohmann::json::object();
    for (const auto& [state, n] : p.before) before[lifecycle_code(state)] = n;
    for (const auto& [state, n] : p.after) after[lifecycle_code(state)] = n;
    return {{"as_of", format_date(p.as_of)},
            {"dormant_after_days", p.rule.dormant_after_days},
            {"lapsed_after_days", p.rule.lapsed_after_days},
            {"evaluated", p.evaluated},
            {"changed", p.changed()},
            {"moves", nlohmann::json::parse(lifecycle_moves_json(p))},
            {"before", before},
            {"after", after}};
}

std::string plan_text(const LifecyclePlan& p) {
    std::string text = "As of " + format_date(p.as_of) + " (dormant after " + std::to_string(p.rule.dormant_after_days) +
                       " days, lapsed after " + std::to_string(p.rule.lapsed_after_days) + "): " +
                       std::to_string(p.evaluated) + " members, " + std::to_string(p.changed()) + " change state\n";
    for (const auto& [fromto, n] : p.moves)
        text += "  " + lifecycle_code(fromto.first) + " → " + lifecycle_code(fromto.second) + "  " + std::to_string(n) + "\n";
    return text;
}

Date as_of_or_today(CliContext& ctx, const std::string& text) {
    return text.empty() ? ctx.services().program.today() : parse_date(text, "as-of");
}

}  // namespace

void register_lifecycle_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* lifecycle = app.add_subcommand("lifecycle", "Re-evaluate members' lifecycle states (dormant, lapsed)");
    lifecycle->require_subcommand(1);

    auto as_of = std::make_shared<std::string>();
    CLI::App* preview = lifecycle->add_subcommand("preview", "Count who would move between states; changes nothing");
    preview->add_option("--as-of", *as_of, "Evaluate on this day (YYYY-MM-DD, default today)");
    preview->callback([&ctx, as_of] {
        const Actor& actor = ctx.actor();
        const LifecyclePlan p = ctx.services().lifecycle.preview(actor, as_of_or_today(ctx, *as_of));
        ctx.print(plan_json(p), plan_text(p));
    });

    auto run_as_of = std::make_shared<std::string>();
    CLI::App* run = lifecycle->add_subcommand("run", "Move members between states, keep the history and log the run");
    run->add_option("--as-of", *run_as_of, "Evaluate on this day (YYYY-MM-DD, today or earlier; default today)");
    run->callback([&ctx, run_as_of] {
        const Actor& actor = ctx.actor();
        const LifecycleRunResult r = ctx.services().lifecycle.run(actor, as_of_or_today(ctx, *run_as_of));
        nlohmann::json j = plan_json(r.plan);
        j["run"] = r.run_id;
        ctx.print(j, "Run " + std::to_string(r.run_id) + ". " + plan_text(r.plan));
    });

    auto limit = std::make_shared<int>(20);
    CLI::App* runs = lifecycle->add_subcommand("runs", "The run log, newest first");
    runs->add_option("--limit", *limit, "At most this many (default 20)")->check(CLI::PositiveNumber);
    runs->callback([&ctx, limit] {
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const LifecycleRun& r : ctx.services().lifecycle.runs(ctx.actor(), *limit)) {
            j.push_back({{"run", r.id}, {"as_of", format_date(r.as_of)},
                         {"dormant_after_days", r.rule.dormant_after_days},
                         {"lapsed_after_days", r.rule.lapsed_after_days}, {"evaluated", r.evaluated},
                         {"changed", r.changed}, {"moves", nlohmann::json::parse(r.moves_json)},
                         {"run_by", r.run_by}, {"run_at", iso_utc(r.run_at)}});
            text += std::to_string(r.id) + "  as of " + format_date(r.as_of) + "  " + std::to_string(r.changed) + " of " +
                    std::to_string(r.evaluated) + " changed  by " + r.run_by + " at " + format_business_time(r.run_at) + "\n";
        }
        ctx.print(j, text.empty() ? "No runs yet." : text);
    });
}

void register_member_merge_command(CLI::App& member, CliContext& ctx) {
    struct MergeOptions {
        std::string keep, absorb;
        std::optional<int> keep_version, absorb_version;
    };
    auto mo = std::make_shared<MergeOptions>();
    CLI::App* merge = member.add_subcommand("merge", "Merge a duplicate record into another; the first number is kept");
    merge->add_option("keep", mo->keep, "Number of the member to keep")->required();
    merge->add_option("absorb", mo->absorb, "Number of the duplicate to merge into it (it is removed)")->required();
    merge->add_option("--expect-version", mo->keep_version, "Refuse (exit 4) if the kept member changed since this version");
    merge->add_option("--expect-absorbed-version", mo->absorb_version,
                      "Refuse (exit 4) if the duplicate changed since this version");
    merge->callback([&ctx, mo] {
        const MergeResult r =
            ctx.services().merges.merge(ctx.actor(), mo->keep, mo->absorb, mo->keep_version, mo->absorb_version);
        const Member& m = r.survivor.member;
        ctx.print({{"kept", m.number}, {"absorbed", r.absorbed_number}, {"name", m.name}, {"mobile", m.mobile},
                   {"email", m.email}, {"tags", m.tags}, {"version", m.version}},
                  r.absorbed_number + " merged into " + m.number + " (" + m.name + ")");
    });
}

}  // namespace md::cli
