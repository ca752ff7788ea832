// The lifecycle job and member merge, on both backends.
#include "db/lifecycle_repository.h"
#include "db/member_merge_repository.h"
#include "db/member_repository.h"
#include "models/errors.h"
#include "support/service_fixture.h"

#include <algorithm>
#include <set>

using namespace md;

class LifecycleAndMergeTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        desk = sign_in_as(Role::Service);
        marketing = sign_in_as(Role::Marketing);
    }
    // Thresholds go through the approval workflow like every programme item.
    void configure(int dormant, int lapsed) {
        Proposal p;
        p.kind = ChangeKind::Lifecycle;
        p.item = nlohmann::json{{"dormant_after_days", dormant}, {"lapsed_after_days", lapsed}};
        p.reason = "生命周期阈值";
        p.effective_from = services->program.today();
        const ChangeRequest r = services->program.propose(marketing, p);
        services->program.decide(sign_in_as(Role::Approver), r.id, true, "ok");
    }
    std::string add(const std::string& name, const std::string& mobile) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        return services->members.add(desk, in).member.number;
    }
    std::int64_t id_of(const std::string& number) { return MemberRepository(services->database()).by_number(number)->id; }
    void activity(const std::string& number, ActivityKind kind, const char* on) {
        LifecycleRepository(services->database()).record_activity(id_of(number), kind, parse_date(on, "on"));
    }
    LifecycleState state(const std::string& number) {
        return MemberRepository(services->database()).by_number(number)->state;
    }
    Actor desk, marketing;
};

TEST_P(LifecycleAndMergeTest, WithoutConfiguredThresholdsTheJobRefusesToGuess) {
    add("张三", "13800138000");
    EXPECT_THROW(services->lifecycle.preview(marketing, services->program.today()), ValidationError);
}

TEST_P(LifecycleAndMergeTest, PreviewCountsMovesAndRunAppliesThemWithHistoryLogAndAudit) {
    // Registered on 2026-11-22 (the fixture's clock), then time moves on.
    const std::string buyer = add("张三", "13800138000"), saver = add("李四", "13900139000"),
                      idle = add("王五", "18600008000");
    configure(90, 365);
    activity(buyer, ActivityKind::Recharge, "2026-11-22");
    activity(buyer, ActivityKind::Purchase, "2026-11-23");
    activity(saver, ActivityKind::Recharge, "2026-11-22");
    *now = parse_instant("2027-02-21 02:00:00");  // 91 days after registration, 90 after the purchase
    const Date as_of = services->program.today();

    const LifecyclePlan preview = services->lifecycle.preview(marketing, as_of);
    EXPECT_EQ(preview.evaluated, 3);
    EXPECT_EQ(preview.changed(), 3);
    EXPECT_EQ((preview.moves.at({LifecycleState::Registered, LifecycleState::Dormant})), 3);
    EXPECT_EQ(state(buyer), LifecycleState::Registered) << "a preview writes nothing";

    const LifecycleRunResult run = services->lifecycle.run(marketing, as_of);
    EXPECT_EQ(run.plan.changed(), 3);
    EXPECT_EQ(state(buyer), LifecycleState::Dormant);
    const auto history = services->members.history(desk, buyer);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].to, LifecycleState::Dormant);
    EXPECT_NE(history[1].reason.find("lifecycle run " + std::to_string(run.run_id)), std::string::npos);
    const auto runs = services->lifecycle.runs(desk);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].changed, 3);
    EXPECT_EQ(runs[0].rule.dormant_after_days, 90);
    EXPECT_EQ(audit("lifecycle.run").size(), 1u);

    // A second run the same day changes nothing; activity brings a member back.
    EXPECT_EQ(services->lifecycle.run(marketing, as_of).plan.changed(), 0);
    activity(saver, ActivityKind::Purchase, "2027-02-21");
    const LifecycleRunResult back = services->lifecycle.run(marketing, as_of);
    EXPECT_EQ(back.plan.changed(), 1);
    EXPECT_EQ(state(saver), LifecycleState::Activated);
    EXPECT_EQ(state(idle), LifecycleState::Dormant);
}

TEST_P(LifecycleAndMergeTest, RunIsRefusedForTheFutureAndForRolesWithoutThePermission) {
    add("张三", "13800138000");
    configure(90, 365);
    const Date tomorrow = services->program.today() + boost::gregorian::days(1);
    EXPECT_NO_THROW(services->lifecycle.preview(marketing, tomorrow));
    EXPECT_THROW(services->lifecycle.run(marketing, tomorrow), ValidationError);
    EXPECT_THROW(services->lifecycle.run(desk, services->program.today()), PermissionError);
    EXPECT_TRUE(services->lifecycle.runs(desk).empty());
}

TEST_P(LifecycleAndMergeTest, ThresholdChangesAreValidatedBeforeTheyCanBeProposed) {
    Proposal p;
    p.kind = ChangeKind::Lifecycle;
    p.item = nlohmann::json{{"dormant_after_days", 400}, {"lapsed_after_days", 365}};
    p.reason = "bad";
    p.effective_from = services->program.today();
    try {
        services->program.propose(marketing, p);
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "lifecycle.lapsed_after_days");
        EXPECT_EQ(e.value(), "365");
    }
    p.item = nlohmann::json{{"dormant_after_days", "90"}, {"lapsed_after_days", 365}};
    EXPECT_THROW(services->program.propose(marketing, p), ValidationError);
}

