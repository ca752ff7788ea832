// `complaint open|assign|note|wait|resume|resolve|close|reopen|compensate|decide|pending|escalate|list|show`:
// customer-service tickets from the command line. Every change takes `--version N` (the version
// the caller read, from `show`): a ticket saved by someone else in between is a conflict (exit 4).
#include "cli/commands.h"
#include "cli/json_output.h"
#include "models/errors.h"

#include <memory>

namespace md::cli {
namespace {

nlohmann::json business(const std::optional<Instant>& at) {
    return at ? nlohmann::json(format_instant(*at).substr(0, 16)) : nlohmann::json();
}
nlohmann::json utc_as_business(const std::optional<Instant>& utc) {
    return utc ? nlohmann::json(format_business_time(*utc)) : nlohmann::json();
}

nlohmann::json clock_json(const DeadlineClock& c) {
    return {{"target_minutes", c.target_minutes},
            {"due", business(c.due)},
            {"done_at", business(c.done_at)},
            {"state", deadline_state_code(c.state)}};
}

nlohmann::json compensation_json(const CompensationRow& c) {
    return {{"id", c.id},
            {"kind", c.kind},
            {"coins", c.coins},
            {"amount", c.amount.to_string()},
            {"benefit", c.benefit},
            {"reason", c.reason},
            {"state", c.state},
            {"granted_by", c.granted_by},
            {"decided_by", c.decided_by},
            {"txn", c.txn_id ? nlohmann::json(*c.txn_id) : nlohmann::json()}};
}

nlohmann::json ticket_json(const ComplaintView& v) {
    const Complaint& t = v.row.ticket;
    nlohmann::json j = {{"number", t.number},
                        {"member", v.row.member_number},
                        {"member_name", v.row.member_name},
                        {"channel", complaint_channel_code(t.channel)},
                        {"category", complaint_category_code(t.category)},
                        {"severity", complaint_severity_code(t.severity)},
                        {"premium", t.premium},
                        {"subject", t.subject},
                        {"description", t.description},
                        {"owner", t.owner},
                        {"status", complaint_status_code(t.status)},
                        {"opened_at", utc_as_business(t.opened_at)},
                        {"closed_at", utc_as_business(t.closed_at)},
                        {"satisfaction", t.satisfaction ? nlohmann::json(*t.satisfaction) : nlohmann::json()},
                        {"root_cause", t.root_cause},
                        {"resolution_note", t.resolution_note},
                        {"repeats", v.row.linked_number.empty() ? nlohmann::json() : nlohmann::json(v.row.linked_number)},
                        {"version", v.row.version},
                        {"response", clock_json(v.response)},
                        {"resolution", clock_json(v.resolution)}};
    nlohmann::json timeline = nlohmann::json::array();
    for (const ComplaintEvent& e : v.timeline)
        timeline.push_back({{"at", format_business_time(e.at)},
                            {"actor", e.actor},
                            {"kind", e.kind},
                            {"from", e.from ? nlohmann::json(complaint_status_code(*e.from)) : nlohmann::json()},
                            {"to", e.to ? nlohmann::json(complaint_status_code(*e.to)) : nlohmann::json()},
                            {"text", e.text}});
    j["timeline"] = timeline;
    nlohmann::json paid = nlohmann::json::array();
    for (const CompensationRow& c : v.compensations) paid.push_back(compensation_json(c));
    j["compensations"] = paid;
    j["possible_duplicates"] = v.possible_duplicates;
    return j;
}

std::string ticket_line(const ComplaintView& v) {
    const Complaint& t = v.row.ticket;
    auto due = [](const DeadlineClock& c) { return c.due ? format_instant(*c.due).substr(0, 16) : std::string("paused"); };
    return t.number + "  " + complaint_status_code(t.status) + "  " + complaint_severity_code(t.severity) +
           (t.premium ? " premium" : "") + "  " + v.row.member_number + "  " + t.subject + "  owner " +
           (t.owner.empty() ? "-" : t.owner) + "  respond by " + due(v.response) + " (" +
           deadline_state_code(v.response.state) + ")  resolve by " + due(v.resolution) + " (" +
           deadline_state_code(v.resolution.state) + ")";
}

void print_ticket(CliContext& ctx, const ComplaintView& v) {
    std::string text = ticket_line(v);
    if (!v.row.linked_number.empty()) text += "\n  repeats " + v.row.linked_number;
    for (const ComplaintEvent& e : v.timeline)
        text += "\n  " + format_business_time(e.at) + "  " + e.actor + "  " + e.kind +
                (e.to ? " → " + complaint_status_code(*e.to) : "") + (e.text.empty() ? "" : "  " + e.text);
    for (const std::string& d : v.possible_duplicates) text += "\n  possible duplicate of " + d;
    ctx.print(ticket_json(v), text);
}

}  // namespace

void register_complaint_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* complaint = app.add_subcommand("complaint", "Customer-service tickets: deadlines, waiting, compensation");
    complaint->require_subcommand(1);

