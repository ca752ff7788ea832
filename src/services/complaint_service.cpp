#include "services/complaint_service.h"
#include "models/text.h"

#include "db/tier_repository.h"
#include "db/user_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/member_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace md {
namespace {

const char* kEntity = "complaint";
// The ladder whose members are premium (the fast channel), domain.md §3.
const char* kPremiumLadder = "premium";

nlohmann::json ticket_json(const ComplaintRow& r) {
    const Complaint& t = r.ticket;
    nlohmann::json j = {{"number", t.number},
                        {"member", r.member_number},
                        {"channel", complaint_channel_code(t.channel)},
                        {"category", complaint_category_code(t.category)},
                        {"severity", complaint_severity_code(t.severity)},
                        {"premium", t.premium},
                        {"subject", t.subject},
                        {"owner", t.owner},
                        {"status", complaint_status_code(t.status)},
                        {"version", r.version}};
    if (t.satisfaction) j["satisfaction"] = *t.satisfaction;
    if (!t.resolution_note.empty()) j["resolution_note"] = t.resolution_note;
    if (!t.root_cause.empty()) j["root_cause"] = t.root_cause;
    if (!r.linked_number.empty()) j["repeats"] = r.linked_number;
    return j;
}

// The waits for the customer, from the timeline, in business time.
std::vector<Pause> pauses_of(const std::vector<ComplaintEvent>& timeline) {
    std::vector<Pause> out;
    for (const ComplaintEvent& e : timeline) {
        if (e.kind != "status") continue;
        if (e.to == ComplaintStatus::WaitingCustomer) out.push_back({to_business_time(e.at), std::nullopt});
        else if (e.from == ComplaintStatus::WaitingCustomer && !out.empty() && !out.back().until)
            out.back().until = to_business_time(e.at);
    }
    return out;
}

DeadlineClock clock_of(const BusinessCalendar& calendar, const ComplaintPolicy& policy, const Instant& opened,
                       std::int64_t target, const std::vector<Pause>& pauses, const std::optional<Instant>& done,
                       const Instant& now) {
    DeadlineClock c;
    c.target_minutes = target;
    c.due = add_business_minutes(calendar, opened, target, pauses);
    c.done_at = done;
    if (done) c.state = c.due && *done <= *c.due ? DeadlineState::OnTrack : DeadlineState::Breached;
    else c.state = deadline_state(calendar, opened, target, pauses, now, policy.near_deadline_pct);
    // Done while waiting (an open pause) cannot be late: the clock stood still.
    if (done && !c.due) c.state = DeadlineState::OnTrack;
    return c;
}

}  // namespace

std::string complaint_queue_code(ComplaintQueue q) {
    static const char* const codes[] = {"mine", "team", "unassigned", "near", "breached", "premium", "all"};
    return codes[static_cast<int>(q)];
}

ComplaintQueue parse_complaint_queue(const std::string& code, const std::string& field) {
    for (int i = 0; i <= static_cast<int>(ComplaintQueue::All); ++i)
        if (complaint_queue_code(static_cast<ComplaintQueue>(i)) == code) return static_cast<ComplaintQueue>(i);
    throw ValidationError(field, code,
                          subst(tr("{0}: \"{1}\" is not a queue (mine, team, unassigned, near, breached, premium, all)"),
                                {field, code}));
}

ComplaintSettings ComplaintService::settings() {
    const Program& rules = program_.rules_in_force(to_business_time(clock_()).date());
    return {rules.business_calendar.value_or(default_business_calendar()),
            rules.complaint_policy.value_or(default_complaint_policy())};
}

ComplaintView ComplaintService::view(ComplaintRow row, std::vector<ComplaintEvent> timeline, bool with_details,
                                     const ComplaintSettings& settings, std::optional<Instant> now_at) {
    ComplaintView v;
    const std::vector<Pause> pauses = pauses_of(timeline);
    const auto& [calendar, policy] = settings;
    const DeadlineTarget& target = target_for(policy, row.ticket.severity,
                                              row.ticket.premium ? MemberClass::Premium : MemberClass::Standard);
    const Instant opened = to_business_time(row.ticket.opened_at), now = to_business_time(now_at.value_or(clock_()));
    auto business = [](const std::optional<Instant>& utc) { return utc ? std::optional(to_business_time(*utc)) : std::nullopt; };
    v.response = clock_of(calendar, policy, opened, target.response_minutes, pauses, business(row.responded_at), now);
    v.resolution = clock_of(calendar, policy, opened, target.resolution_minutes, pauses, business(row.resolved_at), now);
    v.timeline = std::move(timeline);
    if (with_details) {
        ComplaintRepository repo(db_);
        v.compensations = repo.compensations(row.ticket.id);
        for (const ComplaintRow& earlier :
             repo.recent(row.ticket.member_id, row.ticket.category, duplicate_window_start(row.ticket.opened_at)))
            if (earlier.ticket.id != row.ticket.id && earlier.ticket.opened_at <= row.ticket.opened_at)
                v.possible_duplicates.push_back(earlier.ticket.number);
    }
    v.row = std::move(row);
    return v;
}

