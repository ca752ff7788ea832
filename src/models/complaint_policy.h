#pragma once
// The complaint policy (issue 8): deadline targets per severity × member class, when a ticket
// counts as near its deadline, the reopen window, and each role's compensation caps.
//
// Rules as written:
// - Member class: premium when the member holds a tier on a premium ladder (有机荟, domain.md
//   §3); they get the fast channel, so their targets may not be longer than a standard
//   member's for the same severity. Every other member is standard.
// - Targets are business minutes on the business calendar (a default working day is 540).
//   Each is at least 1, and resolution is not shorter than response.
// - A deadline is met when the work is done at or before the due instant (inclusive); it is
//   breached once the due instant has passed.
// - Near the deadline: not breached, and the business minutes left are at most
//   `near_deadline_pct` percent of the target, rounded up (default 20%: 12 minutes of a
//   1-hour response target, a whole business day of a 5-day resolution target). A share of
//   the target rather than a fixed 2 hours, because a fixed 2 hours would light up every
//   ticket with a target of 2 hours or less from the moment it is opened.
// - Reopen window: a closed ticket may be reopened up to `reopen_window_days` calendar days
//   after closing, inclusive (default 30, so a problem that comes back with next month's
//   meal-package delivery can still reopen its ticket).
// - Compensation caps, per role and separately for coins and for stored value:
//   - per ticket: everything granted on the ticket so far, by anyone, plus the proposal;
//   - per month: everything the granting user granted in this business month (UTC+8), on
//     any ticket, plus the proposal. Grants approved above a cap count too.
//   Reaching a cap exactly is within it; one coin or one fen above needs an approver. A role
//   without a row has caps of 0: everything it proposes needs an approver.
// - The compensation budget is what the desk may give away in a business month, in money (coins
//   count at their redemption value); the complaints report compares what was granted with it.
//   It limits no single grant: the caps do that.
#include "models/business_calendar.h"
#include "models/complaint.h"
#include "models/money.h"
#include "models/role.h"

#include <cstdint>
#include <string>
#include <vector>

namespace md {

enum class MemberClass { Standard, Premium };
std::string member_class_code(MemberClass member_class);  // "standard", "premium"
MemberClass parse_member_class(const std::string& code, const std::string& field);

struct DeadlineTarget {
    ComplaintSeverity severity = ComplaintSeverity::Normal;
    MemberClass member_class = MemberClass::Standard;
    std::int64_t response_minutes = 0;    // business minutes from opening to the first answer
    std::int64_t resolution_minutes = 0;  // business minutes from opening to resolved
    bool operator==(const DeadlineTarget&) const = default;
};

struct CompensationCap {
    Role role = Role::Service;
    std::int64_t coins_per_ticket = 0;
    std::int64_t coins_per_month = 0;
    Money stored_value_per_ticket;
    Money stored_value_per_month;
    bool operator==(const CompensationCap&) const = default;
};

// A plain struct the service layer stores as it is.
struct ComplaintPolicy {
    std::vector<DeadlineTarget> targets;  // exactly one per severity × member class
    int near_deadline_pct = 20;           // 1–99
    int reopen_window_days = 30;          // 1–365
    std::vector<CompensationCap> caps;    // at most one per role
    Money compensation_budget_per_month = Money::from_yuan(10000);  // ≥ 0
    bool operator==(const ComplaintPolicy&) const = default;
};

// Throws ValidationError naming the field ("policy.targets.high.premium.resolution_minutes", ...).
void validate(const ComplaintPolicy& policy);

// Standard members: critical 1 h / 1 day, high 2 h / 2 days, normal 4 h / 3 days, low 1 day /
// 5 days (response / resolution, business time). Premium members: critical 30 min / 4 h, high
// 1 h / 1 day, normal 2 h / 2 days, low 4 h / 3 days. Caps: customer service 100 coins and
// ¥100 per ticket, 1,000 coins and ¥1,000 a month; approvers ten times that; other roles 0.
// Budget ¥10,000 a month.
ComplaintPolicy default_complaint_policy();

// The target for the pair; throws ValidationError ("policy.targets") when the policy lacks it.
const DeadlineTarget& target_for(const ComplaintPolicy& policy, ComplaintSeverity severity, MemberClass member_class);
// The role's caps; all 0 when the policy has no row for it.
CompensationCap cap_for(const ComplaintPolicy& policy, Role role);

// Business minutes left at or below which a ticket is near its deadline: ceil(target × pct / 100).
std::int64_t near_deadline_minutes(std::int64_t target_minutes, int near_pct);

enum class DeadlineState { OnTrack, Near, Breached };
std::string deadline_state_code(DeadlineState state);  // "on_track", "near", "breached"
// The state at `now` of a target of `target_minutes` counted from `started` with the clock
// stopped during `pauses`. While an open pause holds the count short of the target, the
// ticket is not breached.
DeadlineState deadline_state(const BusinessCalendar& calendar, const Instant& started, std::int64_t target_minutes,
                             const std::vector<Pause>& pauses, const Instant& now, int near_pct);

// What a cap check found: within both caps, or which cap the proposal goes above.
struct CapCheck {
    bool above_ticket_cap = false;
    bool above_month_cap = false;
    bool needs_approval() const { return above_ticket_cap || above_month_cap; }
};
// `coins` at least 1 (field "compensation.coins"); the totals are what was granted before.
CapCheck check_coin_compensation(const CompensationCap& cap, std::int64_t coins, std::int64_t coins_on_ticket,
                                 std::int64_t coins_by_user_this_month);
// `amount` at least 0.01 (field "compensation.stored_value").
CapCheck check_stored_value_compensation(const CompensationCap& cap, Money amount, Money on_ticket,
                                         Money by_user_this_month);

}  // namespace md
