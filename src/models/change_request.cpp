#include "models/change_request.h"

#include "models/errors.h"
#include "models/translate.h"

namespace md {
namespace {
const char* const kKinds[] = {"ladder", "points", "denomination", "bonus", "package", "committee", "lifecycle", "stored_value", "campaign",
                             "business_calendar", "complaint_policy"};
const char* const kStatuses[] = {"draft", "submitted", "approved", "rejected"};
}  // namespace

const std::vector<ChangeKind>& all_change_kinds() {
    static const std::vector<ChangeKind> kinds = {ChangeKind::Ladder, ChangeKind::Points, ChangeKind::Denomination,
                                                  ChangeKind::Bonus,  ChangeKind::Package, ChangeKind::Committee,
                                                  ChangeKind::Lifecycle, ChangeKind::StoredValue,
                                                  ChangeKind::Campaign, ChangeKind::BusinessCalendar,
                                                  ChangeKind::ComplaintPolicy};
    return kinds;
}

std::string change_kind_code(ChangeKind kind) { return kKinds[static_cast<int>(kind)]; }

ChangeKind parse_change_kind(const std::string& code, const std::string& field) {
    for (ChangeKind k : all_change_kinds())
        if (change_kind_code(k) == code) return k;
    std::string known;
    for (ChangeKind k : all_change_kinds()) known += (known.empty() ? "" : ", ") + change_kind_code(k);
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of {2}"), {field, code, known}));
}

bool moves_money(ChangeKind kind) {
    return kind == ChangeKind::Ladder || kind == ChangeKind::Points || kind == ChangeKind::Denomination ||
           kind == ChangeKind::Bonus;
}

std::string change_status_code(ChangeStatus status) { return kStatuses[static_cast<int>(status)]; }

ChangeStatus parse_change_status(const std::string& code) {
    for (int i = 0; i < 4; ++i)
        if (code == kStatuses[i]) return ChangeStatus(i);
    return ChangeStatus::Draft;
}

void validate_proposal(const ChangeRequest& r, const Date& today) {
    if (r.reason.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ValidationError("reason", r.reason, tr("reason: a change request needs a reason"));
    if (r.effective_from.is_not_a_date() || r.effective_from < today)
        throw ValidationError("effective_from", r.effective_from.is_not_a_date() ? "" : format_date(r.effective_from),
                              subst(tr("effective_from: {0} is in the past (today is {1})"),
                                    {r.effective_from.is_not_a_date() ? "?" : format_date(r.effective_from),
                                     format_date(today)}));
}

int approvals_given(const ChangeRequest& r) {
    int n = 0;
    for (const ChangeDecision& d : r.decisions) n += d.approved ? 1 : 0;
    return n;
}

void check_may_decide(const ChangeRequest& r, const std::string& approver, Role role, const ApprovalRule& rule) {
    const std::string id = std::to_string(r.id);
    if (r.created_by == approver)
        throw PermissionError(subst(tr("change {0}: {1} submitted it and cannot decide it too"), {id, approver}));
    if (role != rule.approver_role)
        throw PermissionError(subst(tr("change {0}: {1} changes are decided by the {2} role, not {3}"),
                                    {id, change_kind_code(r.kind), role_code(rule.approver_role), role_code(role)}));
    if (r.status != ChangeStatus::Submitted)
        throw ConflictError(subst(tr("change {0}: it is {1}, not waiting for a decision"), {id, change_status_code(r.status)}));
    for (const ChangeDecision& d : r.decisions)
        if (d.approver == approver)
            throw ConflictError(subst(tr("change {0}: {1} has already approved it; a second approver must be someone else"),
                                      {id, approver}));
}

}  // namespace md
