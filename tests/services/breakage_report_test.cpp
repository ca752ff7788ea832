// The breakage estimate on both backends, against figures worked out by hand from a fixed
// history over two and a half years (amounts in yuan; a recharge of 1,000 earns a bonus of 100):
//
//   2023-01-10  A recharges 1000 (+100 bonus)       cohort 2023-01 loads 1100
//   2023-01-20  B recharges 500                     cohort 2023-01 loads 500   (1600)
//   2023-02-15  A buys 300                          2023-01 redeems 300 in M1
//   2023-03-10  A recharges 200                     cohort 2023-03 loads 200
//   2023-04-05  A buys 900, FIFO: 700 + 100 bonus   2023-01 redeems 800 in M3
//               from 2023-01, 100 from 2023-03     2023-03 redeems 100 in M1
//   2023-05-10  150 of it refunded, LIFO: the 100   2023-03 gives back 100 in M2
//               of 2023-03, then 50 of 2023-01      2023-01 gives back 50 in M4
//   2023-06-01  B buys 100                          2023-01 redeems 100 in M5 (1150 by M24)
//   2025-02-10  C recharges 400                     cohort 2025-02 loads 400
//   2025-03-01  B buys 50                           2023-01 redeems 50 in M26 (1200 in all)
//   2025-03-05  C buys 100                          2025-02 redeems 100 in M1
//   2025-04-10  A buys 100                          after the report's day: never counted
//
// As of 2025-03-31 (period March 2025) the cohorts 2023-01 and 2023-03 are 24 months old:
// rate = (450 + 200) ÷ (1600 + 200) = 36.11% (3,611.1 bp, half up). At the end of 28 February
// only 2023-01 was: 450 ÷ 1600 = 28.125% → 2,813 bp.
// Recognised to 31 March: 2023-01 min(1600 × .3611, 1200 × .3611 ÷ .6389) = min(577.76, 678.23)
// = 577.76; 2023-03 nothing redeemed, 0; 2025-02 min(144.44, 100 × .3611 ÷ .6389 = 56.5190…)
// = 56.52. Total 634.28. To 28 February (rate 2,813): 2023-01 min(450.08, 1150 × .2813 ÷ .7187
// = 450.111…) = 450.08, the others 0. In March: 634.28 − 450.08 = 184.20.
#include "models/errors.h"
#include "reports/breakage_report.h"
#include "reports/document_renderers.h"
#include "reports/report_catalog.h"
#include "services/program_codec.h"
#include "support/report_rows.h"
#include "support/service_fixture.h"

#include <filesystem>
#include <unistd.h>

using namespace md;
using report::Cell;

class BreakageReportTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        at("2023-01-02 10:00:00");
        approve(ChangeKind::Points, nlohmann::json::parse(to_json(PointsRule{}).dump()));
        RechargeBonus bonus{"bonus_1000", "充一千送一百", "Recharge 1000, get 100", Money::from_yuan(1000),
                            Money::from_yuan(1100), parse_date("2023-01-02", "d"), {}};
        approve(ChangeKind::Bonus, nlohmann::json::parse(to_json(bonus).dump()));
        desk = sign_in_as(Role::Service);
        finance = sign_in_as(Role::Finance);
        a = add("王芳", "13800138000");
        b = add("李雷", "13900139000");
        c = add("张伟", "13700137000");
        at("2023-01-10 10:00:00");
        recharge(a, "1000");
        at("2023-01-20 10:00:00");
        recharge(b, "500");
        at("2023-02-15 10:00:00");
        purchase(a, "300");
        at("2023-03-10 10:00:00");
        recharge(a, "200");
        at("2023-04-05 10:00:00");
        const std::int64_t april = purchase(a, "900");
        at("2023-05-10 10:00:00");
        services->ledger.refund(desk, {april, Money::from_yuan(150), "退货", ""});
        at("2023-06-01 10:00:00");
        purchase(b, "100");
        at("2025-02-10 10:00:00");
        recharge(c, "400");
        at("2025-03-01 10:00:00");
        purchase(b, "50");
        at("2025-03-05 10:00:00");
        purchase(c, "100");
        at("2025-04-10 10:00:00");
        purchase(a, "100");
        at("2025-04-15 10:00:00");
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
    std::int64_t purchase(const std::string& member, const char* price) {
        PurchaseRequest r;
        r.member = member;
        r.list_price = Money::parse(price, "amount");
        return services->ledger.purchase(desk, r).txn;
    }
    report::Document build(const char* name, const char* as_of, const char* from) {
        report::ReportParams p;
        p.as_of = parse_date(as_of, "as_of");
        p.from = parse_date(from, "from");
        return report::build_report(*services, finance, name, p);
    }
    static std::vector<std::string> row(const report::Document& d, const std::string& heading, const std::string& label) {
        return test::report_row(d, heading, label);
    }
    static std::string notes(const report::Document& d) {
        std::string all;
        for (const report::Section& s : d.sections)
            for (const std::string& n : s.notes) all += n + "\n";
        return all;
    }
    // The journal's lines as plain text: date, code, name, debit, credit, memo.
    static std::vector<std::vector<std::string>> journal(const report::Document& d) {
        for (const report::Section& s : d.sections) {
            if (s.heading != "Journal entry") continue;
            std::vector<std::vector<std::string>> out;
            for (const auto& r : s.tables.at(0).table.rows) {
                std::vector<std::string> cells;
                for (const Cell& cell : r) cells.push_back(report::cell_text(cell));
                out.push_back(cells);
            }
            return out;
        }
        return {};
    }
    static std::int64_t fen(const std::string& text) { return text.empty() ? 0 : Money::parse(text, "amount").fen(); }
    using V = std::vector<std::string>;
    Actor desk, finance;
    std::string a, b, c;
};