ComplaintView ComplaintService::view(ComplaintRow row, const ComplaintSettings& settings) {
    std::vector<ComplaintEvent> timeline = ComplaintRepository(db_).events(row.ticket.id);
    return view(std::move(row), std::move(timeline), true, settings);
}

std::vector<ComplaintView> ComplaintService::views(const ComplaintFilter& filter, const ComplaintSettings& settings) {
    ComplaintRepository repo(db_);
    std::vector<ComplaintRow> rows = repo.list(filter);
    std::vector<std::int64_t> ids;
    for (const ComplaintRow& r : rows) ids.push_back(r.ticket.id);
    std::map<std::int64_t, std::vector<ComplaintEvent>> timelines = repo.events_of(ids);
    std::vector<ComplaintView> out;
    for (ComplaintRow& r : rows) {
        const std::int64_t id = r.ticket.id;
        out.push_back(view(std::move(r), std::move(timelines[id]), false, settings));
    }
    return out;
}

ComplaintView ComplaintService::open(const Actor& actor, const OpenComplaintRequest& in) {
    audit_.require(actor, Action::HandleComplaints, kEntity, in.member);
    Complaint t;
    t.channel = parse_complaint_channel(in.channel, "channel");
    t.category = parse_complaint_category(in.category, "category");
    t.severity = parse_complaint_severity(in.severity, "severity");
    t.subject = trim_space(in.subject);
    t.description = in.description;
    t.status = ComplaintStatus::New;
    const Instant now = clock_();
    t.opened_at = to_business_time(now);
    validate(t);  // the model's checks read business time
    t.opened_at = now;
    Transaction tx(db_);
    const Member member = load_member(db_, in.member);
    t.member_id = member.id;
    t.premium = TierRepository(db_).held(member.id).count(kPremiumLadder) > 0;
    ComplaintRepository repo(db_);
    if (in.link_to) {
        auto earlier = repo.by_number(*in.link_to);
        if (!earlier || earlier->ticket.member_id != member.id)
            throw ValidationError("link_to", *in.link_to,
                                  subst(tr("link_to: {0} is not a ticket of member {1}"), {*in.link_to, member.number}));
        t.linked_to = earlier->ticket.id;
    }
    ComplaintRow row = repo.add(t, actor.username, now);
    repo.add_event(row.ticket.id, {now, actor.username, "opened", std::nullopt, ComplaintStatus::New, t.subject});
    audit_.record(actor.username, "complaint.open", kEntity, row.ticket.number, "", ticket_json(row).dump());
    tx.commit();
    return view(std::move(row), settings());
}

template <class Change>
ComplaintView ComplaintService::change(const Actor& actor, const std::string& number, std::optional<int> version,
                                       const char* action, Change&& apply) {
    audit_.require(actor, Action::HandleComplaints, kEntity, number);
    Transaction tx(db_);
    ComplaintRepository repo(db_);
    auto row = repo.by_number(number);
    if (!row) throw NotFoundError(subst(tr("complaint: there is no ticket {0}"), {number}));
    if (version && *version != row->version)
        throw ConflictError(subst(tr("complaint {0}: someone saved it since you opened it (version {1}, you had {2}); "
                                     "reload it and try again"),
                                  {number, std::to_string(row->version), std::to_string(*version)}));
    const std::string before = ticket_json(*row).dump();
    std::vector<ComplaintEvent> events;
    apply(*row, events);
    validate(row->ticket);
    const Instant now = clock_();
    if (!repo.save(*row, actor.username, now))
        throw ConflictError(subst(tr("complaint {0}: someone saved it just now; reload it and try again"), {number}));
    ++row->version;
    for (const ComplaintEvent& e : events) repo.add_event(row->ticket.id, e);
    audit_.record(actor.username, action, kEntity, number, before, ticket_json(*row).dump());
    tx.commit();
    return view(std::move(*row), settings());
}

