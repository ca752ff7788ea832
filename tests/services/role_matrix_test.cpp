// The permission table, end to end: every service entry point called as every role, through
// the services themselves (what the GUI and the CLI both call). A call is refused with
// PermissionError exactly when the table (models/role.cpp) says the role may not, and each
// refusal leaves a "denied" audit line naming the person and the action.
//
// Calls use numbers, ids and files that do not exist, so a role that passes the check stops at
// NotFoundError or ValidationError right after it, and nothing here depends on data. That also
// holds each service to checking permission first: a refusal must not depend on the input.
#include "models/errors.h"
#include "services/program_codec.h"
#include "support/service_fixture.h"

#include <functional>
#include <set>

namespace md::test {
namespace {

struct Entry {
    const char* call;
    Action action;
    std::function<void(Services&, const Actor&)> run;
};

const Date kDay(2026, 11, 22);
const std::string kNoMember = "M99999999";

std::vector<Entry> entries() {
    using S = Services;
    using A = const Actor&;
    return {
        {"users.list", Action::ViewUsers, [](S& s, A a) { s.users.list(a); }},
        {"users.get", Action::ViewUsers, [](S& s, A a) { s.users.get(a, "nobody.here"); }},
        {"users.add", Action::ManageUsers, [](S& s, A a) { s.users.add(a, {"", "", "nonsense", ""}); }},
        {"users.update", Action::ManageUsers, [](S& s, A a) { s.users.update(a, "nobody.here", {}, std::nullopt); }},
        {"users.reset_password", Action::ManageUsers,
         [](S& s, A a) { s.users.reset_password(a, "nobody.here", "new-password-1", std::nullopt); }},
        {"audit.list", Action::ViewAudit, [](S& s, A a) { s.audit.list(a, {}); }},
        {"audit.verify", Action::ViewAudit, [](S& s, A a) { s.audit.verify(a); }},
        {"database.migrate", Action::MigrateDatabase, [](S& s, A a) { s.database_admin.migrate(a); }},
        {"database.check", Action::CheckDatabase, [](S& s, A a) { s.database_admin.check(a); }},
        {"database.ledger_totals", Action::CheckDatabase, [](S& s, A a) { s.database_admin.ledger_totals(a); }},
        {"backups.backup", Action::BackupDatabase,
         [](S& s, A a) { s.backups.backup(a, "/nonexistent-folder/memberdesk.db"); }},
        {"backups.status", Action::BackupDatabase, [](S& s, A a) { s.backups.status(a); }},
        {"backups.set_reminder_days", Action::BackupDatabase, [](S& s, A a) { s.backups.set_reminder_days(a, 0); }},
        {"backups.authorise_restore", Action::RestoreDatabase, [](S& s, A a) { s.backups.authorise_restore(a); }},
        {"program.program_as_of", Action::ViewProgram, [](S& s, A a) { s.program.program_as_of(a, kDay); }},
        {"program.list", Action::ViewProgram, [](S& s, A a) { s.program.list(a, {}); }},
        {"program.show", Action::ViewProgram, [](S& s, A a) { s.program.show(a, 999999); }},
        {"program.terms_ending", Action::ViewProgram, [](S& s, A a) { s.program.terms_ending(a, 30); }},
        {"program.approval_rules", Action::ViewProgram, [](S& s, A a) { s.program.approval_rules(a); }},
        {"campaigns.calendar", Action::ViewProgram, [](S& s, A a) { s.campaigns.calendar(a, kDay, kDay); }},
        {"program.propose", Action::ProposeChange, [](S& s, A a) { s.program.propose(a, Proposal{}); }},
        {"program.submit", Action::ProposeChange, [](S& s, A a) { s.program.submit(a, 999999); }},
        {"program.import_program", Action::ProposeChange,
         [](S& s, A a) { s.program.import_program(a, nlohmann::json::object(), "", kDay); }},
        {"program.decide", Action::DecideChange, [](S& s, A a) { s.program.decide(a, 999999, true, "ok"); }},
        {"program.set_approval_rule", Action::ManageApprovalRules,
         [](S& s, A a) { s.program.set_approval_rule(a, ApprovalRule{ChangeKind::Ladder, Role::Auditor, 1}); }},
        {"members.find", Action::ViewMembers, [](S& s, A a) { s.members.find(a, "13800000000"); }},
        {"members.show", Action::ViewMembers, [](S& s, A a) { s.members.show(a, kNoMember, false); }},
        {"members.count", Action::ViewMembers, [](S& s, A a) { s.members.count(a, {}); }},
        {"members.history", Action::ViewMembers, [](S& s, A a) { s.members.history(a, kNoMember); }},
        {"tiers.explain", Action::ViewMembers, [](S& s, A a) { s.tiers.explain(a, kNoMember, std::nullopt); }},
        {"lifecycle.runs", Action::ViewMembers, [](S& s, A a) { s.lifecycle.runs(a); }},
        {"members.add", Action::ManageMembers, [](S& s, A a) { s.members.add(a, MemberInput{}); }},
        {"members.edit", Action::ManageMembers, [](S& s, A a) { s.members.edit(a, kNoMember, MemberInput{}, 1); }},
        {"imports.import_csv", Action::ManageMembers,
         [](S& s, A a) { s.imports.import_csv(a, "not,a\nmember,file\n", MemberImportOptions{}); }},
        {"members.show_unmasked", Action::ViewPersonalData, [](S& s, A a) { s.members.show(a, kNoMember, true); }},
        {"merges.merge", Action::MergeMembers, [](S& s, A a) { s.merges.merge(a, kNoMember, "M99999998"); }},
        {"lifecycle.preview", Action::RunLifecycle, [](S& s, A a) { s.lifecycle.preview(a, kDay); }},
        {"ledger.account", Action::ViewAccounts, [](S& s, A a) { s.ledger.account(a, kNoMember); }},
        {"ledger.history", Action::ViewAccounts, [](S& s, A a) { s.ledger.history(a, kNoMember, 50); }},
        {"ledger.transaction", Action::ViewAccounts, [](S& s, A a) { s.ledger.transaction(a, 999999); }},
        {"cards.status", Action::ViewAccounts, [](S& s, A a) { s.cards.status(a, "0000000000000000"); }},
        {"ledger.recharge", Action::PostTransactions,
         [](S& s, A a) { s.ledger.recharge(a, {kNoMember, Money::from_fen(1000), "m-1"}); }},
        {"ledger.purchase", Action::PostTransactions, [](S& s, A a) {
             PurchaseRequest p;
             p.member = kNoMember;
             p.list_price = Money::from_fen(1000);
             s.ledger.purchase(a, p);
         }},
        {"ledger.refund", Action::PostTransactions,
         [](S& s, A a) { s.ledger.refund(a, {999999, Money::from_fen(100), "退货", "m-2"}); }},
        {"ledger.redeem", Action::PostTransactions, [](S& s, A a) { s.ledger.redeem(a, {kNoMember, 10, "m-3"}); }},
        {"ledger.activate_card", Action::PostTransactions,
         [](S& s, A a) { s.ledger.activate_card(a, {"0000000000000000", "000000", kNoMember, "m-4"}); }},
        {"ledger.subscribe", Action::PostTransactions,
         [](S& s, A a) { s.ledger.subscribe(a, {kNoMember, "no-package", "m-5"}); }},
        {"ledger.deliver", Action::PostTransactions, [](S& s, A a) { s.ledger.deliver(a, {999999, 1, "m-6"}); }},
        {"ledger.cancel_subscription", Action::PostTransactions,
         [](S& s, A a) { s.ledger.cancel_subscription(a, {999999, "不要了", "m-7"}); }},
        {"cards.sell", Action::PostTransactions, [](S& s, A a) { s.cards.sell(a, "0000000000000000"); }},
        {"ledger.adjust", Action::AdjustBalances, [](S& s, A a) {
             AdjustRequest r;
             r.member = kNoMember;
             r.amount = 100;
             r.reason = "更正";
             s.ledger.adjust(a, r);
         }},
        {"ledger.decide_adjustment", Action::AdjustBalances,
         [](S& s, A a) { s.ledger.decide_adjustment(a, 999999, true, "ok"); }},
        {"openings.import_csv", Action::AdjustBalances,
         [](S& s, A a) { s.openings.import_csv(a, "nothing\n", "openings.csv", true); }},
        {"ledger.expiry_preview", Action::ExpireCoins, [](S& s, A a) { s.ledger.expiry_preview(a, kDay); }},
        {"ledger.expiry_runs", Action::ExpireCoins, [](S& s, A a) { s.ledger.expiry_runs(a); }},
        {"ledger.set_adjust_approval_above", Action::ManageApprovalRules,
         [](S& s, A a) { s.ledger.set_adjust_approval_above(a, Money::from_fen(-1)); }},
        {"cards.create_batch", Action::ManageCardBatches,
         [](S& s, A a) { s.cards.create_batch(a, BatchRequest{}, [](const CardBatch&, const std::vector<IssuedCard>&) {}); }},
        {"cards.batches", Action::ViewAccounts, [](S& s, A a) { s.cards.batches(a); }},
        {"cards.expire_unused", Action::ManageCardBatches, [](S& s, A a) { s.cards.expire_unused(a, true); }},
        {"cards.block", Action::BlockCards, [](S& s, A a) { s.cards.block(a, "0000000000000000", "丢失"); }},
        {"cards.unblock", Action::BlockCards, [](S& s, A a) { s.cards.unblock(a, "0000000000000000", "找回"); }},
        {"tiers.request_override", Action::RequestTierOverride, [](S& s, A a) {
             s.tiers.request_override(a, {kNoMember, "no-ladder", "no-tier", "补偿", kDay, kDay});
         }},
        {"tiers.decide_override", Action::DecideTierOverride,
         [](S& s, A a) { s.tiers.decide_override(a, 999999, true, "ok"); }},
        {"tiers.preview", Action::RecomputeTiers, [](S& s, A a) { s.tiers.preview(a, kDay); }},
        {"tiers.resume", Action::RecomputeTiers, [](S& s, A a) { s.tiers.resume(a, 999999); }},
        {"tiers.runs", Action::ViewMembers, [](S& s, A a) { s.tiers.runs(a); }},
        {"simulator.simulate_change", Action::SimulateRules,
         [](S& s, A a) { s.simulator.simulate_change(a, 999999, 12); }},
        {"birthdays.run", Action::RunCampaignJobs, [](S& s, A a) { s.birthdays.run(a, true); }},
        {"complaints.show", Action::ViewComplaints, [](S& s, A a) { s.complaints.show(a, "C99999999"); }},
        {"complaints.queues", Action::ViewComplaints, [](S& s, A a) { s.complaints.queues(a); }},
        {"complaints.open", Action::HandleComplaints,
         [](S& s, A a) { s.complaints.open(a, OpenComplaintRequest{kNoMember, "", "", "", "", "", std::nullopt}); }},
        {"complaints.note", Action::HandleComplaints,
         [](S& s, A a) { s.complaints.note(a, "C99999999", "来电"); }},
        {"complaints.resolve", Action::HandleComplaints,
         [](S& s, A a) { s.complaints.resolve(a, "C99999999", "已处理", "other"); }},
        {"complaints.compensate", Action::HandleComplaints,
         [](S& s, A a) { s.complaints.compensate(a, "C99999999", CompensationRequest{}); }},
        {"complaints.decide_compensation", Action::DecideCompensation,
         [](S& s, A a) { s.complaints.decide_compensation(a, 999999, true, "ok"); }},
    };
}

class RoleMatrixTest : public ServiceTest {
protected:
    long long denied_lines(const std::string& username) {
        AuditFilter f;
        f.actor = username;
        f.limit = 1000000;
        long long n = 0;
        for (const AuditRecord& r : AuditRepository(services->database()).list(f, std::nullopt, std::nullopt))
            if (r.outcome == AuditOutcome::Denied) ++n;
        return n;
    }
};

TEST_P(RoleMatrixTest, EveryCallIsAllowedOrRefusedExactlyAsThePermissionTableSays) {
    std::map<Role, Actor> actors;
    for (Role r : all_roles()) actors[r] = sign_in_as(r);
    int refusals = 0, passes = 0;
    for (const Entry& e : entries()) {
        for (Role role : all_roles()) {
            const Actor& actor = actors[role];
            const bool allowed = role_may(role, e.action);
            const long long denied_before = denied_lines(actor.username);
            bool refused = false;
            std::string refusal;
            try {
                e.run(*services, actor);
            } catch (const PermissionError& error) {
                refused = true;
                refusal = error.what();
            } catch (const Error&) {
                // Past the permission check: stopped by the made-up number or the empty input.
            }
            SCOPED_TRACE(std::string(e.call) + " as " + role_code(role) + (refusal.empty() ? "" : ": " + refusal));
            EXPECT_EQ(refused, !allowed) << (allowed ? "refused, but the table allows it"
                                                     : "allowed, but the table refuses it");
            if (refused) {
                ++refusals;
                EXPECT_NE(refusal.find(action_code(e.action)), std::string::npos) << "the message names the action";
                EXPECT_EQ(denied_lines(actor.username), denied_before + 1) << "the refusal is audited once";
                AuditFilter f;
                f.actor = actor.username;
                f.action = action_code(e.action);
                f.limit = 1;
                const auto last = AuditRepository(services->database()).list(f, std::nullopt, std::nullopt);
                ASSERT_EQ(last.size(), 1u);
                EXPECT_EQ(last[0].outcome, AuditOutcome::Denied);
            } else {
                ++passes;
            }
        }
    }
    EXPECT_GT(refusals, 100);
    EXPECT_GT(passes, 100);
}

// Maker-checker in the service itself, not only in the faces: an administrator holds both
// rights, and the approval rule names the admin role, yet cannot approve their own change;
// another administrator can. The refusal is audited.
TEST_P(RoleMatrixTest, NobodyApprovesTheirOwnChangeEvenWithBothRights) {
    services->demo.seed_members(sign_in_as(Role::Service));
    services->demo.seed_program(sign_in_as(Role::Marketing), sign_in_as(Role::Approver));
    services->program.set_approval_rule(admin, ApprovalRule{ChangeKind::Ladder, Role::Admin, 1});
    services->users.add(admin, {"second.admin", "", "admin", "password-second"});
    const Actor second = services->auth.sign_in("second.admin", "password-second");

    TierLadder ladder = services->program.program_as_of(admin, services->program.today()).ladders.at(0);
    ladder.tiers.back().threshold = ladder.tiers.back().threshold + Money::from_yuan(100);
    Proposal p;
    p.kind = ChangeKind::Ladder;
    p.item = nlohmann::json::parse(to_json(ladder).dump());
    p.reason = "自己提交";
    p.effective_from = services->program.today();
    const ChangeRequest r = services->program.propose(admin, p);

    const long long denied_before = denied_lines(admin.username);
    try {
        services->program.decide(admin, r.id, true, "自己批准");
        FAIL() << "the maker approved their own change";
    } catch (const PermissionError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot decide it too"), std::string::npos) << e.what();
    }
    EXPECT_EQ(denied_lines(admin.username), denied_before + 1);
    EXPECT_EQ(services->program.show(admin, r.id).request.status, ChangeStatus::Submitted);
    EXPECT_EQ(services->program.decide(second, r.id, true, "复核同意").status, ChangeStatus::Approved);
}

// Every action in the table is exercised above: a new action without a call here fails.
TEST(RoleMatrix, EveryActionOfThePermissionTableHasACall) {
    std::set<std::string> covered;
    for (const Entry& e : entries()) covered.insert(action_code(e.action));
    for (int a = 0; a <= static_cast<int>(Action::DecideCompensation); ++a)
        EXPECT_TRUE(covered.count(action_code(static_cast<Action>(a)))) << action_code(static_cast<Action>(a));
}

INSTANTIATE_TEST_SUITE_P(Backends, RoleMatrixTest, ::testing::Values(Backend::Sqlite, Backend::Postgres), backend_name);

}  // namespace
}  // namespace md::test
