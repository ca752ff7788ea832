// Campaigns on both backends: launched through the approval workflow like any programme item,
// their coin multipliers apply to targeted members inside their dates (and each occurrence of a
// recurring one) and nowhere else, several multipliers follow the stacking rule, the extra coins
// are ledger lines naming the campaign, and bad campaigns are refused naming the field.
#include "models/errors.h"
#include "services/program_codec.h"
#include "support/service_fixture.h"

#include <tuple>

using namespace md;

class CampaignTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        desk = sign_in_as(Role::Service);
        marketing = sign_in_as(Role::Marketing);
        approve(ChangeKind::Points, nlohmann::json::parse(to_json(PointsRule{}).dump()));  // 1 coin per 20 yuan
    }
    // A campaign as marketing writes it: ×multiplier from `starts` to `ends` (business time).
    static nlohmann::json campaign(const std::string& code, const char* multiplier, const char* starts, const char* ends) {
        return {{"code", code},
                {"name_zh", "双倍兑换币"},
                {"name_en", "Double coins"},
                {"type", "double_points"},
                {"starts_at", starts},
                {"ends_at", ends},
                {"budget", {{"activity", "5000.00"}, {"technology", "800.00"}, {"partner", "0"}}},
                {"kpis", {{"new_members", 200}, {"participation_pct", 30}}},
                {"owner", "marketing.user"},
                {"coin_multiplier", multiplier}};
    }
    std::string member(const std::string& name, const std::string& mobile, std::vector<std::string> tags = {}) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        in.tags = std::move(tags);
        const std::string number = services->members.add(desk, in).member.number;
        services->ledger.recharge(desk, {number, Money::from_yuan(5000), ""});  // joins the coin scheme
        return number;
    }
    // The coins lines of one purchase of 400 yuan (20 base coins): campaign code → coins.
    std::map<std::string, std::int64_t> buy_400(const std::string& number) {
        PurchaseRequest r;
        r.member = number;
        r.list_price = Money::from_yuan(400);
        std::map<std::string, std::int64_t> coins;
        for (const LedgerEntry& e : services->ledger.purchase(desk, r).entries)
            if (e.bucket == Bucket::Coins) coins[e.campaign] += e.amount;
        return coins;
    }
    using Coins = std::map<std::string, std::int64_t>;
    Actor desk, marketing;
};

TEST_P(CampaignTest, DoubleCoinsForTargetedMembersInsideTheDatesAndOnlyThere) {
    auto item = campaign("mothers_double", "2", "2026-11-22 10:00", "2026-11-22 22:00");
    item["target"] = {{"tags", {"妈妈俱乐部"}}};
    approve(ChangeKind::Campaign, item);
    const std::string mother = member("王芳", "13800138000", {"妈妈俱乐部"});
    const std::string other = member("李雷", "13900139000");

    // 10:00 business time (02:00 UTC): the campaign has just started; the start is inclusive.
    EXPECT_EQ(buy_400(mother), (Coins{{"", 20}, {"mothers_double", 20}}));
    EXPECT_EQ(buy_400(other), (Coins{{"", 20}})) << "not aimed at members without the tag";
    *now = parse_instant("2026-11-22 13:59:59");  // 21:59:59 business time: still running
    EXPECT_EQ(buy_400(mother), (Coins{{"", 20}, {"mothers_double", 20}}));
    *now = parse_instant("2026-11-22 14:00:00");  // 22:00: over (the end is exclusive)
    EXPECT_EQ(buy_400(mother), (Coins{{"", 20}}));
    *now = parse_instant("2026-11-22 01:59:59");  // 09:59:59, before it started
    EXPECT_EQ(buy_400(mother), (Coins{{"", 20}}));

    EXPECT_EQ(services->ledger.account(desk, mother).coins, 20 * 4 + 20 * 2);
    EXPECT_EQ(services->database_admin.check(admin), "ok") << "every coins line has its lot";
    std::int64_t named = 0;
    for (const LedgerEntry& e : services->ledger.history(desk, mother, 100))
        if (e.campaign == "mothers_double") named += e.amount;
    EXPECT_EQ(named, 40);
}

