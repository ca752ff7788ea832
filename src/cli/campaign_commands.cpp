// `campaign add|edit|list|show|results|submit|cancel|ics|birthdays`: the campaign calendar from the command line.
// A campaign is a programme item: add and edit propose it (submitted for approval unless
// --draft), cancel proposes its retirement; approving is `change approve`. Adding or editing
// says which campaigns it would run into.
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/json_output.h"
#include "models/errors.h"
#include "services/program_codec.h"

#include <cstdio>
#include <memory>

namespace md::cli {
namespace {

nlohmann::json span_json(const Span& s) {
    return {{"from", format_instant(s.from).substr(0, 16)}, {"to", format_instant(s.to).substr(0, 16)}};
}

nlohmann::json calendar_json(const CalendarCampaign& c) {
    nlohmann::json spans = nlohmann::json::array();
    for (const Span& s : c.spans) spans.push_back(span_json(s));
    nlohmann::json j = nlohmann::json::parse(to_json(c.campaign).dump());
    j["status"] = campaign_status_code(c.status);
    j["change_request"] = c.change_request ? nlohmann::json(c.change_request) : nlohmann::json();
    j["recurrence_text"] = describe(c.campaign.recurrence);
    j["budget_total"] = c.campaign.budget.total().to_string();
    j["occurrences"] = spans;
    return j;
}

std::string calendar_line(const CalendarCampaign& c) {
    const std::string name = c.campaign.name_zh.empty() ? c.campaign.name_en : c.campaign.name_zh;
    std::string text = c.campaign.code + "  " + campaign_status_code(c.status) + "  " + campaign_type_code(c.campaign.type) +
                       "  " + name + "  " + describe(c.campaign.recurrence);
    if (!c.spans.empty()) text += "  next " + format_instant(c.spans.front().from).substr(0, 16);
    if (c.campaign.coin_multiplier_pct != 100) text += "  coins ×" + format_multiplier(c.campaign.coin_multiplier_pct);
    return text;
}

nlohmann::json conflicts_json(const std::vector<CampaignConflict>& conflicts) {
    nlohmann::json out = nlohmann::json::array();
    for (const CampaignConflict& c : conflicts)
        out.push_back({{"first", c.first}, {"second", c.second}, {"day", format_date(c.day)}});
    return out;
}

std::string conflicts_text(const std::vector<CampaignConflict>& conflicts) {
    std::string text;
    for (const CampaignConflict& c : conflicts)
        text += "\n  conflict: " + c.first + " and " + c.second + " meet on " + format_date(c.day) +
                " for members both can reach";
    return text;
}

}  // namespace

void register_campaign_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* campaign = app.add_subcommand("campaign", "The campaign calendar: add, edit, list, show, results, submit, cancel, ics, birthdays");
    campaign->require_subcommand(1);

    struct ProposeArgs {
        std::string file, reason, effective;
        bool draft = false;
    };
    for (const bool editing : {false, true}) {
        auto a = std::make_shared<ProposeArgs>();
        CLI::App* cmd = campaign->add_subcommand(
            editing ? "edit" : "add",
            editing ? "Propose a changed campaign (same code) from a JSON file" : "Propose a new campaign from a JSON file");
        cmd->add_option("--file", a->file, "The campaign as JSON (as in program export)")->required();
        cmd->add_option("--reason", a->reason, "Why (required)")->required();
        cmd->add_option("--effective", a->effective, "In force from this day once approved (default today)");
        cmd->add_flag("--draft", a->draft, "Keep it a draft; submit later with campaign submit");
        cmd->callback([&ctx, a, editing] {
            const Actor& actor = ctx.actor();
            ProgramService& s = ctx.services().program;
            Proposal p;
            p.kind = ChangeKind::Campaign;
            p.item = read_json_argument(a->file);
            const std::string code = p.item->value("code", "");
            const std::vector<CalendarCampaign> existing =
                ctx.services().campaigns.calendar(actor, s.today() - boost::gregorian::years(5), s.today() + boost::gregorian::years(5));
            const bool known = std::any_of(existing.begin(), existing.end(),
                                           [&](const CalendarCampaign& c) { return c.campaign.code == code; });
            if (editing && !known) throw NotFoundError("campaign: there is no campaign \"" + code + "\" to edit");
            if (!editing && known)
                throw ConflictError("campaign: \"" + code + "\" already exists; use campaign edit to change it");
            p.reason = a->reason;
            p.effective_from = a->effective.empty() ? s.today() : parse_date(a->effective, "effective");
            p.submit = !a->draft;
            const ChangeRequest r = s.propose(actor, p);
            const std::vector<CampaignConflict> conflicts =
                ctx.services().campaigns.conflicts_with(actor, campaign_from_json(*p.item, "campaign", 100000));
            ctx.print({{"change_request", r.id}, {"status", change_status_code(r.status)}, {"code", code},
                       {"conflicts", conflicts_json(conflicts)}},
                      "Campaign " + code + ": change request #" + std::to_string(r.id) + " " + change_status_code(r.status) +
                          conflicts_text(conflicts));
        });
    }

