// The period reports on both backends, against figures worked out by hand: card batch
// reconciliation (cards by state at a past moment, the period's moves), member KPIs (this month
// against the one before, refunds taken off sales), complaints (deadlines met, missed and
// running at the period's end, compensation against the budget, satisfaction), campaign ROI
// (cost, participants, incremental sales, KPI targets met) and the monthly review built from them.
#include "models/errors.h"
#include "reports/complaint_report.h"
#include "reports/member_kpi_report.h"
#include "reports/report_catalog.h"
#include "services/program_codec.h"
#include "support/report_rows.h"
#include "support/service_fixture.h"

#include <algorithm>
#include <tuple>

using namespace md;
using report::Cell;

namespace {

using V = std::vector<std::string>;

const auto row = test::report_row;

}  // namespace

class PeriodReportTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        desk = sign_in_as(Role::Service);
        finance = sign_in_as(Role::Finance);
        marketing = sign_in_as(Role::Marketing);
        approver = sign_in_as(Role::Approver);
    }
    void at(const char* business_time) { *now = parse_instant(business_time) - boost::posix_time::hours(8); }
    std::string add(const std::string& name, const std::string& mobile) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        return services->members.add(desk, in).member.number;
    }
    // Paid at the till, so no stored value is needed.
    std::int64_t buy(const std::string& member, const char* price) {
        PurchaseRequest r;
        r.member = member;
        r.list_price = Money::parse(price, "amount");
        r.stored_value = Money();
        return services->ledger.purchase(desk, r).txn;
    }
    report::Document build(const std::string& name, const Actor& who, const char* as_of, const char* from) {
        report::ReportParams p;
        p.as_of = parse_date(as_of, "as_of");
        p.from = parse_date(from, "from");
        return report::build_report(*services, who, name, p);
    }
    Actor desk, finance, marketing, approver;
};

TEST_P(PeriodReportTest, CardBatchesAreCountedByTheStateEachCardWasInAtTheEndOfTheDay) {
    at("2026-11-01 09:00:00");
    approve(ChangeKind::Denomination,
            nlohmann::json::parse(to_json(Denomination{Money::from_yuan(100), true, Money::from_yuan(10)}).dump()));
    const std::string m = add("王芳", "13800138000");
    at("2026-11-02 10:00:00");
    std::vector<IssuedCard> cards;
    services->cards.create_batch(finance, {Money::from_yuan(100), 5, {}, "周年庆"},
                                 [&](const CardBatch&, const std::vector<IssuedCard>& issued) { cards = issued; });
    ASSERT_EQ(cards.size(), 5u);
    at("2026-11-03 10:00:00");
    for (int i = 0; i < 3; ++i) services->cards.sell(desk, cards[i].number);
    at("2026-11-04 10:00:00");
    services->ledger.activate_card(desk, {cards[0].number, cards[0].pin, m, ""});
    at("2026-11-10 10:00:00");
    services->cards.block(desk, cards[1].number, "挂失");
    at("2026-11-11 10:00:00");
    services->cards.unblock(desk, cards[1].number, "找到了");
    services->cards.block(desk, cards[1].number, "再次挂失");
    at("2026-12-02 10:00:00");

    // Columns: face value, issued, in stock, sold, activated, blocked, closed, expired, outstanding, sold value.
    const report::Document now = build("card_batches", finance, "2026-11-30", "2026-11-04");
    const V batch = row(now, "Cards by state", "B");
    EXPECT_EQ(batch, (V{"100.00", "5", "2", "1", "1", "1", "0", "0", "3", "100.00"}));
    EXPECT_EQ(row(now, "Cards by state", "Total"), (V{"", "5", "2", "1", "1", "1", "0", "0", "3", "100.00"}));
    // Moves from 4 November: one activation (¥100 + ¥10 bonus), blocked twice (the unblock is not a move).
    EXPECT_EQ(row(now, "Movements", "Total"), (V{"0", "1", "2", "0", "0", "110.00"}));

    // At the end of 3 November: three sold, none activated; later events are ignored.
    const report::Document then = build("card_batches", finance, "2026-11-03", "2026-11-01");
    EXPECT_EQ(row(then, "Cards by state", "Total"), (V{"", "5", "2", "3", "0", "0", "0", "0", "5", "300.00"}));
    EXPECT_EQ(row(then, "Movements", "Total"), (V{"3", "0", "0", "0", "0", "0.00"}));
    // Before the batch was made: none, and the report says so.
    const report::Document before = build("card_batches", finance, "2026-11-01", "2026-11-01");
    EXPECT_EQ(row(before, "Cards by state", "Total"), (V{"", "0", "0", "0", "0", "0", "0", "0", "0", "0.00"}));
    EXPECT_NE(before.sections[0].notes.back().find("No card batch"), std::string::npos);
    EXPECT_THROW(build("card_batches", approver, "2026-11-30", "2026-11-01"), PermissionError);
}