TEST_P(BreakageReportTest, CurvesRateAndRecognitionMatchTheHandWorkedHistory) {
    const report::Document d = build("breakage", "2025-03-31", "2025-03-01");
    // Loaded, then M0 M1 M3 M6 M12 M18 M24 and now, in basis points; blank: month not ended.
    EXPECT_EQ(row(d, "Redemption curves", "2023-01"), (V{"1600.00", "0", "1875", "6875", "7188", "7188", "7188", "7188", "7500"}));
    EXPECT_EQ(row(d, "Redemption curves", "2023-03"), (V{"200.00", "0", "5000", "0", "0", "0", "0", "0", "0"}));
    EXPECT_EQ(row(d, "Redemption curves", "2025-02"), (V{"400.00", "0", "2500", "", "", "", "", "", "2500"}));
    EXPECT_EQ(row(d, "Redemption curves", "All cohorts"),
              (V{"2200.00", "0", "2273", "6111", "6389", "6389", "6389", "6389", "5909"}));

    EXPECT_EQ(row(d, "Expected unredeemed share", "2023-01"), (V{"1600.00", "1150.00", "450.00", "2813"}));
    EXPECT_EQ(row(d, "Expected unredeemed share", "2023-03"), (V{"200.00", "0.00", "200.00", "10000"}));
    EXPECT_EQ(row(d, "Expected unredeemed share", "2025-02"), V{"no row 2025-02 under Expected unredeemed share"});
    EXPECT_EQ(row(d, "Expected unredeemed share", "Breakage rate"), (V{"1800.00", "1150.00", "650.00", "3611"}));
    EXPECT_NE(notes(d).find("At the end of 2025-02-28 the rate was 28.13%"), std::string::npos) << notes(d);

    // Loaded, redeemed, unredeemed, recognised to 28 Feb, to 31 March, in March.
    EXPECT_EQ(row(d, "Breakage recognised", "2023-01"), (V{"1600.00", "1200.00", "400.00", "450.08", "577.76", "127.68"}));
    EXPECT_EQ(row(d, "Breakage recognised", "2023-03"), (V{"200.00", "0.00", "200.00", "0.00", "0.00", "0.00"}));
    EXPECT_EQ(row(d, "Breakage recognised", "2025-02"), (V{"400.00", "100.00", "300.00", "0.00", "56.52", "56.52"}));
    EXPECT_EQ(row(d, "Breakage recognised", "Total"), (V{"2200.00", "1300.00", "900.00", "450.08", "634.28", "184.20"}));

    const auto lines = journal(d);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0][0], "2025-03-31");
    EXPECT_EQ(lines[0][1], report::kStoredValueLiabilityAccount.code);
    EXPECT_EQ(lines[1][1], report::kBreakageRevenueAccount.code);
    std::int64_t debits = 0, credits = 0;
    for (const auto& l : lines) {
        debits += fen(l[3]);
        credits += fen(l[4]);
        EXPECT_NE(l[5].find("36.11%"), std::string::npos) << l[5];
    }
    EXPECT_EQ(debits, 18420);
    EXPECT_EQ(credits, debits) << "the entry balances";

    // The journal report is the same lines and nothing else.
    const report::Document j = build("breakage_journal", "2025-03-31", "2025-03-01");
    ASSERT_EQ(j.sections.size(), 1u);
    EXPECT_EQ(journal(j), lines);
}

