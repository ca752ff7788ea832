// The generated member base: deterministic per seed, shared prefix across sizes, the tier mix
// near 3 : 5 : 2 (plus about a tenth below the first tier), busier weekends, unique mobiles.
#include "models/demo_population.h"

#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace md;

namespace {
const DemoPeriod kPeriod{parse_date("2024-11-16", "from"), parse_date("2026-11-15", "to")};
}

TEST(DemoPopulation, TheSameSeedGivesTheSamePeopleAndAnotherSeedOthers) {
    for (long long i : {0LL, 1LL, 999LL, 123456LL}) {
        const DemoPerson a = demo_person(7, i, kPeriod), b = demo_person(7, i, kPeriod), c = demo_person(8, i, kPeriod);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.mobile, b.mobile);
        EXPECT_EQ(a.registered, b.registered);
        EXPECT_EQ(a.target_spend, b.target_spend);
        EXPECT_EQ(demo_purchase_days(7, a, kPeriod), demo_purchase_days(7, b, kPeriod));
        EXPECT_NE(a.mobile, c.mobile);
    }
}

TEST(DemoPopulation, MobilesAreElevenDigitsAndUnique) {
    std::set<std::string> seen;
    for (long long i = 0; i < 50000; ++i) {
        const std::string m = demo_person(1, i, kPeriod).mobile;
        ASSERT_EQ(m.size(), 11u) << m;
        ASSERT_EQ(m[0], '1') << m;
        ASSERT_TRUE(seen.insert(m).second) << "duplicate " << m << " at " << i;
    }
}

TEST(DemoPopulation, TheTierMixIsNearThreeFiveTwoWithATenthBelowTheFirstTier) {
    std::map<SpendClass, int> count;
    const int n = 20000;
    for (long long i = 0; i < n; ++i) ++count[demo_person(3, i, kPeriod).spend_class];
    EXPECT_NEAR(count[SpendClass::BelowFirstTier] * 1000 / n, 100, 15);
    const int tiered = n - count[SpendClass::BelowFirstTier];
    EXPECT_NEAR(count[SpendClass::Yellow] * 1000 / tiered, 300, 20);
    EXPECT_NEAR(count[SpendClass::Red] * 1000 / tiered, 500, 20);
    EXPECT_NEAR(count[SpendClass::Black] * 1000 / tiered, 200, 20);
    // Spend targets sit inside their tier's band (1000 / 2000 / 3000 yuan, inclusive).
    for (long long i = 0; i < 2000; ++i) {
        const DemoPerson p = demo_person(3, i, kPeriod);
        if (p.spend_class == SpendClass::Red) {
            EXPECT_GE(p.target_spend, 200000);
            EXPECT_LT(p.target_spend, 300000);
        }
    }
}

TEST(DemoPopulation, PurchasesFallInThePeriodAfterRegistrationAndWeekendsAreBusier) {
    long long weekend = 0, weekday = 0;
    for (long long i = 0; i < 20000; ++i) {
        const DemoPerson p = demo_person(5, i, kPeriod);
        const auto days = demo_purchase_days(5, p, kPeriod);
        EXPECT_TRUE(std::is_sorted(days.begin(), days.end()));
        for (const Date& d : days) {
            ASSERT_GE(d, kPeriod.first_day);
            ASSERT_LE(d, kPeriod.last_day);
            ASSERT_GE(d, p.registered);
            const int w = d.day_of_week().as_number();
            (w == 0 || w >= 5 ? weekend : weekday) += 1;
        }
    }
    // Per day: three weekend days against four weekdays, weighted 1400 : 800.
    EXPECT_GT(weekend * 4, weekday * 3 * 3 / 2);
}

TEST(DemoPopulation, DayWeightsFollowTheSeasonAndTheWeek) {
    EXPECT_GT(demo_day_weight(parse_date("2026-11-13", "d")), demo_day_weight(parse_date("2026-11-12", "d")));  // Fri > Thu
    EXPECT_GT(demo_day_weight(parse_date("2026-11-12", "d")), demo_day_weight(parse_date("2026-08-13", "d")));  // Nov > Aug
}
