// The tier engine's table: the demo programme's three ladders, equality at a threshold, rolling
// windows crossing a boundary, the alternative qualification, downgrade after grace, packages
// counting for premium only, and an override expiring.
#include "models/tier_engine.h"

#include <gtest/gtest.h>

using namespace md;

namespace {

Date d(const char* iso) { return parse_date(iso, "day"); }
Money yuan(std::int64_t y) { return Money::from_yuan(y); }

Tier tier(const char* code, std::int64_t threshold, int paid_bp) {
    Tier t;
    t.code = code;
    t.name_en = code;
    t.threshold = yuan(threshold);
    t.discount = Discount::paying_basis_points(paid_bp);
    return t;
}

QualifyingCondition condition(LadderMeasure m, std::int64_t threshold, int months) {
    return QualifyingCondition{m, yuan(threshold), months};
}

// The demo programme's ladders (assets/demo/program.json), as the marketing team configured them.
TierLadder individual() {
    TierLadder l;
    l.code = "individual";
    l.name_en = "Individual";
    l.measure = LadderMeasure::CumulativeSpend;
    l.tiers = {tier("yellow_diamond", 1000, 9800), tier("red_diamond", 2000, 9500), tier("black_diamond", 3000, 9300)};
    return l;
}

TierLadder group() {
    TierLadder l;
    l.code = "group";
    l.name_en = "Group";
    l.measure = LadderMeasure::CumulativeRecharge;
    l.tiers = {tier("bronze", 5000, 9800), tier("silver", 10000, 9500), tier("gold", 20000, 9300)};
    return l;
}

TierLadder premium() {
    TierLadder l;
    l.code = "premium";
    l.name_en = "Premium";
    l.measure = LadderMeasure::LargestSingleRecharge;
    l.packages_count = true;
    l.tiers = {tier("private_connoisseur", 12000, 10000), tier("philanthropist", 32000, 10000),
               tier("lifetime_honorary", 50000, 10000)};
    l.tiers[1].alternatives = {{{condition(LadderMeasure::SpendWithinMonths, 30000, 6)}}};
    l.tiers[2].alternatives = {{{condition(LadderMeasure::LargestSingleRecharge, 32000, 0),
                                 condition(LadderMeasure::CumulativeRecharge, 60000, 12)}}};
    return l;
}

TierFact fact(const char* day, FactKind kind, std::int64_t amount_yuan) { return {d(day), kind, yuan(amount_yuan)}; }

MemberHistory history(std::vector<TierFact> facts, const char* joined = "2025-01-01") {
    return MemberHistory{d(joined), std::move(facts)};
}

std::string code_on(const TierLadder& l, const MemberHistory& h, const char* day,
                    const std::optional<TierOverride>& o = std::nullopt) {
    return evaluate(l, h, d(day), o).tier_code(l);
}

}  // namespace

TEST(TierEngine, IndividualLadderByCumulativeSpendWithEqualityAtEachThreshold) {
    const TierLadder l = individual();
    struct Row {
        std::int64_t spent;
        const char* tier;
    } rows[] = {{0, ""}, {999, ""}, {1000, "yellow_diamond"}, {1999, "yellow_diamond"}, {2000, "red_diamond"},
                {2999, "red_diamond"}, {3000, "black_diamond"}, {90000, "black_diamond"}};
    for (const Row& r : rows) {
        const auto h = r.spent ? history({fact("2026-03-01", FactKind::Spend, r.spent)}) : history({});
        EXPECT_EQ(code_on(l, h, "2026-03-01"), r.tier) << "spent " << r.spent;
    }
    // One fen short stays below; the purchase on the day counts toward its own tier.
    const MemberHistory short_by_a_fen{d("2025-01-01"), {{d("2026-03-01"), FactKind::Spend, Money::from_fen(99999)}}};
    EXPECT_EQ(code_on(l, short_by_a_fen, "2026-03-01"), "");
    const auto h = history({fact("2026-03-01", FactKind::Spend, 600), fact("2026-03-02", FactKind::Spend, 400)});
    EXPECT_EQ(code_on(l, h, "2026-03-01"), "");
    EXPECT_EQ(code_on(l, h, "2026-03-02"), "yellow_diamond");
    const Standing s = evaluate(l, h, d("2026-03-02"));
    EXPECT_EQ(s.measure, yuan(1000));
    EXPECT_EQ(s.rule, "threshold");
    EXPECT_EQ(s.next, 1);
    EXPECT_EQ(s.to_next, yuan(1000));
    EXPECT_FALSE(s.window_from.has_value());
}

TEST(TierEngine, GroupLadderByCumulativeRechargeIgnoresSpendAndBonus) {
    const TierLadder l = group();
    const auto h = history({fact("2026-01-05", FactKind::Recharge, 4000), fact("2026-02-05", FactKind::Spend, 9000),
                            fact("2026-03-05", FactKind::Recharge, 1000), fact("2026-04-05", FactKind::Recharge, 15000)});
    EXPECT_EQ(code_on(l, h, "2026-02-28"), "");
    EXPECT_EQ(code_on(l, h, "2026-03-05"), "bronze");  // 5,000 exactly
    EXPECT_EQ(code_on(l, h, "2026-04-05"), "gold");    // 20,000 exactly
}