TEST_P(BreakageReportTest, AnAsOfDayInThePastIgnoresLaterEntries) {
    // End of February 2025: only 2023-01 is 24 months old (rate 28.13%, as at the end of January);
    // March's purchases and April's are not there, so nothing more is recognised in February.
    const report::Document d = build("breakage", "2025-02-28", "2025-02-01");
    EXPECT_EQ(row(d, "Expected unredeemed share", "Breakage rate"), (V{"1600.00", "1150.00", "450.00", "2813"}));
    EXPECT_EQ(row(d, "Breakage recognised", "2023-01"), (V{"1600.00", "1150.00", "450.00", "450.08", "450.08", "0.00"}));
    EXPECT_EQ(row(d, "Breakage recognised", "2025-02"), (V{"400.00", "0.00", "400.00", "0.00", "0.00", "0.00"}));
    EXPECT_EQ(row(d, "Breakage recognised", "Total"), (V{"2200.00", "1150.00", "1050.00", "450.08", "450.08", "0.00"}));
    EXPECT_EQ(row(d, "Redemption curves", "2023-01").back(), "7188") << "B's purchase of 1 March is later";
    const auto lines = journal(d);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0][3], "0.00");
    EXPECT_EQ(lines[1][4], "0.00");
    EXPECT_NE(notes(d).find("No breakage to recognise in this period."), std::string::npos);

    // January 2025: 2023-01's 24th month ends on the 31st, so it counts from that day on, and
    // January recognises all of 2023-01's breakage to date at once.
    const report::Document jan = build("breakage", "2025-01-31", "2025-01-01");
    EXPECT_EQ(row(jan, "Breakage recognised", "Total"), (V{"1800.00", "1150.00", "650.00", "0.00", "450.08", "450.08"}));
    EXPECT_EQ(row(jan, "Redemption curves", "2023-01")[7], "7188") << "M24 is shown once month 24 has ended";
    EXPECT_EQ(row(build("breakage", "2025-01-30", "2025-01-01"), "Redemption curves", "2023-01")[7], "");
}

TEST_P(BreakageReportTest, WithoutACohortOldEnoughNoBreakageIsRecognised) {
    const report::Document d = build("breakage", "2024-12-31", "2024-12-01");
    EXPECT_NE(notes(d).find("No cohort is 24 months old by the end of 2024-12-31"), std::string::npos) << notes(d);
    EXPECT_EQ(row(d, "Expected unredeemed share", "Breakage rate"), (V{"0.00", "0.00", "0.00", "0"}));
    EXPECT_EQ(row(d, "Breakage recognised", "Total"), (V{"1800.00", "1150.00", "650.00", "0.00", "0.00", "0.00"}));
    EXPECT_EQ(d.parameters.back().second, "0.00%");
}

TEST_P(BreakageReportTest, ADayBeforeAnyLoadSaysSoAndStillRenders) {
    const report::Document d = build("breakage", "2022-12-31", "2022-12-01");
    EXPECT_NE(notes(d).find("No stored value was loaded by the end of 2022-12-31"), std::string::npos) << notes(d);
    EXPECT_EQ(row(d, "Breakage recognised", "Total"), (V{"0.00", "0.00", "0.00", "0.00", "0.00", "0.00"}));
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / ("md-breakage-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    for (const report::Format f : {report::Format::Csv, report::Format::Xlsx, report::Format::Pdf, report::Format::Html}) {
        const std::filesystem::path out = folder / ("empty." + report::format_code(f));
        EXPECT_NO_THROW(report::render(d, f, out.string()));
        EXPECT_GT(std::filesystem::file_size(out), 0u) << out;
    }
    std::filesystem::remove_all(folder);
}

TEST_P(BreakageReportTest, NeedsTheRightToSeeAccounts) {
    report::ReportParams p;
    p.as_of = parse_date("2025-03-31", "as_of");
    EXPECT_THROW(report::build_report(*services, sign_in_as(Role::Approver), "breakage", p), PermissionError);
    EXPECT_THROW(report::build_report(*services, sign_in_as(Role::Approver), "breakage_journal", p), PermissionError);
}

MD_ON_BOTH_BACKENDS(BreakageReportTest);
