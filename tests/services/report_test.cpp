// The prepaid liability report on both backends, against figures worked out by hand from a
// fixed history: three members, a recharge with its bonus, a purchase earning coins, a partial
// refund taking coins back, and a purchase after the report's day that must not count. An
// as-of day in the past ignores everything later; the movements reconcile to the closing
// balance; the aging bands hold the right accounts; bad parameters are refused by field.
#include "models/errors.h"
#include "reports/document_renderers.h"
#include "reports/report_catalog.h"
#include "services/demo_data.h"
#include "services/program_codec.h"
#include "support/report_rows.h"
#include "support/service_fixture.h"

#include <algorithm>
#include <tuple>

using namespace md;
using report::Cell;

class LiabilityReportTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        at("2025-09-30 10:00:00");
        approve(ChangeKind::Points, nlohmann::json::parse(to_json(PointsRule{}).dump()));  // 1 coin per ¥20, ¥1 each
        RechargeBonus bonus{"premium_12000", "私享家充值礼", "Private Connoisseur recharge",
                            Money::from_yuan(12000), Money::from_yuan(15000), parse_date("2025-09-30", "d"), {}};
        approve(ChangeKind::Bonus, nlohmann::json::parse(to_json(bonus).dump()));
        desk = sign_in_as(Role::Service);
        finance = sign_in_as(Role::Finance);
        a = add("王芳", "13800138000");
        b = add("李雷", "13900139000");
        c = add("张伟", "13700137000");
        at("2025-10-01 10:00:00");
        recharge(c, "1000");                                   // C: principal 1000
        at("2026-03-10 10:00:00");
        recharge(a, "12000");                                  // A: principal 12000, bonus 3000
        at("2026-03-20 10:00:00");
        const std::int64_t march = purchase(a, "1000").txn;    // A: principal −1000, +50 coins
        at("2026-04-05 10:00:00");
        recharge(b, "500");                                    // B: principal 500
        at("2026-04-15 10:00:00");
        services->ledger.refund(desk, {march, Money::from_yuan(400), "退货", ""});  // A: principal +400, −20 coins
        at("2026-05-02 10:00:00");
        purchase(b, "200");                                    // after the report's day: never counted
    }
    void at(const char* business_time) { *now = parse_instant(business_time) - boost::posix_time::hours(8); }
    std::string add(const std::string& name, const std::string& mobile) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        return services->members.add(desk, in).member.number;
    }
    void recharge(const std::string& member, const char* amount) {
        services->ledger.recharge(desk, {member, Money::parse(amount, "amount"), ""});
    }
    TxnResult purchase(const std::string& member, const char* price) {
        PurchaseRequest r;
        r.member = member;
        r.list_price = Money::parse(price, "amount");
        return services->ledger.purchase(desk, r);
    }
    report::Document liability(const char* as_of, const char* from) {
        report::ReportParams p;
        p.as_of = parse_date(as_of, "as_of");
        p.from = parse_date(from, "from");
        return report::build_report(*services, finance, "liability", p);
    }
    static std::vector<std::string> row(const report::Document& d, const std::string& heading, const std::string& label) {
        return test::report_row(d, heading, label);
    }
    using V = std::vector<std::string>;
    Actor desk, finance;
    std::string a, b, c;
};

TEST_P(LiabilityReportTest, FiguresAtTheEndOfADayMatchTheHandWorkedHistory) {
    const report::Document d = liability("2026-04-30", "2026-04-01");
    // Owed at the end of 30 April: principal 1000 (C) + 11400 (A) + 500 (B), bonus 3000 (A), 30 coins × ¥1.
    EXPECT_EQ(row(d, "Owed", "Stored value paid"), V{"12900.00"});
    EXPECT_EQ(row(d, "Owed", "Bonus value"), V{"3000.00"});
    EXPECT_EQ(row(d, "Owed", "Compensation"), V{"0.00"});
    EXPECT_EQ(row(d, "Owed", "Coins at redemption value"), V{"30.00"});
    EXPECT_EQ(row(d, "Owed", "Total liability"), V{"15930.00"});

    // April reconciled: opening + the recharge + the refund = closing (principal, bonus, compensation, sum, packages).
    EXPECT_EQ(row(d, "Movements", "Opening balance"), (V{"12000.00", "3000.00", "0.00", "15000.00", "0.00"}));
    EXPECT_EQ(row(d, "Movements", "Cash recharge"), (V{"500.00", "0.00", "0.00", "500.00", "0.00"}));
    EXPECT_EQ(row(d, "Movements", "Refund"), (V{"400.00", "0.00", "0.00", "400.00", "0.00"}));
    EXPECT_EQ(row(d, "Movements", "Purchase"), V{"no row Purchase under Movements"}) << "March's and May's purchases are outside";
    EXPECT_EQ(row(d, "Movements", "Closing balance"), (V{"12900.00", "3000.00", "0.00", "15900.00", "0.00"}));

    EXPECT_EQ(row(d, "Coins", "Opening balance"), (V{"50", "50.00"}));
    EXPECT_EQ(row(d, "Coins", "Coins taken back"), (V{"-20", "-20.00"}));
    EXPECT_EQ(row(d, "Coins", "Closing balance"), (V{"30", "30.00"}));

    // A last moved 15 April, B 5 April (0–90 days); C on 1 October 2025, 211 days before.
    EXPECT_EQ(row(d, "Stored value by last activity", "0–90"), (V{"2", "14900.00"}));
    EXPECT_EQ(row(d, "Stored value by last activity", "181–365"), (V{"1", "1000.00"}));
    EXPECT_EQ(row(d, "Stored value by last activity", "Total"), (V{"3", "15900.00"}));
}