TEST_P(PeriodReportTest, MemberKpisCompareTheMonthWithTheOneBefore) {
    at("2026-09-15 10:00:00");
    const std::string a = add("甲", "13800000001");
    at("2026-10-10 10:00:00");
    const std::string b = add("乙", "13800000002");
    at("2026-10-12 10:00:00");
    buy(a, "100");
    at("2026-10-15 10:00:00");
    buy(b, "200");
    at("2026-10-20 10:00:00");
    buy(b, "300");
    at("2026-11-03 10:00:00");
    buy(a, "400");
    at("2026-11-05 10:00:00");
    const std::string c = add("丙", "13800000003");
    at("2026-11-06 10:00:00");
    buy(c, "50");
    at("2026-11-20 10:00:00");
    add("丁", "13800000004");
    at("2026-11-25 10:00:00");
    const std::int64_t late = buy(c, "150");
    at("2026-11-28 10:00:00");
    services->ledger.refund(desk, {late, Money::from_yuan(50), "退货", ""});
    at("2026-12-02 10:00:00");

    const report::Document d = build("member_kpis", marketing, "2026-11-30", "2026-11-01");
    EXPECT_EQ(d.parameters.at(1).second, "2026-10-01 – 2026-10-31") << "a whole month is compared with the whole month before";
    // This period, previous period, change.
    EXPECT_EQ(row(d, "Members", "Members at the end"), (V{"4", "2", "2"}));
    EXPECT_EQ(row(d, "Members", "New members"), (V{"2", "1", "1"}));
    EXPECT_EQ(row(d, "Members", "Members who bought"), (V{"2", "2", "0"}));
    EXPECT_EQ(row(d, "Members", "Purchases"), (V{"3", "3", "0"}));
    EXPECT_EQ(row(d, "Members", "Member growth rate"), (V{"10000", "10000", "0"})) << "2 of 2, and 1 of 1";
    EXPECT_EQ(row(d, "Members", "Active rate"), (V{"5000", "10000", "-5000"}));
    EXPECT_EQ(row(d, "Members", "Retention"), (V{"5000", "", ""})) << "A bought again, B did not; nobody bought in September";
    EXPECT_EQ(row(d, "Members", "Churn"), (V{"5000", "", ""}));
    EXPECT_EQ(row(d, "Members", "Repurchase rate"), (V{"5000", "5000", "0"}));
    EXPECT_EQ(row(d, "Members", "Member sales"), (V{"550.00", "600.00", "-50.00"})) << "the ¥50 refund is taken off";
    EXPECT_EQ(row(d, "Members", "Average order value"), (V{"183.33", "200.00", "-16.67"})) << "550 ÷ 3, half up";
    EXPECT_EQ(row(d, "Members", "Purchase frequency"), (V{"1.50 per member", "1.50 per member"}));
    EXPECT_EQ(d.sections.back().heading, "Definitions");

    // Month to date compares with the same days of the month before.
    EXPECT_EQ(report::previous_period(Date(2026, 3, 1), Date(2026, 3, 31)), std::make_pair(Date(2026, 2, 1), Date(2026, 2, 28)));
    EXPECT_EQ(report::previous_period(Date(2026, 3, 1), Date(2026, 3, 30)), std::make_pair(Date(2026, 2, 1), Date(2026, 2, 28)));
    EXPECT_EQ(report::previous_period(Date(2026, 3, 1), Date(2026, 3, 15)), std::make_pair(Date(2026, 2, 1), Date(2026, 2, 15)));
    EXPECT_EQ(report::previous_period(Date(2026, 3, 10), Date(2026, 3, 19)), std::make_pair(Date(2026, 2, 28), Date(2026, 3, 9)));
    // A period without anything says so.
    const report::Document empty = build("member_kpis", marketing, "2026-08-31", "2026-08-01");
    EXPECT_EQ(empty.sections[0].notes.at(0), "No member joined and no purchase was made in the period.");
}

