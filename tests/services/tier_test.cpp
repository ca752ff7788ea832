// The tier engine through the services on both backends: a posting moves the tier at once and
// the new discount applies from the next purchase; packages count for premium only; "why this
// tier"; overrides under approval and expiring; a recompute that previews, pauses, resumes and
// agrees with the incremental result; bad input refused with nothing written.
#include "models/errors.h"
#include "services/demo_data.h"
#include "services/program_codec.h"
#include "support/service_fixture.h"

using namespace md;

class TierTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        desk = sign_in_as(Role::Service);
        marketing = sign_in_as(Role::Marketing);
        approver = sign_in_as(Role::Approver);
        // The demo programme's ladders and points rule, approved as marketing would.
        for (const ProgramItem& item : program_items_from_json(nlohmann::json::parse(demo_program_json())))
            if (item.kind == ChangeKind::Ladder || item.kind == ChangeKind::Points) approve(item.kind, item.json);
    }
    void approve(ChangeKind kind, const std::string& json) {
        Proposal p;
        p.kind = kind;
        p.item = nlohmann::json::parse(json);
        p.reason = "demo";
        p.effective_from = services->program.today();
        services->program.decide(approver, services->program.propose(marketing, p).id, true, "ok");
    }
    std::string add(const std::string& name, const std::string& mobile, const char* type = "individual") {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        in.type = type;
        if (std::string(type) == "group") in.company = "绿色餐饮有限公司";
        return services->members.add(desk, in).member.number;
    }
    TxnResult purchase(const std::string& member, const char* price, const char* kind = "goods") {
        PurchaseRequest r;
        r.member = member;
        r.list_price = Money::parse(price, "amount");
        r.stored_value = Money();  // paid at the till: no stored value needed
        r.kind = kind;
        return services->ledger.purchase(desk, r);
    }
    std::map<std::string, std::string> tiers_of(const std::string& member) {
        std::map<std::string, std::string> out;
        for (const LadderStanding& l : services->tiers.explain(desk, member, std::nullopt).ladders)
            out[l.ladder.code] = l.standing.tier_code(l.ladder);
        return out;
    }
    // What member_tiers holds, member by member, to compare the incremental result with a run's.
    std::string held_snapshot() {
        std::string out;
        std::string ladder, tier;
        long long member = 0;
        soci::statement st = (services->database().sql().prepare
                                  << "SELECT member_id, ladder, tier FROM member_tiers ORDER BY member_id, ladder",
                              soci::into(member), soci::into(ladder), soci::into(tier));
        st.execute(false);
        while (st.fetch()) out += std::to_string(member) + ":" + ladder + "=" + tier + " ";
        return out;
    }
    long long rows(const char* table) {
        long long n = 0;
        services->database().sql() << std::string("SELECT COUNT(*) FROM ") + table, soci::into(n);
        return n;
    }
    void advance_days(int days) { *now += boost::posix_time::hours(24 * days); }

    Actor desk, marketing, approver;
};

TEST_P(TierTest, APurchaseMovesTheTierAtOnceAndTheNewDiscountAppliesFromTheNextPurchase) {
    const std::string m = add("李四", "13800138001");
    purchase(m, "999.99");
    EXPECT_EQ(tiers_of(m)["individual"], "");
    // 0.01 more reaches 1,000 exactly: the purchase counts toward its own tier, at the old price.
    const TxnResult crossing = purchase(m, "0.01");
    EXPECT_EQ(nlohmann::json::parse(crossing.detail)["discount_bp"], 10000);
    EXPECT_EQ(tiers_of(m)["individual"], "yellow_diamond");
    const auto moves = services->tiers.history(desk, m);
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_EQ(moves[0].ladder, "individual");
    EXPECT_EQ(moves[0].from_tier, "");
    EXPECT_EQ(moves[0].to_tier, "yellow_diamond");
    EXPECT_EQ(moves[0].source, "T" + std::to_string(crossing.txn));

    // The next purchase pays 98折: 100.00 → 98.00, and 98.00 counts as spend.
    const TxnResult next = purchase(m, "100");
    const auto detail = nlohmann::json::parse(next.detail);
    EXPECT_EQ(detail["discount_bp"], 9800);
    EXPECT_EQ(detail["net"], "98.00");

    const TierExplanation why = services->tiers.explain(desk, m, std::nullopt);
    for (const LadderStanding& l : why.ladders) {
        if (l.ladder.code != "individual") continue;
        EXPECT_EQ(l.standing.measure, Money::parse("1098.00", "x"));
        EXPECT_EQ(l.standing.rule, "threshold");
        EXPECT_EQ(l.ladder.tiers[static_cast<std::size_t>(l.standing.next)].code, "red_diamond");
        EXPECT_EQ(l.standing.to_next, Money::parse("902.00", "x"));
    }
}

