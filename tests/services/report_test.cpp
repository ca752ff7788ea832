// The prepaid liability report on both backends, against figures worked out by hand from a
// fixed history: three members, a recharge with its bonus, a purchase earning coins, a partial
// refund taking coins back, and a purchase after the report's day that must not count. An
// as-of day in the past ignores everything later; the movements reconcile to the closing
// balance; the aging bands hold the right accounts; bad parameters are refused by field.
#include "models/errors.h"
#include "reports/document_renderers.h"
#include "reports/report_catalog.h"
#include "services/program_codec.h"
#include "support/service_fixture.h"

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
    // The row of a table of the section whose heading starts with `heading`, found by its first
    // cell (the totals row too), as plain text cells.
    static std::vector<std::string> row(const report::Document& d, const std::string& heading, const std::string& label) {
        for (const report::Section& s : d.sections) {
            if (s.heading.rfind(heading, 0) != 0) continue;
            for (const report::ReportTable& t : s.tables) {
                std::vector<std::vector<Cell>> rows = t.table.rows;
                if (t.totals) rows.push_back(*t.totals);
                for (const auto& r : rows)
                    if (!r.empty() && report::cell_text(r[0]).rfind(label, 0) == 0) {
                        std::vector<std::string> out;
                        for (std::size_t i = 1; i < r.size(); ++i) out.push_back(report::cell_text(r[i]));
                        return out;
                    }
        }
        }
        return {"no row " + label + " under " + heading};
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

MD_ON_BOTH_BACKENDS(LiabilityReportTest);