    struct OpenArgs {
        OpenComplaintRequest r;
        std::string link;
    };
    auto o = std::make_shared<OpenArgs>();
    CLI::App* open = complaint->add_subcommand("open", "Open a ticket for a member");
    open->add_option("member", o->r.member, "Member number")->required();
    open->add_option("--channel", o->r.channel, "phone, store, app, wechat or email")->required();
    open->add_option("--category", o->r.category,
                     "product_quality, delivery, stored_value, points, staff_attitude, package or other")->required();
    open->add_option("--severity", o->r.severity, "low, normal, high or critical")->required();
    open->add_option("--subject", o->r.subject, "One line")->required();
    open->add_option("--description", o->r.description, "What the member said");
    open->add_option("--link", o->link, "An earlier ticket of the member this one repeats");
    open->callback([&ctx, o] {
        OpenComplaintRequest r = o->r;
        if (!o->link.empty()) r.link_to = o->link;
        print_ticket(ctx, ctx.services().complaints.open(ctx.actor(), r));
    });

    // The commands that change one ticket: number, an optional --version, and their own fields.
    struct ChangeArgs {
        std::string number, text, second;
        int version = 0;
        int satisfaction = 0;
    };
    auto version_of = [](const ChangeArgs& a) { return a.version > 0 ? std::optional(a.version) : std::nullopt; };
    auto add_change = [&](const char* name, const char* help, const char* text_option, const char* text_help, bool text_required,
                          std::function<ComplaintView(CliContext&, const ChangeArgs&, std::optional<int>)> run) {
        auto a = std::make_shared<ChangeArgs>();
        CLI::App* cmd = complaint->add_subcommand(name, help);
        cmd->add_option("number", a->number, "Ticket number")->required();
        cmd->add_option("--version", a->version, "The version you read (a save in between is a conflict)");
        if (text_option) {
            auto* opt = cmd->add_option(text_option, a->text, text_help);
            if (text_required) opt->required();
        }
        if (std::string(name) == "resolve") cmd->add_option("--root-cause", a->second, "Why it happened");
        if (std::string(name) == "close") cmd->add_option("--satisfaction", a->satisfaction, "The member's score, 1–5");
        cmd->callback([&ctx, a, run, version_of] { print_ticket(ctx, run(ctx, *a, version_of(*a))); });
    };
    add_change("assign", "Give the ticket an owner", "--to", "Username of the owner", true,
               [](CliContext& c, const ChangeArgs& a, std::optional<int> v) { return c.services().complaints.assign(c.actor(), a.number, a.text, v); });
    add_change("note", "Add a note to the timeline (an assigned ticket moves in progress)", "--text", "The note", true,
               [](CliContext& c, const ChangeArgs& a, std::optional<int> v) { return c.services().complaints.note(c.actor(), a.number, a.text, v); });
    add_change("wait", "Wait for the customer: the deadline clocks stop", "--text", "What is asked of the customer", false,
               [](CliContext& c, const ChangeArgs& a, std::optional<int> v) { return c.services().complaints.wait(c.actor(), a.number, a.text, v); });
    add_change("resume", "The customer answered: the clocks run again", "--text", "What they said", false,
               [](CliContext& c, const ChangeArgs& a, std::optional<int> v) { return c.services().complaints.resume(c.actor(), a.number, a.text, v); });
    add_change("resolve", "Resolve the ticket", "--note", "How it was resolved (required)", true,
               [](CliContext& c, const ChangeArgs& a, std::optional<int> v) {
                   return c.services().complaints.resolve(c.actor(), a.number, a.text, a.second, v);
               });
    add_change("close", "Close a resolved ticket", nullptr, nullptr, false,
               [](CliContext& c, const ChangeArgs& a, std::optional<int> v) {
                   return c.services().complaints.close(c.actor(), a.number,
                                                        a.satisfaction ? std::optional(a.satisfaction) : std::nullopt, v);
               });
    add_change("reopen", "Reopen a resolved or closed ticket (within the reopen window)", "--reason", "Why", true,
               [](CliContext& c, const ChangeArgs& a, std::optional<int> v) { return c.services().complaints.reopen(c.actor(), a.number, a.text, v); });

    struct CompensateArgs {
        std::string number, coins, amount, benefit, reason;
    };
    auto c = std::make_shared<CompensateArgs>();
    CLI::App* compensate = complaint->add_subcommand(
        "compensate", "Compensate the member: coins, stored value (compensation bucket) or a benefit; above your caps it waits for approval");
    compensate->add_option("number", c->number, "Ticket number")->required();
    compensate->add_option("--coins", c->coins, "Coins");
    compensate->add_option("--amount", c->amount, "Stored value in yuan, e.g. 50 or 12.50");
    compensate->add_option("--benefit", c->benefit, "A coupon-style benefit, in words");
    compensate->add_option("--reason", c->reason, "Why (required)")->required();
    compensate->callback([&ctx, c] {
        CompensationRequest r;
        r.reason = c->reason;
        const int given = !c->coins.empty() + !c->amount.empty() + !c->benefit.empty();
        if (given != 1) throw ValidationError("compensation", "", "compensation: give one of --coins, --amount or --benefit");
        if (!c->coins.empty()) {
            r.kind = CompensationKind::Coins;
            try {
                std::size_t used = 0;
                r.coins = std::stoll(c->coins, &used);
                if (used != c->coins.size()) throw std::invalid_argument("tail");
            } catch (const std::exception&) {
                throw ValidationError("compensation.coins", c->coins, "compensation.coins: \"" + c->coins + "\" is not a whole number of coins");
            }
        } else if (!c->amount.empty()) {
            r.kind = CompensationKind::StoredValue;
            r.amount = Money::parse(c->amount, "compensation.stored_value");
        } else {
            r.kind = CompensationKind::Benefit;
            r.benefit = c->benefit;
        }
        const CompensationRow paid = ctx.services().complaints.compensate(ctx.actor(), c->number, r);
        ctx.print(compensation_json(paid), "compensation " + std::to_string(paid.id) + " " + paid.state +
                                               (paid.txn_id ? "  txn " + std::to_string(*paid.txn_id) : ""));
    });