TEST_P(TierTest, RechargesRankTheGroupAndPremiumLaddersAndPackagesCountForPremiumOnly) {
    const std::string g = add("王五", "13800138002", "group");
    services->ledger.recharge(desk, {g, Money::from_yuan(5000), ""});
    EXPECT_EQ(tiers_of(g)["group"], "bronze");
    EXPECT_EQ(tiers_of(g)["premium"], "");
    EXPECT_EQ(tiers_of(g).count("individual"), 0u);  // the individual ladder ranks individual members only
    services->ledger.recharge(desk, {g, Money::from_yuan(12000), ""});
    EXPECT_EQ(tiers_of(g)["group"], "silver");
    EXPECT_EQ(tiers_of(g)["premium"], "private_connoisseur");
    // An individual member's recharges do not rank them on the group ladder.
    const std::string i = add("孙八", "13800138005");
    services->ledger.recharge(desk, {i, Money::from_yuan(12000), ""});
    EXPECT_EQ(tiers_of(i).count("group"), 0u);
    EXPECT_EQ(tiers_of(i)["premium"], "private_connoisseur");

    const std::string p = add("赵六", "13800138003");
    purchase(p, "12000", "meal_package");
    EXPECT_EQ(tiers_of(p)["premium"], "private_connoisseur");
    EXPECT_EQ(tiers_of(p)["individual"], "");
}

TEST_P(TierTest, OverridesNeedAReasonAValidSpanAnotherPersonsApprovalAndExpire) {
    const std::string m = add("钱七", "13800138004");
    purchase(m, "1000");
    const Date today = services->program.today();
    OverrideRequest o{m, "individual", "black_diamond", "投诉补偿", today, today + boost::gregorian::days(9)};

    const long long before = rows("tier_overrides");
    OverrideRequest no_reason = o;
    no_reason.reason = "  ";
    EXPECT_THROW(services->tiers.request_override(desk, no_reason), ValidationError);
    OverrideRequest backwards = o;
    backwards.expires = today - boost::gregorian::days(1);
    try {
        services->tiers.request_override(desk, backwards);
        ADD_FAILURE() << "an override ending before it starts was accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "expires");
        EXPECT_NE(std::string(e.what()).find(format_date(backwards.expires)), std::string::npos) << e.what();
    }
    OverrideRequest no_ladder = o;
    no_ladder.ladder = "platinum_club";
    EXPECT_THROW(services->tiers.request_override(desk, no_ladder), NotFoundError);
    OverrideRequest no_tier = o;
    no_tier.tier = "emerald";
    EXPECT_THROW(services->tiers.request_override(desk, no_tier), ValidationError);
    EXPECT_EQ(rows("tier_overrides"), before);

    // Approval is on by default: pending, and the requester may not approve it.
    const StoredOverride pending = services->tiers.request_override(desk, o);
    EXPECT_EQ(pending.state, "pending");
    EXPECT_EQ(tiers_of(m)["individual"], "yellow_diamond");
    EXPECT_THROW(services->tiers.decide_override(sign_in_as(Role::Finance), pending.override.id, true, ""), PermissionError);
    EXPECT_THROW(services->tiers.decide_override(desk, pending.override.id, true, ""), PermissionError);
    services->tiers.decide_override(approver, pending.override.id, true, "同意");
    EXPECT_THROW(services->tiers.decide_override(approver, pending.override.id, true, ""), ConflictError);
    EXPECT_EQ(tiers_of(m)["individual"], "black_diamond");
    const auto moves = services->tiers.history(desk, m);
    EXPECT_EQ(moves.front().to_tier, "black_diamond");
    EXPECT_EQ(moves.front().source, "O" + std::to_string(pending.override.id));
    EXPECT_FALSE(audit("tier.override_approve").empty());

    // Day 10 is past its last day: the explanation and a recompute bring the earned tier back.
    advance_days(10);
    EXPECT_EQ(tiers_of(m)["individual"], "yellow_diamond");
    const TierRun run = services->tiers.recompute(marketing, services->program.today(), "override expiry");
    EXPECT_EQ(run.down, 1);
    EXPECT_EQ(services->tiers.history(desk, m).front().to_tier, "yellow_diamond");
}