void ComplaintService::move(ComplaintRow& row, ComplaintStatus to, const std::string& actor, const std::string& text,
                            std::vector<ComplaintEvent>& events) {
    const ComplaintStatus from = row.ticket.status;
    check_transition(from, to);
    const Instant now = clock_();
    row.ticket.status = to;
    // The first move past new and assigned is the first answer to the member.
    const bool answering = to == ComplaintStatus::InProgress || to == ComplaintStatus::WaitingCustomer || to == ComplaintStatus::Resolved;
    if (answering && !row.responded_at) row.responded_at = now;
    events.push_back({now, actor, "status", from, to, text});
}

ComplaintView ComplaintService::assign(const Actor& actor, const std::string& number, const std::string& owner,
                                       std::optional<int> version) {
    auto user = UserRepository(db_).find_by_username(owner);
    if (!user || !user->active || !role_may(user->role, Action::HandleComplaints))
        throw ValidationError("owner", owner,
                              subst(tr("owner: \"{0}\" is not an active user who handles complaints"), {owner}));
    return change(actor, number, version, "complaint.assign", [&](ComplaintRow& row, std::vector<ComplaintEvent>& events) {
        if (row.ticket.status == ComplaintStatus::Closed)
            throw ValidationError("complaint.status", "closed", subst(tr("complaint {0}: it is closed; reopen it first"), {number}));
        row.ticket.owner = owner;
        events.push_back({clock_(), actor.username, "assigned", std::nullopt, std::nullopt, owner});
        if (row.ticket.status == ComplaintStatus::New) move(row, ComplaintStatus::Assigned, actor.username, "", events);
    });
}

ComplaintView ComplaintService::note(const Actor& actor, const std::string& number, const std::string& text,
                                     std::optional<int> version) {
    if (trim_space(text).empty()) throw ValidationError("note", text, tr("note: the note is empty"));
    return change(actor, number, version, "complaint.note", [&](ComplaintRow& row, std::vector<ComplaintEvent>& events) {
        // Staff writing on an assigned (or reopened) ticket are working it: it moves in progress.
        if (row.ticket.status == ComplaintStatus::Assigned || row.ticket.status == ComplaintStatus::Reopened)
            move(row, ComplaintStatus::InProgress, actor.username, "", events);
        events.push_back({clock_(), actor.username, "note", std::nullopt, std::nullopt, trim_space(text)});
    });
}

ComplaintView ComplaintService::wait(const Actor& actor, const std::string& number, const std::string& text,
                                     std::optional<int> version) {
    return change(actor, number, version, "complaint.wait", [&](ComplaintRow& row, std::vector<ComplaintEvent>& events) {
        if (row.ticket.status == ComplaintStatus::Assigned || row.ticket.status == ComplaintStatus::Reopened)
            move(row, ComplaintStatus::InProgress, actor.username, "", events);
        move(row, ComplaintStatus::WaitingCustomer, actor.username, trim_space(text), events);
    });
}

ComplaintView ComplaintService::resume(const Actor& actor, const std::string& number, const std::string& text,
                                       std::optional<int> version) {
    return change(actor, number, version, "complaint.resume", [&](ComplaintRow& row, std::vector<ComplaintEvent>& events) {
        move(row, ComplaintStatus::InProgress, actor.username, trim_space(text), events);
    });
}

ComplaintView ComplaintService::resolve(const Actor& actor, const std::string& number, const std::string& resolution_note,
                                        const std::string& root_cause, std::optional<int> version) {
    return change(actor, number, version, "complaint.resolve", [&](ComplaintRow& row, std::vector<ComplaintEvent>& events) {
        if (trim_space(resolution_note).empty())
            throw ValidationError("resolution_note", resolution_note,
                                  subst(tr("resolution_note: say how {0} was resolved"), {number}));
        move(row, ComplaintStatus::Resolved, actor.username, trim_space(resolution_note), events);
        row.ticket.resolution_note = trim_space(resolution_note);
        if (!trim_space(root_cause).empty()) row.ticket.root_cause = trim_space(root_cause);
        row.resolved_at = clock_();
    });
}

