#pragma once
// Complaint tickets (会员投诉, issue 8): opening (premium members flagged for the fast channel,
// earlier tickets of the same member and category offered for linking), assigning, working,
// waiting for the customer (the deadline clocks stop), resolving, closing and reopening; the
// response and resolution clocks on the business calendar; compensation paid through the ledger
// within the granting role's caps, or waiting for someone else's approval above them.
//
// Rules as written (the models hold the numbers: complaint.h, complaint_policy.h):
// - The first answer (response) is the ticket's first move past new and assigned: a note by
//   staff on an assigned ticket puts it in progress, and so does waiting or resolving.
// - The response and resolution clocks start at opening; waiting for the customer stops both
//   from the moment it starts to the moment the ticket is resumed (or resolved).
// - A save names the version it read; when someone saved the ticket in between it is refused
//   as a conflict (reload and try again) and nothing is written.
// - Every change is checked against the role and audited in the same transaction.
// - The calendar and policy are the programme items in force today (kinds business_calendar and
//   complaint_policy, changed under approval like the rest of the programme); until one is
//   approved, the models' defaults. Every clock is worked out on the calendar in force now, also
//   for tickets opened before it changed: a deadline is read against today's rules.
// - A deadline passed while the work is not done is a breach. `record_breaches` (the escalation
//   job: `complaint escalate`, and the Complaints area each time it loads for a user who handles
//   tickets) writes one timeline event per ticket and clock the first time it finds it breached;
//   the breached queue is the team lead's queue.
#include "db/complaint_repository.h"
#include "models/complaint_policy.h"
#include "services/audit_trail.h"
#include "services/ledger_service.h"
#include "services/program_service.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace md {

struct OpenComplaintRequest {
    std::string member;  // member number
    std::string channel, category, severity;  // codes
    std::string subject, description;
    std::optional<std::string> link_to;  // an earlier ticket of the member this one repeats
};

// One deadline clock. Instants here are business time (UTC+8).
struct DeadlineClock {
    std::int64_t target_minutes = 0;       // business minutes
    std::optional<Instant> due;            // none while the customer is being waited for
    std::optional<Instant> done_at;        // answered / resolved
    DeadlineState state = DeadlineState::OnTrack;  // done: on_track if in time, breached if late
};

struct ComplaintView {
    ComplaintRow row;  // instants UTC, as stored
    DeadlineClock response, resolution;
    std::vector<ComplaintEvent> timeline;
    std::vector<CompensationRow> compensations;
    std::vector<std::string> possible_duplicates;  // earlier tickets: same member and category within 7 days
};

enum class ComplaintQueue { Mine, Team, Unassigned, NearDeadline, Breached, Premium, All };
std::string complaint_queue_code(ComplaintQueue q);  // "mine", "team", "unassigned", "near", "breached", "premium", "all"
ComplaintQueue parse_complaint_queue(const std::string& code, const std::string& field);

enum class CompensationKind { Coins, StoredValue, Benefit };
struct CompensationRequest {
    CompensationKind kind = CompensationKind::Coins;
    std::int64_t coins = 0;
    Money amount;
    std::string benefit;  // a coupon-style benefit, in words (no ledger value)
    std::string reason;
};

struct PendingCompensation {
    CompensationRow compensation;
    ComplaintRow ticket;
};

// A breach the escalation job recorded.
struct RecordedBreach {
    std::string number;
    std::string clock;  // "response" or "resolution"
    Instant due;        // business time
};

// The calendar and policy the desk works by today.
struct ComplaintSettings {
    BusinessCalendar calendar;
    ComplaintPolicy policy;
};

class ComplaintService {
public:
    ComplaintService(Database& db, Clock clock, LedgerService& ledger, ProgramService& program)
        : db_(db), clock_(clock), audit_(db, clock), ledger_(ledger), program_(program) {}

