#include "db/change_repository.h"
#include "models/errors.h"
#include "services/demo_data.h"
#include "support/service_fixture.h"

using namespace md;
using boost::gregorian::days;

class ProgramServiceTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        maker = sign_in_as(Role::Marketing);
        checker = sign_in_as(Role::Approver);
        today = services->program.today();
    }
    // The demo programme imported by the maker and approved by the checker, effective today.
    void load_demo_programme() {
        services->demo.seed_members(sign_in_as(Role::Service));
        services->demo.seed_program(maker, checker);
    }
    TierLadder ladder(const std::string& code, const Date& as_of) {
        for (const TierLadder& l : services->program.program_as_of(maker, as_of).ladders)
            if (l.code == code) return l;
        throw std::runtime_error("no ladder " + code);
    }
    ChangeRequest propose_ladder(const TierLadder& l, const Date& effective) {
        Proposal p;
        p.kind = ChangeKind::Ladder;
        p.item = nlohmann::json::parse(to_json(l).dump());
        p.reason = "调整门槛";
        p.effective_from = effective;
        return services->program.propose(maker, p);
    }
    std::size_t change_count() { return ChangeRepository(services->database()).list({}).size(); }

    Actor maker, checker;
    Date today;
};

TEST_P(ProgramServiceTest, TheDemoProgrammeIsTheDomainProgramme) {
    load_demo_programme();
    const Program p = services->program.program_as_of(maker, today);
    ASSERT_EQ(p.ladders.size(), 3u);
    const TierLadder individual = ladder("individual", today);
    ASSERT_EQ(individual.tiers.size(), 3u);
    EXPECT_EQ(individual.tiers[0].name_zh, "黄钻");
    EXPECT_EQ(individual.tiers[0].threshold, Money::from_yuan(1000));
    EXPECT_EQ(individual.tiers[1].discount.to_zhe(), "95折");
    EXPECT_EQ(individual.tiers[2].threshold, Money::from_yuan(3000));
    EXPECT_EQ(ladder("group", today).tiers[0].threshold, Money::from_yuan(5000));
    const TierLadder premium = ladder("premium", today);
    EXPECT_EQ(premium.tiers[2].alternatives[0].all_of.size(), 2u);  // 32,000 single + 60,000 within 12 months
    ASSERT_TRUE(p.points);
    EXPECT_EQ(p.points->spend_per_coin, Money::from_yuan(20));
    ASSERT_EQ(p.denominations.size(), 5u);
    EXPECT_EQ(p.denominations.back().face_value, Money::from_yuan(2000));
    bool has_premium_bonus = false;
    for (const auto& b : p.bonuses)
        has_premium_bonus |= b.pay == Money::from_yuan(12000) && b.receive == Money::from_yuan(15000);
    EXPECT_TRUE(has_premium_bonus);
    int special = 0;
    for (const auto& k : p.packages) special += k.kind == PackageKind::SpecialNeed;
    EXPECT_EQ(special, 17);
    ASSERT_EQ(p.committee.size(), 4u);
    EXPECT_EQ(p.committee[0].role, CommitteeRole::Chair);
    // Before today nothing was in force.
    EXPECT_TRUE(services->program.program_as_of(maker, today - days(1)).ladders.empty());
}

TEST_P(ProgramServiceTest, AThresholdChangeIsInForceFromItsDateAndNotBefore) {
    load_demo_programme();
    TierLadder l = ladder("individual", today);
    l.tiers[1].threshold = Money::from_yuan(2500);
    const Date effective = today + days(9);
    const ChangeRequest r = propose_ladder(l, effective);
    EXPECT_EQ(r.status, ChangeStatus::Submitted);
    EXPECT_THROW(services->program.decide(maker, r.id, true, "mine"), PermissionError);
    const ChangeView view = services->program.show(checker, r.id);
    ASSERT_EQ(view.diff.size(), 1u);
    EXPECT_EQ(view.diff[0].path, "tiers[2].threshold");
    EXPECT_EQ(view.diff[0].before, "2000.00");
    EXPECT_EQ(view.diff[0].after, "2500.00");
    services->program.decide(checker, r.id, true, "同意");
    EXPECT_EQ(services->program.show(checker, r.id).diff.size(), 1u);  // still what it changed, once approved
    EXPECT_EQ(ladder("individual", effective - days(1)).tiers[1].threshold, Money::from_yuan(2000));
    EXPECT_EQ(ladder("individual", effective).tiers[1].threshold, Money::from_yuan(2500));
    EXPECT_EQ(audit("change.approve").size(), 1u + 39u);  // the demo programme has 39 items
    EXPECT_THROW(services->program.decide(checker, r.id, true, "again"), ConflictError);
}

TEST_P(ProgramServiceTest, TheSubmitterCannotApproveEvenWithTheApprovingRole) {
    services->program.set_approval_rule(admin, {ChangeKind::Package, Role::Admin, 1});
    Proposal p;
    p.kind = ChangeKind::Package;
    p.item = nlohmann::json::parse(R"({"code":"family","name_zh":"全家","kind":"special_need","group":"family",
        "price":"100.00","value_owed":"100.00","deliveries":4})");
    p.reason = "新套餐";
    p.effective_from = today;
    const ChangeRequest r = services->program.propose(admin, p);
    EXPECT_THROW(services->program.decide(admin, r.id, true, "mine"), PermissionError);
    const auto refusals = audit("change.approve");
    ASSERT_EQ(refusals.size(), 1u);
    EXPECT_EQ(refusals[0].outcome, AuditOutcome::Denied);
    EXPECT_TRUE(services->program.program_as_of(admin, today).packages.empty());
}