    struct DecideArgs {
        std::int64_t id = 0;
        bool approve = false, reject = false;
        std::string comment;
    };
    auto d = std::make_shared<DecideArgs>();
    CLI::App* decide = complaint->add_subcommand("decide", "Approve or reject someone else's compensation above the caps");
    decide->add_option("id", d->id, "Compensation id")->required();
    decide->add_flag("--approve", d->approve, "Pay it");
    decide->add_flag("--reject", d->reject, "Refuse it");
    decide->add_option("--comment", d->comment, "Why");
    decide->callback([&ctx, d] {
        if (d->approve == d->reject) throw ValidationError("decision", "", "decision: say --approve or --reject");
        const CompensationRow r = ctx.services().complaints.decide_compensation(ctx.actor(), d->id, d->approve, d->comment);
        ctx.print(compensation_json(r), "compensation " + std::to_string(r.id) + " " + r.state +
                                            (r.txn_id ? "  txn " + std::to_string(*r.txn_id) : ""));
    });

    CLI::App* pending = complaint->add_subcommand("pending", "Compensation waiting for approval");
    pending->callback([&ctx] {
        nlohmann::json list = nlohmann::json::array();
        std::string text;
        for (const PendingCompensation& p : ctx.services().complaints.pending_compensations(ctx.actor())) {
            const CompensationRow& r = p.compensation;
            nlohmann::json j = compensation_json(r);
            j["complaint"] = p.ticket.ticket.number;
            j["member"] = p.ticket.member_number;
            list.push_back(j);
            text += std::to_string(r.id) + "  " + p.ticket.ticket.number + "  " + r.kind + "  " +
                    (r.kind == "coins" ? std::to_string(r.coins) : r.amount.to_string()) + "  by " + r.granted_by + "  " +
                    r.reason + "\n";
        }
        ctx.print(list, text.empty() ? "nothing waits for approval" : text.substr(0, text.size() - 1));
    });

    struct ListArgs {
        std::string queue = "team", member;
    };
    auto l = std::make_shared<ListArgs>();
    // Meant to run from cron every few minutes; safe to repeat (a breach is recorded once).
    CLI::App* escalate = complaint->add_subcommand(
        "escalate", "Record the deadlines passed since the last run as breaches (the team lead's queue)");
    escalate->callback([&ctx] {
        nlohmann::json list = nlohmann::json::array();
        std::string text;
        for (const RecordedBreach& b : ctx.services().complaints.record_breaches(ctx.actor())) {
            const std::string due = format_instant(b.due).substr(0, 16);
            list.push_back({{"number", b.number}, {"clock", b.clock}, {"due", due}});
            text += b.number + "  " + b.clock + " deadline passed (due " + due + ")\n";
        }
        ctx.print(list, text.empty() ? "no new breaches" : text.substr(0, text.size() - 1));
    });

    CLI::App* list = complaint->add_subcommand("list", "Open tickets in a queue, or one member's tickets");
    list->add_option("--queue", l->queue, "mine, team, unassigned, near, breached, premium or all (default team)");
    list->add_option("--member", l->member, "One member's tickets, closed ones too");
    list->callback([&ctx, l] {
        const ComplaintQueue q = parse_complaint_queue(l->queue, "queue");
        nlohmann::json out = nlohmann::json::array();
        std::string text;
        for (const ComplaintView& v : ctx.services().complaints.queue(ctx.actor(), q, l->member.empty() ? std::nullopt : std::optional(l->member))) {
            nlohmann::json j = ticket_json(v);
            j.erase("timeline");
            j.erase("compensations");
            j.erase("possible_duplicates");
            out.push_back(j);
            text += ticket_line(v) + "\n";
        }
        ctx.print(out, text.empty() ? "no tickets in queue " + l->queue : text.substr(0, text.size() - 1));
    });

    auto shown = std::make_shared<std::string>();
    CLI::App* show = complaint->add_subcommand("show", "One ticket with its timeline, clocks and compensation");
    show->add_option("number", *shown, "Ticket number")->required();
    show->callback([&ctx, shown] { print_ticket(ctx, ctx.services().complaints.show(ctx.actor(), *shown)); });
}

}  // namespace md::cli