TEST_P(LifecycleAndMergeTest, MergeKeepsOneNumberMovesHistoryAndKeepsTheAbsorbedRecord) {
    configure(90, 365);
    MemberInput a;
    a.name = "张三";
    a.mobile = "13800138000";
    a.tags = std::vector<std::string>{"vip"};
    const std::string keep = services->members.add(desk, a).member.number;
    MemberInput b;
    b.name = "张三";
    b.email = "zs@example.com";
    b.birthday = "1980-05-06";
    b.tags = std::vector<std::string>{"football", "vip"};
    b.notes = "web sign-up";
    const std::string dup = services->members.add(desk, b).member.number;
    MemberInput c;
    c.name = "李四";
    c.referrer = dup;
    const std::string referred = services->members.add(desk, c).member.number;
    activity(dup, ActivityKind::Recharge, "2026-11-22");
    activity(dup, ActivityKind::Purchase, "2026-11-22");

    const MergeResult r = services->merges.merge(desk, keep, dup);
    EXPECT_EQ(r.survivor.member.number, keep);
    EXPECT_TRUE(r.survivor.masked);

    MemberRepository repo(services->database());
    EXPECT_FALSE(repo.by_number(dup));
    const Member kept = *repo.by_number(keep);
    EXPECT_EQ(kept.mobile, "+8613800138000");
    EXPECT_EQ(kept.email, "zs@example.com");
    ASSERT_TRUE(kept.birthday);
    EXPECT_EQ(format_date(*kept.birthday), "1980-05-06");
    EXPECT_EQ(kept.tags, (std::vector<std::string>{"vip", "football"}));
    EXPECT_EQ(kept.notes, "web sign-up");
    EXPECT_EQ(kept.state, LifecycleState::Activated) << "the duplicate's purchase counts for the kept member";
    EXPECT_EQ(repo.by_number(referred)->referrer_number, keep);
    // Both registrations, and the merge itself, are in the kept member's history.
    const auto history = services->members.history(desk, keep);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_NE(history[2].reason.find(dup), std::string::npos);
    // The old number leads to the kept one.
    try {
        services->members.show(desk, dup, false);
        FAIL();
    } catch (const NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find(keep), std::string::npos) << e.what();
    }
    EXPECT_EQ(MemberMergeRepository(services->database()).merged_into(dup)->survivor_number, keep);
    const auto audited = audit("member.merge");
    ASSERT_EQ(audited.size(), 1u);
    EXPECT_EQ(audited[0].entity_id, keep);
    EXPECT_EQ(audited[0].after.find("13800138000"), std::string::npos) << "the audit trail keeps personal data masked";
}

TEST_P(LifecycleAndMergeTest, MergeRefusalsChangeNothing) {
    const std::string a = add("张三", "13800138000"), b = add("张三", "13900139000");
    EXPECT_THROW(services->merges.merge(desk, a, a), ValidationError);
    EXPECT_THROW(services->merges.merge(desk, a, "M00000099"), NotFoundError);
    EXPECT_THROW(services->merges.merge(desk, a, b, 7), StaleEditError);
    EXPECT_THROW(services->merges.merge(sign_in_as(Role::Auditor), a, b), PermissionError);
    // A committee seat names its member: it must move through a change request first.
    Proposal p;
    p.kind = ChangeKind::Committee;
    p.item = nlohmann::json{{"member_number", b}, {"role", "member"}, {"term_start", "2026-01-01"}, {"term_end", "2027-12-31"}};
    p.reason = "委员会";
    p.effective_from = services->program.today();
    services->program.decide(sign_in_as(Role::Approver), services->program.propose(marketing, p).id, true, "ok");
    EXPECT_THROW(services->merges.merge(desk, a, b), ConflictError);
    MemberRepository repo(services->database());
    EXPECT_TRUE(repo.by_number(b));
    EXPECT_EQ(repo.by_number(a)->version, 1);
    // Only the auditor's refused attempt is in the trail; no merge happened.
    const auto audited = audit("member.merge");
    ASSERT_EQ(audited.size(), 1u);
    EXPECT_EQ(audited[0].outcome, AuditOutcome::Denied);
}

// Every column that refers to a member must be moved by a merge, or the merge would lose
// (or be refused by) the rows behind it. New tables that refer to members fail this test
// until the merge handles them.
TEST_P(LifecycleAndMergeTest, MergeMovesEveryForeignKeyThatRefersToMembers) {
    Database& db = services->database();
    std::set<std::pair<std::string, std::string>> in_schema;
    std::string table, column;
    soci::statement st =
        db.backend() == Backend::Sqlite
            ? (db.sql().prepare << "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                                   " WHERE m.type = 'table' AND f.\"table\" = 'members'",
               soci::into(table), soci::into(column))
            : (db.sql().prepare << "SELECT kcu.table_name, kcu.column_name FROM information_schema.referential_constraints rc"
                                   " JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name"
                                   "  AND kcu.constraint_schema = rc.constraint_schema"
                                   " JOIN information_schema.constraint_column_usage ccu"
                                   "  ON ccu.constraint_name = rc.unique_constraint_name"
                                   "  AND ccu.constraint_schema = rc.unique_constraint_schema"
                                   " WHERE ccu.table_name = 'members' AND rc.constraint_schema = current_schema()",
               soci::into(table), soci::into(column));
    st.execute(false);
    while (st.fetch()) in_schema.insert({table, column});
    const auto& list = member_references_moved_by_merge();
    const std::set<std::pair<std::string, std::string>> moved(list.begin(), list.end());
    EXPECT_EQ(in_schema, moved);
}

MD_ON_BOTH_BACKENDS(LifecycleAndMergeTest);
