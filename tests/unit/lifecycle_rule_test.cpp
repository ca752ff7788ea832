#include "models/errors.h"
#include "models/lifecycle_rule.h"

#include <gtest/gtest.h>

using namespace md;

namespace {
Date d(const char* text) { return parse_date(text, "test"); }
const LifecycleRule kRule{90, 365};
}  // namespace

TEST(LifecycleRule, ThresholdsAreInclusive) {
    ActivityFacts f{d("2025-01-01"), d("2025-01-01"), d("2025-01-02"), d("2026-01-01")};
    EXPECT_EQ(lifecycle_state_on(kRule, f, d("2026-03-31")), LifecycleState::Activated);  // 89 days idle
    EXPECT_EQ(lifecycle_state_on(kRule, f, d("2026-04-01")), LifecycleState::Dormant);    // exactly 90
    EXPECT_EQ(lifecycle_state_on(kRule, f, d("2026-12-31")), LifecycleState::Dormant);    // 364
    EXPECT_EQ(lifecycle_state_on(kRule, f, d("2027-01-01")), LifecycleState::Lapsed);     // exactly 365
}

TEST(LifecycleRule, StatesFollowWhatTheMemberHasDoneByThatDay) {
    ActivityFacts f{d("2026-01-01"), d("2026-02-01"), d("2026-03-01"), d("2026-03-01")};
    EXPECT_EQ(lifecycle_state_on(kRule, f, d("2025-12-31")), std::nullopt);  // not yet a member
    EXPECT_EQ(lifecycle_state_on(kRule, f, d("2026-01-15")), LifecycleState::Registered);
    EXPECT_EQ(lifecycle_state_on(kRule, f, d("2026-02-15")), LifecycleState::Recharged);
    EXPECT_EQ(lifecycle_state_on(kRule, f, d("2026-03-15")), LifecycleState::Activated);
}

TEST(LifecycleRule, NoActivityCountsFromRegistrationAndLaterActivityIsNotSeen) {
    ActivityFacts never{d("2026-01-01"), std::nullopt, std::nullopt, std::nullopt};
    EXPECT_EQ(inactive_days(never, d("2026-04-01")), 90);
    EXPECT_EQ(lifecycle_state_on(kRule, never, d("2026-04-01")), LifecycleState::Dormant);
    // On 2026-05-01 only the first recharge (2026-01-10) had happened; the last activity is later.
    ActivityFacts later{d("2026-01-01"), d("2026-01-10"), std::nullopt, d("2026-09-01")};
    EXPECT_EQ(inactive_days(later, d("2026-05-01")), 111);
    EXPECT_EQ(lifecycle_state_on(kRule, later, d("2026-05-01")), LifecycleState::Dormant);
    EXPECT_EQ(lifecycle_state_on(kRule, later, d("2026-09-02")), LifecycleState::Recharged);
}

TEST(LifecycleRule, ValidationNamesTheField) {
    try {
        validate(LifecycleRule{0, 365});
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "lifecycle.dormant_after_days");
        EXPECT_EQ(e.value(), "0");
    }
    try {
        validate(LifecycleRule{90, 90});
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "lifecycle.lapsed_after_days");
        EXPECT_EQ(e.value(), "90");
    }
    EXPECT_NO_THROW(validate(LifecycleRule{90, 91}));
}