TEST_P(PeriodReportTest, ComplaintsAreCountedAsTheyStoodAtThePeriodsEnd) {
    const std::string m = add("王芳", "13800138000");
    auto open = [&](const char* severity, const char* category) {
        return services->complaints.open(desk, {m, "phone", category, severity, "配送延迟", "", std::nullopt}).row.ticket.number;
    };
    // Normal, Monday 2 November 10:00: answered at 11:00 (4 h target), resolved the next day (3 days), scored 4.
    at("2026-11-02 10:00:00");
    const std::string one = open("normal", "delivery");
    at("2026-11-02 11:00:00");
    services->complaints.assign(desk, one, desk.username);
    services->complaints.note(desk, one, "已致电会员");
    services->complaints.compensate(desk, one, {CompensationKind::Coins, 50, Money(), "", "补偿"});
    services->complaints.compensate(desk, one, {CompensationKind::StoredValue, 0, Money::from_yuan(20), "", "补偿"});
    at("2026-11-03 10:00:00");
    services->complaints.resolve(desk, one, "已补发", "仓库漏发");
    services->complaints.close(desk, one, 4);
    // High, Tuesday 3 November 10:00: answered at 15:00 (due 12:00: late), never resolved (due Thursday 10:00).
    at("2026-11-03 10:00:00");
    const std::string two = open("high", "product_quality");
    at("2026-11-03 15:00:00");
    services->complaints.assign(desk, two, desk.username);
    services->complaints.note(desk, two, "已回复");
    services->complaints.compensate(desk, two, {CompensationKind::Coins, 150, Money(), "", "补偿"});  // above 100: pending
    // Low, 30 November 17:00: answered on 1 December, after the period: not answered at its end.
    at("2026-11-30 17:00:00");
    const std::string three = open("low", "delivery");
    at("2026-12-01 10:00:00");
    services->complaints.assign(desk, three, desk.username);
    services->complaints.note(desk, three, "已回复");
    at("2026-12-02 10:00:00");

    const report::Document d = build("complaints", marketing, "2026-11-30", "2026-11-01");
    // Low, normal, high, critical, total.
    EXPECT_EQ(row(d, "Tickets opened", "Delivery"), (V{"1", "1", "0", "0", "2"}));
    EXPECT_EQ(row(d, "Tickets opened", "Product quality"), (V{"0", "0", "1", "0", "1"}));
    EXPECT_EQ(row(d, "Tickets opened", "Total"), (V{"1", "1", "1", "0", "3"}));
    // Tickets; in time, late, not yet, breaches, on time — for the first answer, then the resolution.
    EXPECT_EQ(row(d, "First answers", "Normal"), (V{"1", "1", "0", "0", "0", "10000"}));
    EXPECT_EQ(row(d, "First answers", "High"), (V{"1", "0", "1", "0", "1", "0"}));
    EXPECT_EQ(row(d, "First answers", "Low"), (V{"1", "0", "0", "1", "0", ""})) << "still on time on 30 November";
    EXPECT_EQ(row(d, "First answers", "Total"), (V{"3", "1", "1", "1", "1", "5000"}));
    EXPECT_EQ(row(d, "Resolutions", "Normal"), (V{"1", "1", "0", "0", "0", "10000"}));
    EXPECT_EQ(row(d, "Resolutions", "High"), (V{"1", "0", "0", "1", "1", "0"})) << "due Thursday 10:00, still open";
    EXPECT_EQ(row(d, "Resolutions", "Total"), (V{"3", "1", "0", "2", "1", "5000"}));
    // Paid: 50 coins and ¥20; waiting: 150 coins. Coins at ¥1.
    EXPECT_EQ(row(d, "Compensation", "Paid"), (V{"2", "50", "50.00", "20.00", "70.00"}));
    EXPECT_EQ(row(d, "Compensation", "Waiting for approval"), (V{"1", "150", "150.00", "0.00", "150.00"}));
    EXPECT_EQ(row(d, "Compensation", "Granted, not rejected"), (V{"3", "200", "200.00", "20.00", "220.00"}));
    EXPECT_EQ(row(d, "Compensation", "Budget for the period"), V{"10000.00"});
    EXPECT_EQ(row(d, "Compensation", "Left"), V{"9780.00"});
    EXPECT_EQ(row(d, "Satisfaction", "4"), (V{"1", "10000"}));
    EXPECT_EQ(d.sections.back().notes.at(0), "Average score 4.00 of 5, from 1 of the 1 closed tickets.");

    // The budget of part of a month is its share of the days, month by month, half up.
    EXPECT_EQ(report::budget_for(Money::from_yuan(10000), Date(2026, 11, 16), Date(2026, 12, 15)).to_string(), "9838.71")
        << "15/30 of ¥10,000 + 15/31 of ¥10,000 = ¥5,000.00 + ¥4,838.71";
}

