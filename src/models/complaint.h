#pragma once
// Member complaints (会员投诉, domain.md §9; issue 8): the ticket, its codes, which status may
// follow which, and the duplicate rule. Deadlines and compensation caps are in
// complaint_policy.h; the calendar they count on in business_calendar.h.
//
// Rules as written:
// - Status flow: new → assigned → in_progress ⇄ waiting_customer → resolved → closed. A ticket
//   may be resolved from assigned, in_progress or waiting_customer; closing needs resolved
//   first (and a resolution note). Reopening is allowed from resolved and from closed, and a
//   reopened ticket is worked again (assigned, in_progress, waiting_customer, resolved).
//   Changing the owner keeps the status: it is not a transition.
// - Reopening a closed ticket is allowed within the policy's reopen window (default 30 days)
//   after closing, inclusive: up to the same clock time that many days later, in calendar time.
//   A resolved ticket that is not closed yet may be reopened at any time.
// - A closed ticket takes no compensation.
// - The satisfaction score, given at closing if the member answers, is 1–5 inclusive.
// - Duplicates: a new ticket for the same member and category opened within 7 days of an
//   earlier one is offered for linking. The 7 days are calendar time (7 × 24 hours, not
//   business time) and inclusive: an earlier ticket opened exactly 7 days before counts.
//
// Severities, as service staff are asked to choose them:
// - low: an inconvenience or a question; nothing to put right beyond an answer.
// - normal: one order, delivery, visit or account entry went wrong and needs putting right
//   (a wrong item, a late delivery, missing coins).
// - high: the member lost money or goods of real value, the same problem came back, or the
//   member cannot use their stored value or package.
// - critical: food safety or health (illness, foreign matter in food), or the member is
//   taking it to the media or a regulator (12315); the team lead is involved at once.
#include "models/timestamps.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

enum class ComplaintChannel { Phone, Store, App, WeChat, Email };
std::string complaint_channel_code(ComplaintChannel channel);  // "phone", "store", "app", "wechat", "email"
ComplaintChannel parse_complaint_channel(const std::string& code, const std::string& field);
const std::vector<ComplaintChannel>& all_complaint_channels();

enum class ComplaintCategory { ProductQuality, Delivery, StoredValue, Points, StaffAttitude, Package, Other };
// "product_quality", "delivery", "stored_value", "points", "staff_attitude", "package", "other"
std::string complaint_category_code(ComplaintCategory category);
ComplaintCategory parse_complaint_category(const std::string& code, const std::string& field);
const std::vector<ComplaintCategory>& all_complaint_categories();

enum class ComplaintSeverity { Low, Normal, High, Critical };
std::string complaint_severity_code(ComplaintSeverity severity);  // "low", "normal", "high", "critical"
ComplaintSeverity parse_complaint_severity(const std::string& code, const std::string& field);
const std::vector<ComplaintSeverity>& all_complaint_severities();

enum class ComplaintStatus { New, Assigned, InProgress, WaitingCustomer, Resolved, Closed, Reopened };
// "new", "assigned", "in_progress", "waiting_customer", "resolved", "closed", "reopened"
std::string complaint_status_code(ComplaintStatus status);
ComplaintStatus parse_complaint_status(const std::string& code, const std::string& field);
const std::vector<ComplaintStatus>& all_complaint_statuses();

// The statuses that may follow `from`, in the order of the flow.
const std::vector<ComplaintStatus>& next_statuses(ComplaintStatus from);
bool transition_allowed(ComplaintStatus from, ComplaintStatus to);
// Throws ValidationError (field "complaint.status", value "from → to") naming both statuses
// and what may follow `from`.
void check_transition(ComplaintStatus from, ComplaintStatus to);

// Reopening a ticket closed at `closed_at` at `at`: allowed until closed_at + window_days,
// inclusive. Throws ValidationError (field "complaint.reopen") naming the dates and the window.
bool within_reopen_window(const Instant& closed_at, const Instant& at, int window_days);
void check_reopen_window(const Instant& closed_at, const Instant& at, int window_days);

// Compensation is refused on a closed ticket (field "complaint.status").
void check_may_compensate(ComplaintStatus status);

// 1–5 inclusive; throws ValidationError naming "complaint.satisfaction".
void validate_satisfaction(int score);

constexpr int kDuplicateWindowDays = 7;
// What the duplicate rule looks at.
struct ComplaintOpening {
    std::int64_t member_id = 0;
    ComplaintCategory category = ComplaintCategory::Other;
    Instant opened_at;
};
// `newer` repeats `earlier`: same member and category, opened at most 7 days after it (inclusive).
bool offered_for_linking(const ComplaintOpening& earlier, const ComplaintOpening& newer);
// The earliest opening a ticket opened at `opened_at` is linked to (for a query).
Instant duplicate_window_start(const Instant& opened_at);

struct Complaint {
    std::int64_t id = 0;
    std::string number;                  // human code, e.g. "C2026-000123"
    std::int64_t member_id = 0;
    ComplaintChannel channel = ComplaintChannel::Phone;
    ComplaintCategory category = ComplaintCategory::Other;
    ComplaintSeverity severity = ComplaintSeverity::Normal;
    bool premium = false;                // the member held a premium ladder tier at opening: fast channel
    std::string subject;
    std::string description;
    std::string owner;                   // username; empty while unassigned
    ComplaintStatus status = ComplaintStatus::New;
    Instant opened_at;                   // business time (UTC+8), as the calendar counts
    std::optional<Instant> closed_at;    // business time
    std::optional<int> satisfaction;     // 1–5, at closing
    std::string root_cause;
    std::string resolution_note;         // required to close
    std::optional<std::int64_t> linked_to;  // the earlier ticket this one repeats
    bool operator==(const Complaint&) const = default;
};

constexpr std::size_t kSubjectMaxChars = 200;
// Subject present and at most 200 characters (UTF-8 code points), an owner for every status
// past new, a satisfaction score in range; throws ValidationError naming the field.
void validate(const Complaint& complaint);
// Closing needs the ticket resolved and a resolution note (field "complaint.resolution_note").
void check_may_close(const Complaint& complaint);

}  // namespace md