TEST_P(CampaignTest, AMonthlyMemberDayRunsOnEachOccurrenceAndMultipliersStack) {
    auto member_day = campaign("member_day", "1.5", "2026-11-08 10:00", "2026-11-08 22:00");
    member_day["type"] = "member_day";
    member_day["recurrence"] = {{"kind", "monthly_day"}, {"day_of_month", 8}, {"count", 3}};
    approve(ChangeKind::Campaign, member_day);
    const std::string m = member("张三", "13800138000", {"VIP"});

    *now = parse_instant("2026-12-08 03:00:00");  // 11:00 on the second member day
    EXPECT_EQ(buy_400(m), (Coins{{"", 20}, {"member_day", 10}}));  // floor(20 × 1.5) − 20
    *now = parse_instant("2026-12-09 03:00:00");
    EXPECT_EQ(buy_400(m), (Coins{{"", 20}}));
    *now = parse_instant("2027-02-08 03:00:00");  // a fourth 8th: past the count of 3
    EXPECT_EQ(buy_400(m), (Coins{{"", 20}}));

    // On 8 January both the member day (×1.5) and a ×2 for VIPs run.
    *now = parse_instant("2027-01-08 03:00:00");
    auto vip = campaign("vip_double", "2", "2027-01-01 00:00", "2027-01-31 23:59");
    vip["target"] = {{"tags", {"VIP"}}};
    approve(ChangeKind::Campaign, vip);
    EXPECT_EQ(buy_400(m), (Coins{{"", 20}, {"vip_double", 20}})) << "highest: ×2 alone";
    PointsRule multiply;
    multiply.stacking = MultiplierStacking::Multiply;
    approve(ChangeKind::Points, nlohmann::json::parse(to_json(multiply).dump()));
    const Coins stacked = buy_400(m);  // ×1.5 × ×2 = ×3: 40 extra in all
    EXPECT_EQ(stacked.at("") , 20);
    EXPECT_EQ(stacked.at("member_day") + stacked.at("vip_double"), 40) << "each campaign's share adds up exactly";
    EXPECT_EQ(services->database_admin.check(admin), "ok");
}

TEST_P(CampaignTest, BadCampaignsAreRefusedNamingTheFieldAndNothingIsProposed) {
    struct Bad {
        const char* name;
        std::function<void(nlohmann::json&)> spoil;
        const char* field;
    };
    const std::vector<Bad> table = {
        {"end before start", [](nlohmann::json& c) { c["ends_at"] = "2026-11-21 10:00"; }, "ends_at"},
        {"multiplier 0", [](nlohmann::json& c) { c["coin_multiplier"] = "0"; }, "coin_multiplier"},
        {"above the points rule's ×5", [](nlohmann::json& c) { c["coin_multiplier"] = "6"; }, "coin_multiplier"},
        {"budget below zero", [](nlohmann::json& c) { c["budget"]["activity"] = "-1"; }, "budget.activity"},
        {"30 February every year",
         [](nlohmann::json& c) { c["recurrence"] = {{"kind", "yearly"}, {"month", 2}, {"day_of_month", 30}}; },
         "recurrence.day_of_month"},
        {"a tier that does not exist",
         [](nlohmann::json& c) { c["target"] = {{"tiers", {"individual:purple_diamond"}}}; }, "target.tiers"},
        {"an unknown type", [](nlohmann::json& c) { c["type"] = "lottery_party"; }, "campaign.type"},
        {"a time without minutes", [](nlohmann::json& c) { c["starts_at"] = "2026-11-22"; }, "campaign.starts_at"},
    };
    for (const Bad& bad : table) {
        SCOPED_TRACE(bad.name);
        auto item = campaign("bad", "2", "2026-11-22 10:00", "2026-11-22 22:00");
        bad.spoil(item);
        Proposal p;
        p.kind = ChangeKind::Campaign;
        p.item = item;
        p.reason = "试试";
        p.effective_from = services->program.today();
        try {
            services->program.propose(marketing, p);
            ADD_FAILURE() << "accepted";
        } catch (const ValidationError& e) {
            EXPECT_EQ(e.field(), bad.field) << e.what();
        }
    }
    EXPECT_TRUE(services->program.list(marketing, {}).size() == 1u) << "only the points rule was ever proposed";
}