TEST_P(LiabilityReportTest, AnAsOfDayInThePastIgnoresLaterEntries) {
    const report::Document d = liability("2026-03-31", "2026-03-01");
    EXPECT_EQ(row(d, "Owed", "Stored value paid"), V{"12000.00"}) << "no April recharge, no refund";
    EXPECT_EQ(row(d, "Owed", "Coins at redemption value"), V{"50.00"});
    EXPECT_EQ(row(d, "Movements", "Opening balance"), (V{"1000.00", "0.00", "0.00", "1000.00", "0.00"}));
    EXPECT_EQ(row(d, "Movements", "Purchase"), (V{"-1000.00", "0.00", "0.00", "-1000.00", "0.00"}));
    EXPECT_EQ(row(d, "Movements", "Recharge bonus"), (V{"0.00", "3000.00", "0.00", "3000.00", "0.00"}));
    EXPECT_EQ(row(d, "Stored value by last activity", "More than 365"), (V{"0", "0.00"}));
    EXPECT_EQ(row(d, "Stored value by last activity", "Total"), (V{"2", "15000.00"})) << "B had nothing yet";
}

TEST_P(LiabilityReportTest, BadParametersAreRefusedByField) {
    auto refused = [&](const char* as_of, std::optional<const char*> from, const char* name = "liability") {
        report::ReportParams p;
        p.as_of = parse_date(as_of, "as_of");
        if (from) p.from = parse_date(*from, "from");
        try {
            report::build_report(*services, finance, name, p);
        } catch (const ValidationError& e) {
            return e.field() + "=" + e.value();
        }
        return std::string("accepted");
    };
    EXPECT_EQ(refused("2026-05-03", {}), "as_of=2026-05-03") << "the clock is at 2 May";
    EXPECT_EQ(refused("2026-04-30", "2026-05-01"), "from=2026-05-01");
    EXPECT_EQ(refused("2026-04-30", {}, "breakage_typo"), "report=breakage_typo");
    report::ReportParams p;
    p.as_of = parse_date("2026-04-30", "as_of");
    EXPECT_THROW(report::build_report(*services, sign_in_as(Role::Approver), "liability", p), PermissionError);
}

TEST_P(LiabilityReportTest, ProgressIsReportedInStepsAndACancelStopsTheReport) {
    report::ReportParams p;
    p.as_of = parse_date("2026-04-30", "as_of");
    std::vector<int> seen;
    const report::ReportProgress watch([&](int permille, const std::string& stage) {
        seen.push_back(permille);
        return !stage.empty();
    });
    report::build_report(*services, finance, "liability", p, watch);
    ASSERT_GE(seen.size(), 4u);
    EXPECT_EQ(std::make_tuple(seen.front(), seen.back()), std::make_tuple(0, 1000));
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    const report::ReportProgress stop([](int permille, const std::string&) { return permille < 400; });
    EXPECT_THROW(report::build_report(*services, finance, "liability", p, stop), CancelledError);
}

MD_ON_BOTH_BACKENDS(LiabilityReportTest);

// The tier mix against hand-counted tiers: five members buy on 1 March (two Yellow, one Red, one
// Black Diamond, one below every threshold), one of the Yellows moves up to Red on 10 April.
class TierMixReportTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        at("2026-02-27 10:00:00");
        for (const ProgramItem& item : program_items_from_json(nlohmann::json::parse(demo_program_json())))
            if (item.kind == ChangeKind::Ladder) approve(item.kind, nlohmann::json::parse(item.json));
        desk = sign_in_as(Role::Service);
        marketing = sign_in_as(Role::Marketing);
        at("2026-03-01 10:00:00");
        const char* spends[] = {"1000", "2500", "3500", "1200", "500"};
        for (int i = 0; i < 5; ++i) {
            MemberInput in;
            in.name = "会员" + std::to_string(i + 1);
            in.mobile = "1380013800" + std::to_string(i);
            members.push_back(services->members.add(desk, in).member.number);
            buy(members.back(), spends[i]);
        }
        at("2026-04-10 10:00:00");
        buy(members[0], "1500");  // 2,470 paid at 98折 on top of 1,000: Red Diamond
        at("2026-05-02 10:00:00");
    }
    void at(const char* business_time) { *now = parse_instant(business_time) - boost::posix_time::hours(8); }
    void buy(const std::string& member, const char* price) {
        PurchaseRequest r;
        r.member = member;
        r.list_price = Money::parse(price, "amount");
        r.stored_value = Money();  // paid at the till, not from stored value
        services->ledger.purchase(desk, r);
    }
    std::vector<std::string> individual(const char* as_of, const char* from, const std::string& tier) {
        report::ReportParams p;
        p.as_of = parse_date(as_of, "as_of");
        p.from = parse_date(from, "from");
        const report::Document d = report::build_report(*services, marketing, "tier_mix", p);
        for (const report::Section& s : d.sections)
            if (s.heading.find("(individual)") != std::string::npos) {
                const report::ReportTable& t = s.tables.at(0);
                std::vector<std::vector<Cell>> rows = t.table.rows;
                rows.push_back(*t.totals);
                for (const auto& r : rows)
                    if (report::cell_text(r[0]).find(tier) != std::string::npos) {
                        std::vector<std::string> out;
                        for (std::size_t i = 1; i < r.size(); ++i) out.push_back(report::cell_text(r[i]));
                        return out;
                    }
            }
        return {"no row " + tier};
    }
    using V = std::vector<std::string>;
    Actor desk, marketing;
    std::vector<std::string> members;
};