TEST(TierEngine, PremiumLadderByLargestSingleRechargeAndItsAlternatives) {
    const TierLadder l = premium();
    // Two recharges of 11,000 are not one of 12,000.
    EXPECT_EQ(code_on(l, history({fact("2026-01-01", FactKind::Recharge, 11000), fact("2026-01-02", FactKind::Recharge, 11000)}),
                      "2026-02-01"),
              "");
    EXPECT_EQ(code_on(l, history({fact("2026-01-01", FactKind::Recharge, 12000)}), "2026-01-01"), "private_connoisseur");
    EXPECT_EQ(code_on(l, history({fact("2026-01-01", FactKind::Recharge, 50000)}), "2026-01-01"), "lifetime_honorary");

    // Lifetime Honorary by the alternative: a single 32,000 plus 60,000 within 12 months.
    const auto alt = history({fact("2025-03-10", FactKind::Recharge, 32000), fact("2025-09-01", FactKind::Recharge, 20000),
                              fact("2026-03-10", FactKind::Recharge, 8000)});
    // On 2026-03-10 the window is 2025-03-11..2026-03-10: the 32,000 has just left it (28,000 in it).
    EXPECT_EQ(code_on(l, alt, "2026-03-10"), "philanthropist");
    const auto in_time = history({fact("2025-03-10", FactKind::Recharge, 32000), fact("2025-09-01", FactKind::Recharge, 20000),
                                  fact("2026-03-09", FactKind::Recharge, 8000)});
    const Standing s = evaluate(l, in_time, d("2026-03-09"));
    EXPECT_EQ(s.tier_code(l), "lifetime_honorary");
    EXPECT_EQ(s.rule, "alternative 1");
    // 31,999.99 single plus 60,000 is not enough.
    const MemberHistory just_short{d("2025-01-01"),
                                   {{d("2026-01-01"), FactKind::Recharge, Money::from_fen(3199999)},
                                    {d("2026-02-01"), FactKind::Recharge, Money::from_fen(2800001)}}};
    EXPECT_EQ(code_on(l, just_short, "2026-02-01"), "private_connoisseur");

    // Philanthropist by spending 30,000 within 6 months.
    const auto spender = history({fact("2026-01-01", FactKind::Recharge, 12000), fact("2026-02-01", FactKind::Spend, 10000),
                                  fact("2026-07-01", FactKind::Spend, 20000)});
    EXPECT_EQ(code_on(l, spender, "2026-07-01"), "philanthropist");  // window 2026-01-02..07-01
    const auto too_slow = history({fact("2026-01-01", FactKind::Recharge, 12000), fact("2026-01-01", FactKind::Spend, 10000),
                                   fact("2026-07-01", FactKind::Spend, 20000)});
    EXPECT_EQ(evaluate(l, too_slow, d("2026-07-01")).earned_now, 0);  // the 1 January spend left the window
}

TEST(TierEngine, RollingWindowCrossesMonthEndsAndYearBoundary) {
    TierLadder l = individual();
    l.window = LadderWindow::RollingMonths;
    l.window_months = 12;
    l.downgrade = DowngradePolicy::AfterGraceDays;
    l.grace_days = 1;
    const auto h = history({fact("2025-12-31", FactKind::Spend, 600), fact("2026-02-28", FactKind::Spend, 400)});
    EXPECT_EQ(code_on(l, h, "2026-12-30"), "yellow_diamond");
    // 2026-12-31: the window is 2026-01-01..2026-12-31; grace of one day keeps it that day...
    const Standing last = evaluate(l, h, d("2026-12-31"));
    EXPECT_EQ(last.earned_now, -1);
    EXPECT_EQ(last.rule, "held");
    EXPECT_EQ(last.tier_code(l), "yellow_diamond");
    // ...and the day after it is gone.
    EXPECT_EQ(code_on(l, h, "2027-01-01"), "");
    // Month-end clamping: 12 months before 2027-02-28 is 2026-02-28, so the window starts 2026-03-01.
    EXPECT_EQ(months_before(d("2027-02-28"), 12), d("2026-02-28"));
    EXPECT_EQ(months_before(d("2026-03-31"), 1), d("2026-02-28"));
    EXPECT_EQ(months_before(d("2024-03-30"), 1), d("2024-02-29"));
    EXPECT_EQ(*window_start(LadderWindow::RollingMonths, 6, d("2025-01-01"), d("2026-08-31")), d("2026-03-01"));
    EXPECT_EQ(*window_start(LadderWindow::CalendarYear, 0, d("2025-01-01"), d("2026-08-31")), d("2026-01-01"));
    EXPECT_EQ(*window_start(LadderWindow::MembershipYear, 0, d("2024-02-29"), d("2026-02-27")), d("2025-02-28"));
    EXPECT_EQ(*window_start(LadderWindow::MembershipYear, 0, d("2024-02-29"), d("2026-02-28")), d("2026-02-28"));
}