    struct ListArgs {
        std::string from, to;
    };
    auto l = std::make_shared<ListArgs>();
    CLI::App* list = campaign->add_subcommand("list", "Campaigns with an occurrence in a window, and their conflicts");
    list->add_option("--from", l->from, "First day (default: the first of this month)");
    list->add_option("--to", l->to, "Last day (default: the last day of the month after next)");
    list->callback([&ctx, l] {
        const Actor& actor = ctx.actor();
        const Date today = ctx.services().program.today();
        const Date from = l->from.empty() ? Date(today.year(), today.month(), 1) : parse_date(l->from, "from");
        const Date to = l->to.empty() ? (Date(today.year(), today.month(), 1) + boost::gregorian::months(3)) - boost::gregorian::days(1)
                                      : parse_date(l->to, "to");
        const std::vector<CalendarCampaign> shown = ctx.services().campaigns.calendar(actor, from, to);
        const std::vector<CampaignConflict> conflicts = CampaignService::conflicts(shown);
        nlohmann::json list = nlohmann::json::array();
        std::string text;
        for (const CalendarCampaign& c : shown) {
            list.push_back(calendar_json(c));
            text += calendar_line(c) + "\n";
        }
        ctx.print({{"from", format_date(from)}, {"to", format_date(to)}, {"campaigns", list},
                   {"conflicts", conflicts_json(conflicts)}},
                  (text.empty() ? "no campaigns between " + format_date(from) + " and " + format_date(to) : text.substr(0, text.size() - 1)) +
                      conflicts_text(conflicts));
    });

    auto shown_code = std::make_shared<std::string>();
    CLI::App* show = campaign->add_subcommand("show", "One campaign with its occurrences");
    show->add_option("code", *shown_code, "Campaign code")->required();
    show->callback([&ctx, shown_code] {
        const CalendarCampaign c = ctx.services().campaigns.show(ctx.actor(), *shown_code);
        std::string text = calendar_line(c) + "\n  budget " + c.campaign.budget.total().to_string() + " (activity " +
                           c.campaign.budget.activity.to_string() + ", technology " + c.campaign.budget.technology.to_string() +
                           ", partner " + c.campaign.budget.partner.to_string() + ")";
        for (const Span& s : c.spans) text += "\n  " + format_instant(s.from).substr(0, 16) + " – " + format_instant(s.to).substr(0, 16);
        ctx.print(calendar_json(c), text);
    });

    auto results_code = std::make_shared<std::string>();
    CLI::App* results = campaign->add_subcommand("results", "A campaign's budget against actual cost, KPI targets against actual figures");
    results->add_option("code", *results_code, "Campaign code")->required();
    results->callback([&ctx, results_code] {
        const CampaignResults r = ctx.services().campaign_results.results(ctx.actor(), *results_code);
        const Campaign& c = r.campaign.campaign;
        auto optional_bp = [](const std::optional<int>& bp) { return bp ? nlohmann::json(*bp) : nlohmann::json(); };
        auto percent = [](const std::optional<int>& bp) {
            if (!bp) return std::string("-");
            char text[32];
            std::snprintf(text, sizeof text, "%d.%02d%%", *bp / 100, *bp % 100);
            return std::string(text);
        };
        const nlohmann::json kpis = nlohmann::json::parse(to_json(c).dump())["kpis"];
        nlohmann::json j = {{"code", c.code},
                            {"as_of", format_date(r.as_of)},
                            {"campaign_days", r.campaign_days},
                            {"budget_total", c.budget.total().to_string()},
                            {"coins_granted", r.coins_granted},
                            {"coin_value", r.coin_value.to_string()},
                            {"actual_cost", r.actual_cost.to_string()},
                            {"targets", kpis},
                            {"new_members", r.new_members},
                            {"targeted", r.targeted},
                            {"participants", r.participants},
                            {"repurchasers", r.repurchasers},
                            {"coins_earned", r.coins_earned},
                            {"coins_redeemed", r.coins_redeemed},
                            {"participation_bp", optional_bp(r.participation_bp)},
                            {"repurchase_bp", optional_bp(r.repurchase_bp)},
                            {"redemption_bp", optional_bp(r.redemption_bp)},
                            {"cost_per_new_member", r.cost_per_new_member ? nlohmann::json(r.cost_per_new_member->to_string()) : nlohmann::json()}};
        const std::string text = c.code + " as of " + format_date(r.as_of) + " (" + std::to_string(r.campaign_days) + " campaign days)" +
                                 "\n  budget " + c.budget.total().to_string() + ", actual cost " + r.actual_cost.to_string() + " (" +
                                 std::to_string(r.coins_granted) + " coins × " + r.coin_value.to_string() + ")" +
                                 "\n  new members " + std::to_string(r.new_members) + ", aimed at " + std::to_string(r.targeted) +
                                 ", participants " + std::to_string(r.participants) + "\n  participation " + percent(r.participation_bp) +
                                 ", repurchase " + percent(r.repurchase_bp) + ", points redemption " + percent(r.redemption_bp) +
                                 ", cost per new member " + (r.cost_per_new_member ? r.cost_per_new_member->to_string() : "-");
        ctx.print(j, text);
    });

