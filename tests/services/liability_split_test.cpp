// The liability's splits on both backends, against a history worked out by hand: by tier (the
// liability report), and by issue month, card batch and denomination (liability_sources), whose
// totals must equal the liability report's principal plus bonus on the same day.
//
// The history: two members; 1 March, A buys ¥1,000 at the till (Yellow Diamond from then), B
// ¥500 (no tier). 6 March, a ¥100 card of batch 1 (bonus ¥10) is activated into A. 2 April, A
// recharges ¥500 in cash. 3 April, a ¥500 card of batch 2 (bonus ¥50) goes into B. 10 April, A
// buys ¥150 at 98折 from stored value: ¥147.00, taken from A's oldest loads first: the ¥100
// card, its ¥10 bonus, then ¥37 of the cash.
#include "reports/report_catalog.h"
#include "services/demo_data.h"
#include "services/program_codec.h"
#include "support/report_rows.h"
#include "support/service_fixture.h"

using namespace md;

class LiabilitySplitTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        at("2026-02-27 10:00:00");
        for (const ProgramItem& item : program_items_from_json(nlohmann::json::parse(demo_program_json())))
            if (item.kind == ChangeKind::Ladder) approve(item.kind, nlohmann::json::parse(item.json));
        approve(ChangeKind::Denomination,
                nlohmann::json::parse(to_json(Denomination{Money::from_yuan(100), true, Money::from_yuan(10)}).dump()));
        approve(ChangeKind::Denomination,
                nlohmann::json::parse(to_json(Denomination{Money::from_yuan(500), true, Money::from_yuan(50)}).dump()));
        desk = sign_in_as(Role::Service);
        finance = sign_in_as(Role::Finance);
        at("2026-03-01 10:00:00");
        a = add("王芳", "13800138000");
        b = add("李雷", "13900139000");
        buy(a, "1000", true);
        buy(b, "500", true);
        at("2026-03-05 10:00:00");
        const IssuedCard hundred = card(Money::from_yuan(100));
        const IssuedCard five_hundred = card(Money::from_yuan(500));
        at("2026-03-06 10:00:00");
        services->ledger.activate_card(desk, {hundred.number, hundred.pin, a, ""});
        at("2026-04-02 10:00:00");
        services->ledger.recharge(desk, {a, Money::from_yuan(500), ""});
        at("2026-04-03 10:00:00");
        services->ledger.activate_card(desk, {five_hundred.number, five_hundred.pin, b, ""});
        at("2026-04-10 10:00:00");
        buy(a, "150", false);
        at("2026-05-02 10:00:00");
    }
    void at(const char* business_time) { *now = parse_instant(business_time) - boost::posix_time::hours(8); }
    std::string add(const std::string& name, const std::string& mobile) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        return services->members.add(desk, in).member.number;
    }
    void buy(const std::string& member, const char* price, bool at_the_till) {
        PurchaseRequest r;
        r.member = member;
        r.list_price = Money::parse(price, "amount");
        if (at_the_till) r.stored_value = Money();
        services->ledger.purchase(desk, r);
    }
    IssuedCard card(Money face_value) {
        std::vector<IssuedCard> cards;
        services->cards.create_batch(finance, {face_value, 1, {}, ""},
                                     [&](const CardBatch&, const std::vector<IssuedCard>& issued) { cards = issued; });
        services->cards.sell(desk, cards.at(0).number);
        return cards.at(0);
    }
    report::Document build(const char* name, const char* as_of) {
        report::ReportParams p;
        p.as_of = parse_date(as_of, "as_of");
        return report::build_report(*services, finance, name, p);
    }
    using V = std::vector<std::string>;
    Actor desk, finance;
    std::string a, b;
};