TEST_P(ProgramServiceTest, MoneyChangesCanNeedTwoDistinctApprovers) {
    services->users.add(admin, {"approver.two", "", "approver", "password-two"});
    const Actor second = services->auth.sign_in("approver.two", "password-two");
    services->program.set_approval_rule(admin, {ChangeKind::Denomination, Role::Approver, 2});
    Proposal p;
    p.kind = ChangeKind::Denomination;
    p.item = nlohmann::json::parse(R"({"face_value":"5000.00","on_sale":true})");
    p.reason = "新面额";
    p.effective_from = today;
    const ChangeRequest r = services->program.propose(maker, p);
    EXPECT_EQ(services->program.decide(checker, r.id, true, "一审").status, ChangeStatus::Submitted);
    EXPECT_TRUE(services->program.program_as_of(maker, today).denominations.empty());
    EXPECT_THROW(services->program.decide(checker, r.id, true, "again"), ConflictError);
    EXPECT_EQ(services->program.decide(second, r.id, true, "二审").status, ChangeStatus::Approved);
    EXPECT_EQ(services->program.program_as_of(maker, today).denominations.size(), 1u);
}

TEST_P(ProgramServiceTest, RejectionNeedsACommentAndChangesNothing) {
    load_demo_programme();
    TierLadder l = ladder("individual", today);
    l.tiers[0].discount = Discount::paying_basis_points(9000);
    const ChangeRequest r = propose_ladder(l, today);
    EXPECT_THROW(services->program.decide(checker, r.id, false, "  "), ValidationError);
    EXPECT_EQ(services->program.decide(checker, r.id, false, "折扣太大").status, ChangeStatus::Rejected);
    EXPECT_EQ(ladder("individual", today).tiers[0].discount.to_zhe(), "98折");
}

TEST_P(ProgramServiceTest, ARequestWrittenAgainstAnOlderVersionIsRefused) {
    load_demo_programme();
    TierLadder a = ladder("individual", today), b = a;
    a.tiers[0].threshold = Money::from_yuan(1200);
    b.tiers[0].threshold = Money::from_yuan(1500);
    const ChangeRequest first = propose_ladder(a, today), second = propose_ladder(b, today);
    services->program.decide(checker, first.id, true, "ok");
    EXPECT_THROW(services->program.decide(checker, second.id, true, "ok"), ConflictError);
    EXPECT_EQ(ladder("individual", today).tiers[0].threshold, Money::from_yuan(1200));
}

TEST_P(ProgramServiceTest, AnEarlierVersionCanBeProposedAgain) {
    load_demo_programme();
    TierLadder l = ladder("individual", today);
    l.tiers[0].threshold = Money::from_yuan(1200);
    services->program.decide(checker, propose_ladder(l, today).id, true, "ok");
    const ChangeRequest back =
        services->program.propose_version(maker, ChangeKind::Ladder, "individual", 1, "回滚", today);
    services->program.decide(checker, back.id, true, "ok");
    EXPECT_EQ(ladder("individual", today).tiers[0].threshold, Money::from_yuan(1000));
    EXPECT_EQ(services->program.history(maker, ChangeKind::Ladder, "individual").size(), 3u);
}

TEST_P(ProgramServiceTest, BadFilesAreRefusedWholeNamingTheField) {
    auto doc = nlohmann::json::parse(demo_program_json());
    doc["ladders"][0]["tiers"][2]["threshold"] = "1500.00";  // below the tier before it
    try {
        services->program.import_program(maker, doc, "bad", today);
        FAIL() << "descending thresholds accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "ladder individual.tiers[3].threshold");
        EXPECT_EQ(e.value(), "1500.00");
    }
    doc = nlohmann::json::parse(demo_program_json());
    doc["packages"][3]["deliveries"] = 0;
    EXPECT_THROW(services->program.import_program(maker, doc, "bad", today), ValidationError);
    doc = nlohmann::json::parse(demo_program_json());
    doc["points"]["spend_per_coin"] = 20;  // an integer is read as yuan: allowed
    doc["points"]["bonus_rate"] = "2";     // unknown field: refused
    EXPECT_THROW(services->program.import_program(maker, doc, "bad", today), ValidationError);
    EXPECT_EQ(change_count(), 0u);
    EXPECT_THROW(services->program.import_program(maker, nlohmann::json::parse(demo_program_json()), "past",
                                                  today - days(1)),
                 ValidationError);
    EXPECT_EQ(change_count(), 0u);
}

TEST_P(ProgramServiceTest, OnlyMakersProposeAndOnlyCheckersDecide) {
    Proposal p;
    p.kind = ChangeKind::Denomination;
    p.item = nlohmann::json::parse(R"({"face_value":"100.00"})");
    p.reason = "x";
    p.effective_from = today;
    EXPECT_THROW(services->program.propose(sign_in_as(Role::Service), p), PermissionError);
    EXPECT_THROW(services->program.propose(checker, p), PermissionError);
    const ChangeRequest r = services->program.propose(maker, p);
    EXPECT_THROW(services->program.decide(sign_in_as(Role::Auditor), r.id, true, "x"), PermissionError);
    EXPECT_EQ(services->program.waiting_for(checker).size(), 1u);
    EXPECT_TRUE(services->program.waiting_for(maker).empty());
}

MD_ON_BOTH_BACKENDS(ProgramServiceTest);