TEST_P(CampaignTest, AReferralGivesCoinsToBothSidesOnTheReferredMembersFirstPurchaseOnly) {
    auto referral = campaign("bring_a_friend", "1", "2026-11-01 00:00", "2026-12-31 23:59");
    referral["type"] = "referral";
    referral["referral_coins"] = 50;
    approve(ChangeKind::Campaign, referral);
    const std::string friend_ = member("老会员", "13700137000");
    auto referred = [&](const std::string& name, const std::string& mobile) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        in.referrer = friend_;
        const std::string number = services->members.add(desk, in).member.number;
        services->ledger.recharge(desk, {number, Money::from_yuan(5000), ""});
        return number;
    };
    const std::string newcomer = referred("新会员", "13600136000");
    const std::int64_t friend_before = services->ledger.account(desk, friend_).coins;

    EXPECT_EQ(buy_400(newcomer), (Coins{{"", 20}, {"bring_a_friend", 50}}));
    EXPECT_EQ(services->ledger.account(desk, friend_).coins, friend_before + 50);
    const auto friend_lines = services->ledger.history(desk, friend_, 1);
    ASSERT_EQ(friend_lines.size(), 1u);
    EXPECT_EQ(std::make_tuple(friend_lines[0].campaign, friend_lines[0].amount), std::make_tuple(std::string("bring_a_friend"), std::int64_t{50}));
    EXPECT_EQ(buy_400(newcomer), (Coins{{"", 20}})) << "only the first purchase qualifies";
    EXPECT_EQ(services->ledger.account(desk, friend_).coins, friend_before + 50);
    EXPECT_EQ(buy_400(friend_), (Coins{{"", 20}})) << "the referrer was referred by nobody";

    *now = parse_instant("2027-01-05 03:00:00");  // the campaign has ended
    const std::string late = referred("晚到会员", "13500135000");
    EXPECT_EQ(buy_400(late), (Coins{{"", 20}}));
    EXPECT_EQ(services->ledger.account(desk, friend_).coins, friend_before + 50 + 20);
    EXPECT_EQ(services->database_admin.check(admin), "ok");
}

TEST_P(CampaignTest, BirthdayCoinsComeInTheBirthdayMonthOncePerMemberAndYear) {
    auto birthday = campaign("birthday_gift", "1", "2026-01-01 00:00", "2028-01-01 00:00");
    birthday["type"] = "birthday";
    birthday["recurrence"] = {{"kind", "birthday_month"}};
    birthday["birthday_coins"] = 88;
    approve(ChangeKind::Campaign, birthday);
    auto born = [&](const std::string& name, const std::string& mobile, std::optional<std::string> day) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        if (day) in.birthday = *day;
        return services->members.add(desk, in).member.number;
    };
    const std::string november = born("十一月", "13800138000", "1990-11-05");
    const std::string leap = born("闰日", "13900139000", "2000-02-29");
    born("无生日", "13700137000", std::nullopt);
    const Actor marketing_user = marketing;

    EXPECT_THROW(services->birthdays.run(desk, true), PermissionError);
    const BirthdayRun preview = services->birthdays.run(marketing_user, true);
    ASSERT_EQ(preview.grants.size(), 1u);
    EXPECT_EQ(std::make_tuple(preview.grants[0].member, preview.grants[0].coins), std::make_tuple(november, std::int64_t{88}));
    EXPECT_EQ(services->ledger.account(desk, november).coins, 0) << "a preview gives nothing";
    EXPECT_EQ(services->birthdays.run(marketing_user, false).grants.size(), 1u);
    EXPECT_EQ(services->ledger.account(desk, november).coins, 88);
    EXPECT_EQ(services->ledger.history(desk, november, 1).at(0).campaign, "birthday_gift");
    const BirthdayRun again = services->birthdays.run(marketing_user, false);
    EXPECT_EQ(std::make_tuple(again.grants.size(), again.already_given), std::make_tuple(std::size_t{0}, 1LL)) << "once per year";

    *now = parse_instant("2027-02-10 02:00:00");  // 29 February's member in a February without one
    const BirthdayRun february = services->birthdays.run(marketing_user, false);
    ASSERT_EQ(february.grants.size(), 1u);
    EXPECT_EQ(february.grants[0].member, leap);
    *now = parse_instant("2027-11-03 02:00:00");  // a new year: November's member again
    EXPECT_EQ(services->birthdays.run(marketing_user, false).grants.size(), 1u);
    EXPECT_EQ(services->ledger.account(desk, november).coins, 176);
    *now = parse_instant("2028-11-03 02:00:00");  // after the campaign's end
    EXPECT_TRUE(services->birthdays.run(marketing_user, false).grants.empty());
    EXPECT_EQ(audit("campaign.birthday_run").size(), 4u);
    EXPECT_EQ(services->database_admin.check(admin), "ok");
}