TEST(TierEngine, DowngradeAfterGraceKeepsTheTierForTheGraceDaysOnly) {
    TierLadder l = individual();
    l.window = LadderWindow::RollingMonths;
    l.window_months = 12;
    l.downgrade = DowngradePolicy::AfterGraceDays;
    l.grace_days = 30;
    const auto h = history({fact("2025-01-10", FactKind::Spend, 2000)});
    EXPECT_EQ(code_on(l, h, "2026-01-09"), "red_diamond");  // last day in the window
    const Standing held = evaluate(l, h, d("2026-01-10"));
    EXPECT_EQ(held.earned_now, -1);
    EXPECT_EQ(held.tier_code(l), "red_diamond");
    EXPECT_EQ(held.rule, "held");
    EXPECT_EQ(code_on(l, h, "2026-02-08"), "red_diamond");  // 30 days back is 2026-01-09
    EXPECT_EQ(code_on(l, h, "2026-02-09"), "");

    // Never downgrade keeps it for good; at window end keeps it through the next window.
    l.downgrade = DowngradePolicy::Never;
    EXPECT_EQ(code_on(l, h, "2030-01-01"), "red_diamond");
    l.window = LadderWindow::CalendarYear;
    l.downgrade = DowngradePolicy::AtWindowEnd;
    EXPECT_EQ(code_on(l, h, "2026-12-31"), "red_diamond");
    EXPECT_EQ(code_on(l, h, "2027-01-01"), "");
}

TEST(TierEngine, MealPackagesCountForPremiumButNotForTheIndividualLadder) {
    const auto h = history({fact("2026-05-01", FactKind::Package, 12000)});
    EXPECT_EQ(code_on(premium(), h, "2026-05-01"), "private_connoisseur");
    EXPECT_EQ(code_on(individual(), h, "2026-05-01"), "");
    TierLadder counting = individual();
    counting.packages_count = true;
    EXPECT_EQ(code_on(counting, h, "2026-05-01"), "black_diamond");
}

TEST(TierEngine, RefundsLowerSpendButANeverDowngradeLadderKeepsWhatWasEarned) {
    const auto h = history({fact("2026-01-01", FactKind::Spend, 1200), fact("2026-01-05", FactKind::Spend, -300)});
    const Standing s = evaluate(individual(), h, d("2026-01-05"));
    EXPECT_EQ(s.measure, yuan(900));
    EXPECT_EQ(s.earned_now, -1);
    EXPECT_EQ(s.tier_code(individual()), "yellow_diamond");  // the ladder never downgrades
    EXPECT_EQ(s.reached_on, d("2026-01-01"));
}

TEST(TierEngine, AnOverrideAppliesFromItsStartThroughItsLastDayThenTheComputedTierReturns) {
    const TierLadder l = individual();
    const auto h = history({fact("2026-01-01", FactKind::Spend, 1000)});
    TierOverride o;
    o.id = 7;
    o.ladder = "individual";
    o.tier = "black_diamond";
    o.reason = "complaint settlement";
    o.starts = d("2026-02-01");
    o.expires = d("2026-02-28");
    EXPECT_EQ(code_on(l, h, "2026-01-31", o), "yellow_diamond");
    const Standing during = evaluate(l, h, d("2026-02-01"), o);
    EXPECT_EQ(during.tier_code(l), "black_diamond");
    EXPECT_EQ(during.rule, "override");
    EXPECT_EQ(during.earned_now, 0);
    EXPECT_EQ(code_on(l, h, "2026-02-28", o), "black_diamond");
    EXPECT_EQ(code_on(l, h, "2026-03-01", o), "yellow_diamond");
}

TEST(TierEngine, ALadderRanksOnlyTheMemberTypesItAppliesTo) {
    TierLadder l = group();
    l.member_types = {"group"};
    MemberHistory h = history({fact("2026-01-05", FactKind::Recharge, 6000)});
    EXPECT_EQ(code_on(l, h, "2026-01-05"), "");  // an individual member
    h.member_type = "group";
    EXPECT_EQ(code_on(l, h, "2026-01-05"), "bronze");
}

TEST(TierEngine, PointsEarnedCountsCoinsLessThoseTakenBack) {
    TierLadder l = individual();
    l.measure = LadderMeasure::PointsEarned;
    const auto h = history({fact("2026-01-01", FactKind::Coins, 1100), fact("2026-01-02", FactKind::Coins, -100),
                            fact("2026-01-03", FactKind::Spend, 5000)});
    const Standing s = evaluate(l, h, d("2026-01-03"));
    EXPECT_EQ(s.measure, yuan(1000));
    EXPECT_EQ(s.earned_now, 0);
}
