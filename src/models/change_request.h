#pragma once
// Maker-checker for programme configuration. Every configuration item (a ladder, the points
// rule, a denomination, a bonus, a package, a committee seat) changes only through a change
// request: draft → submitted → approved or rejected; an approved change is in force from its
// effective date. The rules here are pure; the service applies them inside a transaction.
#include "models/role.h"
#include "models/timestamps.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

enum class ChangeKind {
    Ladder, Points, Denomination, Bonus, Package, Committee, Lifecycle, StoredValue, Campaign,
    BusinessCalendar, ComplaintPolicy  // the complaint desk's calendar and deadlines/caps (issue 8)
};
const std::vector<ChangeKind>& all_change_kinds();
std::string change_kind_code(ChangeKind kind);   // "ladder", "points", ...
ChangeKind parse_change_kind(const std::string& code, const std::string& field);
// Kinds whose changes move money (discounts, earn rate, face values, bonuses).
bool moves_money(ChangeKind kind);

enum class ChangeStatus { Draft, Submitted, Approved, Rejected };
std::string change_status_code(ChangeStatus status);  // "draft", "submitted", "approved", "rejected"
ChangeStatus parse_change_status(const std::string& code);

struct ChangeDecision {
    std::string approver;
    bool approved = false;
    std::string comment;
    Instant at;
};

struct ChangeRequest {
    std::int64_t id = 0;
    ChangeKind kind = ChangeKind::Ladder;
    std::string item_key;                 // ladder code, "default", face value, bonus code...
    std::optional<std::string> proposed;  // the item as JSON; none = retire the item
    int base_version = 0;                 // the item version it was written against (0 = new item)
    std::string reason;                   // required: why the change
    Date effective_from;
    ChangeStatus status = ChangeStatus::Draft;
    std::string created_by;
    Instant created_at;
    std::optional<Instant> submitted_at;
    std::vector<ChangeDecision> decisions;
    int version = 1;
};

struct ApprovalRule {
    ChangeKind kind = ChangeKind::Ladder;
    Role approver_role = Role::Approver;
    int approvals_needed = 1;             // 2 = two distinct approvers
};

// Throws ValidationError for an empty reason or an effective date before `today`.
void validate_proposal(const ChangeRequest& request, const Date& today);

// Why `approver` (with `role`) may not decide `request` now: ConflictError when it is not
// waiting for a decision or they already decided it, PermissionError for their own request
// or the wrong role. Returns normally when they may.
void check_may_decide(const ChangeRequest& request, const std::string& approver, Role role, const ApprovalRule& rule);

int approvals_given(const ChangeRequest& request);

}  // namespace md