ComplaintView ComplaintService::close(const Actor& actor, const std::string& number, std::optional<int> satisfaction,
                                      std::optional<int> version) {
    if (satisfaction) validate_satisfaction(*satisfaction);
    return change(actor, number, version, "complaint.close", [&](ComplaintRow& row, std::vector<ComplaintEvent>& events) {
        check_may_close(row.ticket);
        move(row, ComplaintStatus::Closed, actor.username, satisfaction ? std::to_string(*satisfaction) + "/5" : "", events);
        row.ticket.satisfaction = satisfaction;
        row.ticket.closed_at = clock_();
    });
}

ComplaintView ComplaintService::reopen(const Actor& actor, const std::string& number, const std::string& reason,
                                       std::optional<int> version) {
    if (trim_space(reason).empty()) throw ValidationError("reason", reason, tr("reason: say why the ticket is reopened"));
    return change(actor, number, version, "complaint.reopen", [&](ComplaintRow& row, std::vector<ComplaintEvent>& events) {
        if (row.ticket.status == ComplaintStatus::Closed && row.ticket.closed_at)
            check_reopen_window(to_business_time(*row.ticket.closed_at), to_business_time(clock_()),
                                settings().policy.reopen_window_days);
        move(row, ComplaintStatus::Reopened, actor.username, trim_space(reason), events);
        row.ticket.closed_at.reset();
        row.ticket.satisfaction.reset();
        row.resolved_at.reset();
    });
}

CompensationRow ComplaintService::pay(const Actor& actor, const ComplaintRow& row, CompensationRow c) {
    if (c.kind == "benefit") return c;  // in words only: nothing moves in the ledger
    const bool coins = c.kind == "coins";
    const nlohmann::json detail = {{"complaint", row.ticket.number}, {"compensation", c.id}};
    const TxnResult paid =
        ledger_.post_compensation(actor, row.member_number, coins ? Bucket::Coins : Bucket::Compensation,
                                  coins ? c.coins : c.amount.fen(),
                                  subst(tr("complaint {0}: {1}"), {row.ticket.number, c.reason}),
                                  "complaint:" + row.ticket.number + ":" + std::to_string(c.id), detail.dump());
    c.txn_id = paid.txn;
    return c;
}

CompensationRow ComplaintService::compensate(const Actor& actor, const std::string& number, const CompensationRequest& in) {
    audit_.require(actor, Action::HandleComplaints, kEntity, number);
    const std::string reason = trim_space(in.reason);
    if (reason.empty()) throw ValidationError("reason", in.reason, tr("reason: say why the member is compensated"));
    CompensationRow c;
    c.reason = reason;
    c.granted_by = actor.username;
    c.granted_at = clock_();
    Transaction tx(db_);
    ComplaintRepository repo(db_);
    auto row = repo.by_number(number);
    if (!row) throw NotFoundError(subst(tr("complaint: there is no ticket {0}"), {number}));
    check_may_compensate(row->ticket.status);
    const CompensationCap cap = cap_for(settings().policy, actor.role);
    const auto [ticket_coins, ticket_value] = repo.granted_on_ticket(row->ticket.id);
    const Date today = to_business_time(c.granted_at).date();
    const auto [month_coins, month_value] = repo.granted_by_since(actor.username, business_day_start_utc(Date(today.year(), today.month(), 1)));
    CapCheck check;
    switch (in.kind) {
    case CompensationKind::Coins:
        c.kind = "coins";
        c.coins = in.coins;
        check = check_coin_compensation(cap, in.coins, ticket_coins, month_coins);
        break;
    case CompensationKind::StoredValue:
        c.kind = "stored_value";
        c.amount = in.amount;
        check = check_stored_value_compensation(cap, in.amount, ticket_value, month_value);
        break;
    case CompensationKind::Benefit:
        c.kind = "benefit";
        c.benefit = trim_space(in.benefit);
        if (c.benefit.empty()) throw ValidationError("benefit", in.benefit, tr("benefit: say what the member is given"));
        break;
    }
    c.complaint_id = row->ticket.id;
    c.state = check.needs_approval() ? "pending" : "paid";
    c.id = repo.add_compensation(c);
    const std::string what = c.kind == "coins" ? subst(tr("{0} coins"), {std::to_string(c.coins)})
                             : c.kind == "stored_value" ? c.amount.to_display() : c.benefit;
    if (c.state == "paid") {
        c = pay(actor, *row, c);
        c.decided_by = actor.username;
        c.decided_at = c.granted_at;
        repo.decide_compensation(c);
    }
    repo.add_event(row->ticket.id, {c.granted_at, actor.username, "compensation", std::nullopt, std::nullopt,
                                    subst(c.state == "paid" ? tr("{0} paid: {1}") : tr("{0} waits for approval: {1}"), {what, reason})});
    const nlohmann::json after = {{"compensation", c.id}, {"kind", c.kind}, {"what", what}, {"state", c.state},
                                  {"above_ticket_cap", check.above_ticket_cap}, {"above_month_cap", check.above_month_cap}};
    audit_.record(actor.username, c.state == "paid" ? "complaint.compensate" : "complaint.compensation_requested", kEntity,
                  number, "", after.dump(), reason);
    tx.commit();
    return c;
}

