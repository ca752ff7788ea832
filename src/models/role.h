#pragma once
// Roles and the one permission table. Every service call asks role_may() before it acts.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace md {

enum class Role { Admin, Marketing, Approver, Service, Finance, Auditor };

const std::vector<Role>& all_roles();
std::string role_code(Role role);              // stable code stored in the database: "admin"
std::optional<Role> parse_role(std::string_view code);
Role require_role(std::string_view code);      // throws ValidationError naming the value
std::string role_label(Role role);             // translated name for people

// What a user may do. Later capabilities add their actions here, next to the table.
enum class Action {
    ViewUsers,
    ManageUsers,
    ViewAudit,
    MigrateDatabase,
    CheckDatabase,
    BackupDatabase,        // writes a backup file of the whole database; sets the backup reminder
    RestoreDatabase,       // replaces the whole database with a backup's contents
    ViewProgram,
    ProposeChange,
    DecideChange,          // narrowed further by the approval rule of the change's kind
    ManageApprovalRules,
    ViewMembers,
    ManageMembers,
    ViewPersonalData,      // full mobile numbers and e-mails; every use is audited
    MergeMembers,          // folds a duplicate record into another
    RunLifecycle,          // re-evaluates every member's lifecycle state
    ViewAccounts,          // stored-value and coin balances and their history
    PostTransactions,      // recharge, purchase, refund, redeem
    AdjustBalances,        // manual corrections up or down, with a reason
    ExpireCoins,           // runs the coin expiry job
    ManageCardBatches,     // creates prepaid card batches (and so their PINs), closes cards, expires unused ones
    BlockCards,            // blocks and unblocks a card (lost, stolen, PIN locked)
    RequestTierOverride,   // sets a member's tier by hand, with a reason and an expiry
    DecideTierOverride,    // approves or rejects someone else's override (when approval is on)
    RecomputeTiers,        // re-evaluates every member's tiers (preview, run, resume)
    SimulateRules,         // what-if: replays real transactions under a draft programme
    RunCampaignJobs,       // gives campaign benefits that a job issues (birthday coins)
    ViewComplaints,        // complaint tickets, their timelines and compensation
    HandleComplaints,      // opens, assigns, works and closes tickets; grants compensation within the caps
    DecideCompensation,    // approves or rejects someone else's compensation above the caps
};

std::string action_code(Action action);        // "user.manage"
bool role_may(Role role, Action action);

}  // namespace md