    ComplaintView open(const Actor& actor, const OpenComplaintRequest& request);
    // `version`: the version the caller read (none: the current one).
    ComplaintView assign(const Actor& actor, const std::string& number, const std::string& owner, std::optional<int> version = {});
    ComplaintView note(const Actor& actor, const std::string& number, const std::string& text, std::optional<int> version = {});
    ComplaintView wait(const Actor& actor, const std::string& number, const std::string& text, std::optional<int> version = {});
    ComplaintView resume(const Actor& actor, const std::string& number, const std::string& text, std::optional<int> version = {});
    ComplaintView resolve(const Actor& actor, const std::string& number, const std::string& resolution_note,
                          const std::string& root_cause, std::optional<int> version = {});
    ComplaintView close(const Actor& actor, const std::string& number, std::optional<int> satisfaction,
                        std::optional<int> version = {});
    ComplaintView reopen(const Actor& actor, const std::string& number, const std::string& reason, std::optional<int> version = {});

    // Paid at once within the actor's caps; above them it waits for someone else's decision.
    CompensationRow compensate(const Actor& actor, const std::string& number, const CompensationRequest& request);
    CompensationRow decide_compensation(const Actor& actor, std::int64_t id, bool approve, const std::string& comment);
    // Compensation waiting for a decision, oldest first, each with its ticket.
    std::vector<PendingCompensation> pending_compensations(const Actor& actor);

    ComplaintView show(const Actor& actor, const std::string& number);
    // The member's tickets of the category opened in the last 7 days, newest first: what a new
    // ticket would repeat, offered for linking before it is opened.
    std::vector<ComplaintRow> recent_of_member(const Actor& actor, const std::string& member, const std::string& category);
    // Open tickets in a queue (timelines left out), oldest first; `member`: one member's tickets (closed ones too).
    std::vector<ComplaintView> queue(const Actor& actor, ComplaintQueue queue, const std::optional<std::string>& member = {});
    // Every queue from one read of the open tickets (the area shows them all with their counts).
    std::map<ComplaintQueue, std::vector<ComplaintView>> queues(const Actor& actor);

    // Tickets opened on the business days from `from` to `to`, closed ones too, with their clocks
    // as they stood at the end of `to`: what happened later (the answer, resolution, closing and
    // satisfaction score, later timeline lines) is left out. Compensation is not read. For the
    // complaints report.
    std::vector<ComplaintView> opened_between(const Actor& actor, const Date& from, const Date& to);
    // Records each breach not recorded yet (see above); returns those it recorded now.
    std::vector<RecordedBreach> record_breaches(const Actor& actor);

    // The programme's calendar and policy in force today, or the defaults.
    ComplaintSettings settings();

private:
    // The clocks from the ticket's timeline; `with_details` also keeps the timeline and reads the
    // compensation and possible duplicates (one ticket on screen, not a queue).
    // `now` (UTC): the moment the clocks are read at; none = the clock's now.
    ComplaintView view(ComplaintRow row, std::vector<ComplaintEvent> timeline, bool with_details, const ComplaintSettings& settings,
                       std::optional<Instant> now = {});
    ComplaintView view(ComplaintRow row, const ComplaintSettings& settings);  // one ticket, with details
    // Open tickets (or a member's) with their clocks and timelines, the timelines in one read.
    std::vector<ComplaintView> views(const ComplaintFilter& filter, const ComplaintSettings& settings);
    static bool in_queue(const ComplaintView& v, ComplaintQueue q, const Actor& actor);
    // Loads the ticket, checks the version the caller read, applies `change`, saves, records the
    // event and the audit line, all in one transaction.
    template <class Change>
    ComplaintView change(const Actor& actor, const std::string& number, std::optional<int> version, const char* action,
                         Change&& apply);
    void move(ComplaintRow& row, ComplaintStatus to, const std::string& actor, const std::string& text,
              std::vector<ComplaintEvent>& events);
    CompensationRow pay(const Actor& actor, const ComplaintRow& row, CompensationRow c);

    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    LedgerService& ledger_;
    ProgramService& program_;
};

}  // namespace md