TEST_P(PeriodReportTest, CampaignReturnIsCostParticipantsAndSalesAboveTheirUsualOnes) {
    at("2026-10-01 09:00:00");
    approve(ChangeKind::Points, nlohmann::json::parse(to_json(PointsRule{}).dump()));  // 1 coin per ¥20, ¥1 each
    const std::string a = add("甲", "13800000001");
    const std::string b = add("乙", "13800000002");
    services->ledger.recharge(desk, {a, Money::from_yuan(5000), ""});  // both join the coin scheme
    services->ledger.recharge(desk, {b, Money::from_yuan(5000), ""});
    // The four weeks before: A spends ¥560 (¥20 a day on average).
    at("2026-10-20 10:00:00");
    buy(a, "560");
    nlohmann::json c = {{"code", "double_nov"},
                        {"name_zh", "双倍兑换币"},
                        {"name_en", "Double coins"},
                        {"type", "double_points"},
                        {"starts_at", "2026-11-10 00:00"},
                        {"ends_at", "2026-11-12 00:00"},
                        {"budget", {{"activity", "500.00"}, {"technology", "100.00"}, {"partner", "0"}}},
                        {"kpis", {{"new_members", 1}, {"participation_pct", 60}, {"cost_per_new_member", "5.00"}}},
                        {"owner", "marketing.user"},
                        {"coin_multiplier", "2"}};
    approve(ChangeKind::Campaign, c);
    // Campaign days 10 and 11 November: A buys ¥400 (20 extra coins); C joins on the 11th.
    at("2026-11-10 10:00:00");
    buy(a, "400");
    at("2026-11-11 10:00:00");
    add("丙", "13800000003");
    at("2026-12-02 10:00:00");

    const report::Document d = build("campaign_roi", marketing, "2026-11-30", "2026-11-01");
    // Days, budget, cost, participants, new members, cost per new member, sales, incremental sales.
    EXPECT_EQ(row(d, "Budget", "双倍兑换币"), (V{"2", "600.00", "20.00", "1", "1", "20.00", "400.00", "360.00"}))
        << "20 extra coins at ¥1; ¥400 against a baseline of ¥560 ÷ 28 × 2 = ¥40";
    // Targets: 1 new member (met), participation 60% against 1 of 3 members (not met), cost at most ¥5 (not met).
    EXPECT_EQ(row(d, "KPI targets", "双倍兑换币"), (V{"New members", "1", "1", "Met"}));
    const report::Document none = build("campaign_roi", marketing, "2026-10-31", "2026-10-01");
    EXPECT_EQ(row(none, "Budget", "Total"), (V{"", "0.00", "0.00", "0", "0", "", "0.00", "0.00"}));
    EXPECT_EQ(none.sections[0].notes.back(), "No launched campaign ran from 2026-10-01 to 2026-10-31.");
}

TEST_P(PeriodReportTest, TheMonthlyReviewGathersTheOtherReportsFigures) {
    at("2026-11-01 09:00:00");
    const std::string a = add("甲", "13800000001");
    at("2026-11-03 10:00:00");
    buy(a, "400");
    at("2026-11-20 10:00:00");
    const report::Document d = build("monthly_review", marketing, "2026-11-19", "2026-11-01");
    EXPECT_EQ(d.title, "Monthly member activity review");
    EXPECT_EQ(row(d, "Members", "New members"), (V{"1", "0", "1"}));
    EXPECT_EQ(row(d, "Members", "Active rate"), (V{"10000", "", ""}));
    EXPECT_EQ(row(d, "Owed", "Total liability"), V{"0.00"});
    EXPECT_EQ(row(d, "Complaints", "First answers"), (V{"0", "0", "0", "0", "0", ""}));
    EXPECT_EQ(row(d, "Complaints", "Resolutions"), (V{"0", "0", "0", "0", "0", ""}));
    // No ladder was approved here: the tier mix says so in words.
    const auto mix = std::find_if(d.sections.begin(), d.sections.end(), [](const report::Section& s) { return s.heading == "Tier mix"; });
    ASSERT_NE(mix, d.sections.end());
    ASSERT_FALSE(mix->notes.empty());
    EXPECT_NE(mix->notes.front().find("No tier ladder was in force"), std::string::npos) << mix->notes.front();
    bool charted = false;
    for (const report::Section& s : d.sections) charted = charted || !s.charts.empty();
    EXPECT_TRUE(charted);
    EXPECT_THROW(build("monthly_review", approver, "2026-11-19", "2026-11-01"), PermissionError)
        << "the approver may not see what is owed to members";
}

MD_ON_BOTH_BACKENDS(PeriodReportTest);