TEST_P(TierMixReportTest, MembersPerTierAgainstTheTargetAtTheEndOfADay) {
    // members, share, target, difference (basis points), moved in, moved out
    EXPECT_EQ(individual("2026-03-31", "2026-03-01", "Yellow"), (V{"2", "5000", "3000", "2000", "2", "0"}));
    EXPECT_EQ(individual("2026-03-31", "2026-03-01", "Red"), (V{"1", "2500", "5000", "-2500", "1", "0"}));
    EXPECT_EQ(individual("2026-03-31", "2026-03-01", "Black"), (V{"1", "2500", "2000", "500", "1", "0"}));
    EXPECT_EQ(individual("2026-03-31", "2026-03-01", "Total"), (V{"4", "", "", "", "4", "0"})) << "the fifth member holds no tier";
    // April: the Yellow who bought again is Red from 10 April.
    EXPECT_EQ(individual("2026-04-30", "2026-04-01", "Yellow"), (V{"1", "2500", "3000", "-500", "0", "1"}));
    EXPECT_EQ(individual("2026-04-30", "2026-04-01", "Red"), (V{"2", "5000", "5000", "0", "1", "0"}));
    // A day before the move still shows March's mix.
    EXPECT_EQ(individual("2026-04-09", "2026-04-01", "Yellow"), (V{"2", "5000", "3000", "2000", "0", "0"}));
}

MD_ON_BOTH_BACKENDS(TierMixReportTest);

// The committee roster: seats in force on the day, chair first, days left counted inclusively,
// an ended term left out.
class CommitteeRosterTest : public test::ServiceTest {
protected:
    std::vector<std::vector<std::string>> roster(const char* as_of) {
        report::ReportParams p;
        p.as_of = parse_date(as_of, "as_of");
        const report::Document d = report::build_report(*services, sign_in_as(Role::Marketing), "committee", p);
        std::vector<std::vector<std::string>> out;
        const report::ReportTable& t = d.sections.at(0).tables.at(0);
        std::vector<std::vector<Cell>> rows = t.table.rows;
        rows.push_back(*t.totals);
        for (const auto& r : rows) {
            std::vector<std::string> cells;
            for (const Cell& c : r) cells.push_back(report::cell_text(c));
            out.push_back(cells);
        }
        return out;
    }
};

TEST_P(CommitteeRosterTest, SeatsInForceWithTheirTermsAndDaysLeft) {
    *now = parse_instant("2026-03-01 02:00:00");
    const Actor desk = sign_in_as(Role::Service);
    std::vector<std::string> numbers;
    for (const char* name : {"王芳", "李雷", "张伟"}) {
        MemberInput in;
        in.name = name;
        in.mobile = "1380013800" + std::to_string(numbers.size());
        numbers.push_back(services->members.add(desk, in).member.number);
    }
    const std::vector<CommitteeSeat> seats = {
        {numbers[1], CommitteeRole::Member, Date(2026, 1, 1), Date(2026, 3, 31)},
        {numbers[0], CommitteeRole::Chair, Date(2026, 1, 1), Date(2026, 12, 31)},
        {numbers[2], CommitteeRole::BrandAmbassador, Date(2025, 1, 1), Date(2025, 12, 31)},
    };
    for (const CommitteeSeat& seat : seats) approve(ChangeKind::Committee, nlohmann::json::parse(to_json(seat).dump()));
    *now = parse_instant("2026-04-02 02:00:00");
    using Rows = std::vector<std::vector<std::string>>;
    EXPECT_EQ(roster("2026-03-31"), (Rows{{numbers[0], "王芳", "Chair", "2026-01-01", "2026-12-31", "276", "Eligible"},
                                         {numbers[1], "李雷", "Committee member", "2026-01-01", "2026-03-31", "1", "Eligible"},
                                         {"Total", "2 seats", "", "", "", "", ""}}));
    EXPECT_EQ(roster("2026-04-01").size(), 2u) << "the member's term ended on 31 March";
}

MD_ON_BOTH_BACKENDS(CommitteeRosterTest);