CompensationRow ComplaintService::decide_compensation(const Actor& actor, std::int64_t id, bool approve,
                                                      const std::string& comment) {
    audit_.require(actor, Action::DecideCompensation, "compensation", std::to_string(id));
    Transaction tx(db_);
    ComplaintRepository repo(db_);
    auto c = repo.compensation(id);
    if (!c) throw NotFoundError(subst(tr("compensation: there is no compensation {0}"), {std::to_string(id)}));
    if (c->state != "pending")
        throw ConflictError(subst(tr("compensation {0}: it was already {1} by {2}"), {std::to_string(id), c->state, c->decided_by}));
    if (c->granted_by == actor.username)
        throw PermissionError(subst(tr("compensation {0}: you granted it; someone else must decide it"), {std::to_string(id)}));
    auto row = repo.by_id(c->complaint_id);
    c->decided_by = actor.username;
    c->decided_at = clock_();
    c->comment = comment;
    if (approve) {
        *c = pay(actor, *row, *c);
        c->state = "paid";
    } else {
        c->state = "rejected";
    }
    repo.decide_compensation(*c);
    repo.add_event(row->ticket.id, {*c->decided_at, actor.username, "compensation", std::nullopt, std::nullopt,
                                    subst(approve ? tr("compensation {0} approved and paid") : tr("compensation {0} rejected"),
                                          {std::to_string(id)}) +
                                        (comment.empty() ? "" : ": " + comment)});
    audit_.record(actor.username, approve ? "complaint.compensation_approved" : "complaint.compensation_rejected",
                  "compensation", std::to_string(id), "pending", c->state, comment);
    tx.commit();
    return *c;
}

std::vector<PendingCompensation> ComplaintService::pending_compensations(const Actor& actor) {
    audit_.require(actor, Action::ViewComplaints, "compensation");
    ComplaintRepository repo(db_);
    std::vector<PendingCompensation> out;
    // Few wait at a time (each is above a cap), so one read per ticket is fine.
    for (CompensationRow& c : repo.pending_compensations()) {
        auto ticket = repo.by_id(c.complaint_id);
        if (ticket) out.push_back({std::move(c), std::move(*ticket)});
    }
    return out;
}

ComplaintView ComplaintService::show(const Actor& actor, const std::string& number) {
    audit_.require(actor, Action::ViewComplaints, kEntity, number);
    auto row = ComplaintRepository(db_).by_number(number);
    if (!row) throw NotFoundError(subst(tr("complaint: there is no ticket {0}"), {number}));
    return view(std::move(*row), settings());
}

bool ComplaintService::in_queue(const ComplaintView& v, ComplaintQueue q, const Actor& actor) {
    const Complaint& t = v.row.ticket;
    switch (q) {
    case ComplaintQueue::Mine: return t.owner == actor.username;
    case ComplaintQueue::Team: return !t.owner.empty();
    case ComplaintQueue::Unassigned: return t.owner.empty();
    case ComplaintQueue::NearDeadline:
        return v.response.state == DeadlineState::Near || v.resolution.state == DeadlineState::Near;
    case ComplaintQueue::Breached:
        return (!v.row.responded_at && v.response.state == DeadlineState::Breached) ||
               (!v.row.resolved_at && v.resolution.state == DeadlineState::Breached);
    case ComplaintQueue::Premium: return t.premium;
    case ComplaintQueue::All: return true;
    }
    return false;
}

std::vector<ComplaintRow> ComplaintService::recent_of_member(const Actor& actor, const std::string& member,
                                                            const std::string& category) {
    audit_.require(actor, Action::ViewComplaints, kEntity, member);
    const ComplaintCategory parsed = parse_complaint_category(category, "category");
    return ComplaintRepository(db_).recent(load_member(db_, member).id, parsed, duplicate_window_start(clock_()));
}

