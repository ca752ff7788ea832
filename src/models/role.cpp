#include "models/role.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>
#include <initializer_list>

namespace md {
namespace {

struct RoleInfo {
    Role role;
    const char* code;
    const char* label;
};

const RoleInfo kRoles[] = {
    {Role::Admin, "admin", "Administrator"},
    {Role::Marketing, "marketing", "Marketing manager"},
    {Role::Approver, "approver", "Approver"},
    {Role::Service, "service", "Customer service"},
    {Role::Finance, "finance", "Finance"},
    {Role::Auditor, "auditor", "Auditor (read-only)"},
};

// Marks the role names for xgettext; the table keeps the English originals.
[[maybe_unused]] const char* const kRoleLabelsForTranslation[] = {
    tr_noop("Administrator"), tr_noop("Marketing manager"), tr_noop("Approver"),
    tr_noop("Customer service"), tr_noop("Finance"), tr_noop("Auditor (read-only)"),
};

struct Grant {
    Action action;
    const char* code;
    std::initializer_list<Role> roles;
};

// The permission table: role → actions. Read-only views for the auditor, nothing more.
const Grant kGrants[] = {
    {Action::ViewUsers, "user.view", {Role::Admin, Role::Auditor}},
    {Action::ManageUsers, "user.manage", {Role::Admin}},
    {Action::ViewAudit, "audit.view", {Role::Admin, Role::Auditor}},
    {Action::MigrateDatabase, "db.migrate", {Role::Admin}},
    {Action::CheckDatabase, "db.check", {Role::Admin, Role::Auditor}},
    {Action::BackupDatabase, "db.backup", {Role::Admin}},
    {Action::RestoreDatabase, "db.restore", {Role::Admin}},
    {Action::ViewProgram, "program.view",
     {Role::Admin, Role::Marketing, Role::Approver, Role::Service, Role::Finance, Role::Auditor}},
    {Action::ProposeChange, "change.propose", {Role::Marketing, Role::Admin}},
    {Action::DecideChange, "change.decide", {Role::Approver, Role::Finance, Role::Admin}},
    {Action::ManageApprovalRules, "change.rules", {Role::Admin}},
    {Action::ViewMembers, "member.view",
     {Role::Admin, Role::Marketing, Role::Approver, Role::Service, Role::Finance, Role::Auditor}},
    {Action::ManageMembers, "member.manage", {Role::Admin, Role::Marketing, Role::Service}},
    {Action::ViewPersonalData, "member.personal_data", {Role::Admin, Role::Marketing}},
    {Action::MergeMembers, "member.merge", {Role::Admin, Role::Marketing, Role::Service}},
    {Action::RunLifecycle, "member.lifecycle", {Role::Admin, Role::Marketing}},
    {Action::ViewAccounts, "account.view",
     {Role::Admin, Role::Marketing, Role::Service, Role::Finance, Role::Auditor}},
    {Action::PostTransactions, "txn.post", {Role::Admin, Role::Service}},
    {Action::AdjustBalances, "txn.adjust", {Role::Admin, Role::Finance}},
    {Action::ExpireCoins, "coins.expire", {Role::Admin, Role::Marketing, Role::Finance}},
    {Action::ManageCardBatches, "card.batch", {Role::Admin, Role::Marketing, Role::Finance}},
    {Action::BlockCards, "card.block", {Role::Admin, Role::Service, Role::Finance}},
    {Action::RequestTierOverride, "tier.override", {Role::Admin, Role::Marketing, Role::Service}},
    {Action::DecideTierOverride, "tier.override_decide", {Role::Admin, Role::Marketing, Role::Approver}},
    {Action::RecomputeTiers, "tier.recompute", {Role::Admin, Role::Marketing}},
    {Action::RunCampaignJobs, "campaign.jobs", {Role::Admin, Role::Marketing}},
    {Action::SimulateRules, "tier.simulate",
     {Role::Admin, Role::Marketing, Role::Approver, Role::Finance}},
    {Action::ViewComplaints, "complaint.view",
     {Role::Admin, Role::Marketing, Role::Approver, Role::Service, Role::Finance, Role::Auditor}},
    {Action::HandleComplaints, "complaint.handle", {Role::Admin, Role::Service}},
    {Action::DecideCompensation, "complaint.compensation_decide", {Role::Admin, Role::Approver, Role::Finance}},
};

const Grant& grant_for(Action action) {
    for (const Grant& g : kGrants)
        if (g.action == action) return g;
    throw Error("permission table has no entry for an action");
}

}  // namespace

const std::vector<Role>& all_roles() {
    static const std::vector<Role> roles = [] {
        std::vector<Role> r;
        for (const RoleInfo& info : kRoles) r.push_back(info.role);
        return r;
    }();
    return roles;
}

std::string role_code(Role role) {
    for (const RoleInfo& info : kRoles)
        if (info.role == role) return info.code;
    return "unknown";
}

std::string role_label(Role role) {
    for (const RoleInfo& info : kRoles)
        if (info.role == role) return tr(info.label);
    return "?";
}

std::optional<Role> parse_role(std::string_view code) {
    for (const RoleInfo& info : kRoles)
        if (code == info.code) return info.role;
    return std::nullopt;
}

Role require_role(std::string_view code) {
    if (auto role = parse_role(code)) return *role;
    std::string known;
    for (const RoleInfo& info : kRoles) known += std::string(known.empty() ? "" : ", ") + info.code;
    throw ValidationError("role", std::string(code),
                          subst(tr("role: \"{0}\" is not a role (roles: {1})"), {std::string(code), known}));
}

std::string action_code(Action action) { return grant_for(action).code; }

bool role_may(Role role, Action action) {
    const Grant& g = grant_for(action);
    return std::find(g.roles.begin(), g.roles.end(), role) != g.roles.end();
}

}  // namespace md