MD_ON_BOTH_BACKENDS(CampaignTest);

// The campaign window's actual figures, counted as services/campaign_results defines them.
TEST_P(CampaignTest, ResultsCountCostParticipationRepurchaseAndRedemptionOnCampaignDaysOnly) {
    auto item = campaign("mothers_double", "2", "2026-11-22 10:00", "2026-11-22 22:00");
    item["target"] = {{"tags", {"妈妈俱乐部"}}};
    approve(ChangeKind::Campaign, item);
    approve(ChangeKind::Campaign, campaign("everyone_day", "1", "2026-11-22 00:00", "2026-11-23 00:00"));
    // All three join on the campaign's day (10:00 business time).
    const std::string buyer = member("王芳", "13800138000", {"妈妈俱乐部"});
    member("赵敏", "13700137000", {"妈妈俱乐部"});  // aimed at, buys nothing
    const std::string other = member("李雷", "13900139000");
    EXPECT_EQ(buy_400(buyer), (Coins{{"", 20}, {"mothers_double", 20}}));
    EXPECT_EQ(buy_400(buyer), (Coins{{"", 20}, {"mothers_double", 20}}));
    buy_400(other);  // not aimed at: not a participant
    services->ledger.redeem(desk, {buyer, 20, ""});
    // The next day is not a campaign day: nothing done then counts.
    *now = parse_instant("2026-11-23 03:00:00");
    services->ledger.redeem(desk, {buyer, 30, ""});
    buy_400(buyer);

    const CampaignResults r = services->campaign_results.results(marketing, "mothers_double");
    EXPECT_EQ(r.as_of, Date(2026, 11, 23));
    EXPECT_EQ(r.campaign_days, 1);
    EXPECT_EQ(r.coins_granted, 40);
    EXPECT_EQ(r.actual_cost, Money::from_yuan(40)) << "40 coins at ¥1.00";
    EXPECT_EQ(r.new_members, 3);
    EXPECT_EQ(std::make_tuple(r.targeted, r.participants, r.repurchasers), std::make_tuple(2, 1, 1));
    EXPECT_EQ(std::make_tuple(r.coins_earned, r.coins_redeemed), std::make_tuple(80, 20)) << "base and extra coins of the day";
    EXPECT_EQ(r.participation_bp, 5000);
    EXPECT_EQ(r.repurchase_bp, 10000);
    EXPECT_EQ(r.redemption_bp, 2500);
    EXPECT_EQ(r.cost_per_new_member, Money::from_fen(1333)) << "¥40.00 ÷ 3, half up to the fen";
    EXPECT_EQ(r.campaign.campaign.budget.total(), Money::from_yuan(5800));

    // Aimed at everyone, the figures come from counts alone: the same definitions.
    const CampaignResults all = services->campaign_results.results(marketing, "everyone_day");
    EXPECT_EQ(std::make_tuple(all.new_members, all.targeted, all.participants, all.repurchasers),
              std::make_tuple(3, 3, 2, 1));
    EXPECT_EQ(std::make_tuple(all.coins_granted, all.coins_earned, all.coins_redeemed), std::make_tuple(0, 100, 20))
        << "the day's coins: 80 the buyer's and 20 the other member's";
    EXPECT_EQ(all.participation_bp, 6667);
    EXPECT_EQ(all.cost_per_new_member, Money()) << "no coins granted: nothing spent per new member";
}

TEST(CampaignRates, BasisPointsRoundHalfUpAndNothingToDivideByIsNoRate) {
    EXPECT_EQ(rate_bp(1, 3), 3333);
    EXPECT_EQ(rate_bp(2, 3), 6667);
    EXPECT_EQ(rate_bp(1, 8), 1250);
    EXPECT_EQ(rate_bp(1, 20000), 1) << "half a basis point rounds up";
    EXPECT_EQ(rate_bp(1, 80000), 0) << "a quarter of one rounds down";
    EXPECT_EQ(rate_bp(0, 5), 0);
    EXPECT_EQ(rate_bp(3, 0), std::nullopt);
}