std::vector<ComplaintView> ComplaintService::queue(const Actor& actor, ComplaintQueue q, const std::optional<std::string>& member) {
    audit_.require(actor, Action::ViewComplaints, kEntity);
    ComplaintFilter filter;
    if (member) {
        filter.member_id = load_member(db_, *member).id;
        filter.open_only = false;
    }
    std::vector<ComplaintView> out;
    for (ComplaintView& v : views(filter, settings()))
        if (in_queue(v, q, actor)) {
            v.timeline.clear();  // a queue shows clocks, not timelines
            out.push_back(std::move(v));
        }
    return out;
}

std::map<ComplaintQueue, std::vector<ComplaintView>> ComplaintService::queues(const Actor& actor) {
    std::map<ComplaintQueue, std::vector<ComplaintView>> out;
    for (const ComplaintView& v : queue(actor, ComplaintQueue::All))
        for (int q = 0; q <= static_cast<int>(ComplaintQueue::All); ++q)
            if (in_queue(v, static_cast<ComplaintQueue>(q), actor)) out[static_cast<ComplaintQueue>(q)].push_back(v);
    return out;
}

std::vector<ComplaintView> ComplaintService::opened_between(const Actor& actor, const Date& from, const Date& to) {
    audit_.require(actor, Action::ViewComplaints, kEntity);
    const Instant end = business_day_start_utc(to + boost::gregorian::days(1));
    ComplaintFilter filter;
    filter.open_only = false;
    filter.opened_since = business_day_start_utc(from);
    filter.opened_before = end;
    filter.limit = 0;
    ComplaintRepository repo(db_);
    std::vector<ComplaintRow> rows = repo.list(filter);
    std::vector<std::int64_t> ids;
    for (const ComplaintRow& r : rows) ids.push_back(r.ticket.id);
    std::map<std::int64_t, std::vector<ComplaintEvent>> timelines = repo.events_of(ids);
    const ComplaintSettings rules = settings();
    const Instant now = std::min(clock_(), end);
    auto after_end = [&](const std::optional<Instant>& at) { return at && *at >= end; };
    std::vector<ComplaintView> out;
    for (ComplaintRow& r : rows) {
        if (after_end(r.responded_at)) r.responded_at.reset();
        if (after_end(r.resolved_at)) r.resolved_at.reset();
        if (after_end(r.ticket.closed_at)) {
            r.ticket.closed_at.reset();
            r.ticket.satisfaction.reset();
        }
        std::vector<ComplaintEvent> timeline = std::move(timelines[r.ticket.id]);
        std::erase_if(timeline, [&](const ComplaintEvent& e) { return e.at >= end; });
        out.push_back(view(std::move(r), std::move(timeline), false, rules, now));
    }
    return out;
}

std::vector<RecordedBreach> ComplaintService::record_breaches(const Actor& actor) {
    audit_.require(actor, Action::HandleComplaints, kEntity);
    std::vector<RecordedBreach> recorded;
    Transaction tx(db_);
    ComplaintRepository repo(db_);
    const Instant now = clock_();
    const ComplaintSettings in_force = settings();
    for (const ComplaintView& v : views(ComplaintFilter{}, in_force)) {
        const auto already = [&](const std::string& clock) {
            return std::any_of(v.timeline.begin(), v.timeline.end(),
                               [&](const ComplaintEvent& e) { return e.kind == "breach" && e.text == clock; });
        };
        const auto record = [&](const char* clock, const DeadlineClock& c, bool done) {
            if (done || c.state != DeadlineState::Breached || !c.due || already(clock)) return;
            // The event names the clock; its due time stays on the ticket's clock (and in the audit).
            const std::string due = format_instant(*c.due);
            repo.add_event(v.row.ticket.id, {now, actor.username, "breach", std::nullopt, std::nullopt, clock});
            audit_.record(actor.username, "complaint.breach", kEntity, v.row.ticket.number, "",
                          nlohmann::json({{"clock", clock}, {"due", due}}).dump());
            recorded.push_back({v.row.ticket.number, clock, *c.due});
        };
        record("response", v.response, v.row.responded_at.has_value());
        record("resolution", v.resolution, v.row.resolved_at.has_value());
    }
    tx.commit();
    return recorded;
}

}  // namespace md