TEST_P(TierTest, RecomputePreviewsPausesResumesAndAgreesWithTheIncrementalResult) {
    std::vector<std::string> members;
    const char* spends[] = {"500", "1000", "2500", "3000", "0", "1999.99", "12000"};
    int i = 0;
    for (const char* spend : spends) {
        const std::string m = add("会员" + std::to_string(i), "1390000000" + std::to_string(i));
        ++i;
        if (std::string(spend) != "0") purchase(m, spend);
        members.push_back(m);
    }
    const std::string incremental = held_snapshot();
    ASSERT_FALSE(incremental.empty());

    // A run now changes nothing: the postings already left every member where a run puts them.
    services->tiers.set_batch_size(3);
    const RecomputePreview same = services->tiers.preview(marketing, services->program.today());
    long long moving = 0;
    for (const RecomputeRow& r : same.rows) moving += r.up + r.down;
    EXPECT_EQ(moving, 0);
    EXPECT_EQ(same.members, 7);

    // A stricter ladder: Yellow from 2,000, Red from 3,000, Black from 5,000. The preview counts, changes nothing; the run pauses
    // after its first batch of three and resumes to the same end.
    TierLadder stricter = ladder_from_json(nlohmann::json::parse(R"({"code":"individual","name_zh":"个人会员等级",
        "name_en":"Individual ladder","measure":"cumulative_spend","measure_months":0,"window":"lifetime",
        "window_months":0,"downgrade":"at_window_end","grace_days":0,"packages_count":false,"tiers":[
        {"code":"yellow_diamond","name_zh":"黄钻","name_en":"Yellow Diamond","threshold":"2000.00","discount":"98折","benefits":[],"alternatives":[]},
        {"code":"red_diamond","name_zh":"红钻","name_en":"Red Diamond","threshold":"3000.00","discount":"95折","benefits":[],"alternatives":[]},
        {"code":"black_diamond","name_zh":"黑钻","name_en":"Black Diamond","threshold":"5000.00","discount":"93折","benefits":[],"alternatives":[]}]})"),
                                           "draft");
    approve(ChangeKind::Ladder, to_json(stricter).dump());
    const RecomputePreview p = services->tiers.preview(marketing, services->program.today());
    std::map<std::string, RecomputeRow> individual;
    for (const RecomputeRow& r : p.rows)
        if (r.ladder == "individual") individual[r.tier] = r;
    // yellow (1000, 1999.99) → none: 2 down; red (2500) → yellow: down; black (3000) → red: down;
    // black (12000) stays.
    EXPECT_EQ(individual["yellow_diamond"].down, 2);
    EXPECT_EQ(individual["red_diamond"].down, 1);
    EXPECT_EQ(individual["black_diamond"].down, 1);
    EXPECT_EQ(individual["black_diamond"].same, 1);
    EXPECT_EQ(individual[""].same, 2);
    EXPECT_EQ(held_snapshot(), incremental);  // a preview writes nothing

    int batches = 0;
    const TierRun paused = services->tiers.recompute(marketing, services->program.today(), "ladder v2",
                                                     [&](const TierRun&) { return ++batches < 1; });
    EXPECT_EQ(paused.state, "running");
    EXPECT_EQ(paused.members, 3);
    EXPECT_THROW(services->tiers.resume(desk, paused.id), PermissionError);
    const TierRun done = services->tiers.resume(marketing, paused.id);
    EXPECT_EQ(done.state, "finished");
    EXPECT_EQ(done.members, 7);
    EXPECT_EQ(done.down, 4);
    EXPECT_EQ(services->tiers.run_changes(marketing, done.id).size(), 4u);
    EXPECT_THROW(services->tiers.resume(marketing, done.id), ConflictError);
    EXPECT_EQ(tiers_of(members[2])["individual"], "yellow_diamond");
    for (const TierMove& move : services->tiers.history(desk, members[3]))
        if (move.source == "R" + std::to_string(done.id)) EXPECT_EQ(move.audit_id, done.audit_id);

    // After the run, posting again and running again agree.
    purchase(members[0], "1500");
    const std::string after_posting = held_snapshot();
    const TierRun again = services->tiers.recompute(marketing, services->program.today(), "check");
    EXPECT_EQ(again.up + again.down, 0);
    EXPECT_EQ(held_snapshot(), after_posting);
}

TEST_P(TierTest, ACommitteeSeatWarnsWhileItsMemberDoesNotHoldLifetimeHonorary) {
    const std::string m = add("吴九", "13800138006");
    approve(ChangeKind::Committee, R"({"member_number": ")" + m +
                                       R"(", "role": "chair", "term_start": "2026-01-01", "term_end": "2027-12-31"})");
    auto warnings = services->program.committee_warnings(desk);
    ASSERT_EQ(warnings.count(m), 1u);
    EXPECT_NE(warnings[m].find("Lifetime Honorary"), std::string::npos) << warnings[m];
    // Philanthropist is not enough; a single recharge of 50,000 reaches Lifetime Honorary.
    services->ledger.recharge(desk, {m, Money::from_yuan(32000), ""});
    EXPECT_EQ(services->program.committee_warnings(desk).count(m), 1u);
    services->ledger.recharge(desk, {m, Money::from_yuan(50000), ""});
    EXPECT_TRUE(services->program.committee_warnings(desk).empty());
}

TEST_P(TierTest, ExplainRefusesAnUnknownMemberAndRecomputeRefusesTheFuture) {
    EXPECT_THROW(services->tiers.explain(desk, "M99999999", std::nullopt), NotFoundError);
    EXPECT_THROW(services->tiers.recompute(marketing, services->program.today() + boost::gregorian::days(1), ""),
                 ValidationError);
    EXPECT_THROW(services->tiers.recompute(desk, services->program.today(), ""), PermissionError);
}

INSTANTIATE_TEST_SUITE_P(Backends, TierTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto& info) { return info.param == Backend::Sqlite ? "sqlite" : "postgresql"; });