    auto submit_id = std::make_shared<std::int64_t>(0);
    CLI::App* submit = campaign->add_subcommand("submit", "Submit a draft campaign for approval (its change request)");
    submit->add_option("request", *submit_id, "Change request number")->required();
    submit->callback([&ctx, submit_id] {
        const ChangeRequest r = ctx.services().program.submit(ctx.actor(), *submit_id);
        ctx.print({{"change_request", r.id}, {"status", change_status_code(r.status)}},
                  "change request #" + std::to_string(r.id) + " " + change_status_code(r.status));
    });

    struct CancelArgs {
        std::string code, reason;
    };
    auto c = std::make_shared<CancelArgs>();
    CLI::App* cancel = campaign->add_subcommand("cancel", "Propose cancelling an approved campaign (from today, once approved)");
    cancel->add_option("code", c->code, "Campaign code")->required();
    cancel->add_option("--reason", c->reason, "Why (required)")->required();
    cancel->callback([&ctx, c] {
        ProgramService& s = ctx.services().program;
        Proposal p;
        p.kind = ChangeKind::Campaign;
        p.retire_key = c->code;
        p.reason = c->reason;
        p.effective_from = s.today();
        const ChangeRequest r = s.propose(ctx.actor(), p);
        ctx.print({{"change_request", r.id}, {"status", change_status_code(r.status)}},
                  "Cancelling " + c->code + ": change request #" + std::to_string(r.id) + " " + change_status_code(r.status));
    });

    auto birthday_preview = std::make_shared<bool>(false);
    CLI::App* birthdays = campaign->add_subcommand(
        "birthdays", "Give birthday campaigns' coins to this month's birthday members (once a year each)");
    birthdays->add_flag("--preview", *birthday_preview, "List who would get what, change nothing");
    birthdays->callback([&ctx, birthday_preview] {
        const BirthdayRun run = ctx.services().birthdays.run(ctx.actor(), *birthday_preview);
        nlohmann::json grants = nlohmann::json::array();
        std::string text;
        for (const BirthdayGrant& g : run.grants) {
            grants.push_back({{"campaign", g.campaign}, {"member", g.member}, {"coins", g.coins},
                              {"txn", g.txn ? nlohmann::json(g.txn) : nlohmann::json()}});
            text += g.member + "  " + g.campaign + "  +" + std::to_string(g.coins) + " coins\n";
        }
        text += std::to_string(run.grants.size()) + (run.preview ? " would be given" : " given") + ", " +
                std::to_string(run.already_given) + " had theirs this year";
        ctx.print({{"as_of", format_date(run.as_of)}, {"preview", run.preview}, {"grants", grants},
                   {"already_given", run.already_given}},
                  text);
    });

    struct IcsArgs {
        std::string code, output;
    };
    auto i = std::make_shared<IcsArgs>();
    CLI::App* ics = campaign->add_subcommand("ics", "The approved campaigns (or one) as an iCalendar file");
    ics->add_option("code", i->code, "One campaign's code (default: all)");
    ics->add_option("-o,--output", i->output, "The .ics file to write")->required();
    ics->callback([&ctx, i] {
        const std::string doc = ctx.services().campaigns.ics(ctx.actor(), i->code.empty() ? std::nullopt : std::optional(i->code));
        write_file(i->output, doc);
        ctx.print({{"output", i->output}}, "calendar written to " + i->output);
    });
}

}  // namespace md::cli