TEST_P(LiabilitySplitTest, StoredValueByTheTierEachMemberHeldAtTheEndOfTheDay) {
    const report::Document d = build("liability", "2026-04-30");
    // A: principal 100 + 500 − 147 = 453 and bonus 10; B: 500 + 50. Columns: members, stored value.
    const std::string ladder = "Stored value by tier: 个人会员等级";
    EXPECT_EQ(test::report_row(d, ladder, "黄钻"), (V{"1", "463.00"}));
    EXPECT_EQ(test::report_row(d, ladder, "红钻"), (V{"0", "0.00"}));
    EXPECT_EQ(test::report_row(d, ladder, "Below the first tier"), (V{"1", "550.00"}));
    EXPECT_EQ(test::report_row(d, ladder, "Total"), (V{"2", "1013.00"}));
    // Before A's first purchase nobody held a tier (and nothing was owed).
    const report::Document before = build("liability", "2026-02-28");
    EXPECT_EQ(test::report_row(before, ladder, "Total"), (V{"0", "0.00"}));
    const report::Document march = build("liability", "2026-03-31");
    EXPECT_EQ(test::report_row(march, ladder, "黄钻"), (V{"1", "110.00"}));
}

TEST_P(LiabilitySplitTest, StoredValueByIssueMonthCardBatchAndDenomination) {
    const report::Document d = build("liability_sources", "2026-04-30");
    // Columns: loaded, still owed, share of what is owed (basis points, half up).
    EXPECT_EQ(test::report_row(d, "Stored value by issue month", "2026-03"), (V{"110.00", "0.00", "0"}));
    EXPECT_EQ(test::report_row(d, "Stored value by issue month", "2026-04"), (V{"1050.00", "1013.00", "10000"}));
    EXPECT_EQ(test::report_row(d, "Stored value by issue month", "Total"), (V{"1160.00", "1013.00", "10000"}));
    // Batches (face value, bonus per card, loaded, still owed, share): the first card is spent, the second whole.
    EXPECT_EQ(test::report_row(d, "Stored value by card batch", "B000001"), (V{"100.00", "10.00", "110.00", "0.00", "0"}));
    EXPECT_EQ(test::report_row(d, "Stored value by card batch", "B000002"), (V{"500.00", "50.00", "550.00", "550.00", "5429"}));
    EXPECT_EQ(test::report_row(d, "Stored value by card batch", "No card"), (V{"", "", "500.00", "463.00", "4571"}));
    EXPECT_EQ(test::report_row(d, "Stored value by card batch", "Total"), (V{"", "", "1160.00", "1013.00", "10000"}));
    EXPECT_EQ(test::report_row(d, "Stored value by denomination", "¥500.00"), (V{"550.00", "550.00", "5429"}));
    EXPECT_EQ(test::report_row(d, "Stored value by denomination", "¥100.00"), (V{"110.00", "0.00", "0"}));

    // The same total as the liability report's principal and bonus that day.
    const report::Document liability = build("liability", "2026-04-30");
    EXPECT_EQ(test::report_row(liability, "Movements", "Closing balance"), (V{"953.00", "60.00", "0.00", "1013.00", "0.00"}))
        << "principal 453 + 500 and bonus 10 + 50";
}

TEST_P(LiabilitySplitTest, AnAsOfDayInThePastIgnoresLaterLoadsAndSpending) {
    const report::Document d = build("liability_sources", "2026-03-31");
    EXPECT_EQ(test::report_row(d, "Stored value by issue month", "2026-03"), (V{"110.00", "110.00", "10000"}));
    EXPECT_EQ(test::report_row(d, "Stored value by issue month", "2026-04"), (V{"no row 2026-04 under Stored value by issue month"}));
    EXPECT_EQ(test::report_row(d, "Stored value by card batch", "B000001"), (V{"100.00", "10.00", "110.00", "110.00", "10000"}));
    EXPECT_EQ(test::report_row(d, "Stored value by card batch", "Total"), (V{"", "", "110.00", "110.00", "10000"}));
}

MD_ON_BOTH_BACKENDS(LiabilitySplitTest);
