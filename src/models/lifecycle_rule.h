#pragma once
// The member lifecycle of domain.md §2: registered → recharged → activated → dormant → lapsed.
// The first three follow what a member has done; dormant and lapsed follow how long they have
// done nothing, by thresholds that marketing configures (a programme item under approval).
#include "models/member.h"
#include "models/timestamps.h"

#include <optional>

namespace md {

struct LifecycleRule {
    int dormant_after_days = 90;   // inclusive: exactly 90 days without activity is dormant
    int lapsed_after_days = 365;   // inclusive
    bool operator==(const LifecycleRule&) const = default;
};

// Both thresholds at least one day, and lapsed strictly after dormant.
void validate(const LifecycleRule& rule);

// What the registry knows of a member's activity. Purchases and recharges are the activity
// (domain.md §2); the dates come from the ledger as it records them.
struct ActivityFacts {
    Date registered_on;
    std::optional<Date> first_recharge_on;
    std::optional<Date> first_purchase_on;
    std::optional<Date> last_activity_on;
};

// The state a member is in on `as_of`. Activity dated after `as_of` is not counted; a member
// with no activity counts their inactivity from registration. None when the member had not
// registered yet on `as_of`.
std::optional<LifecycleState> lifecycle_state_on(const LifecycleRule& rule, const ActivityFacts& facts,
                                                 const Date& as_of);

// Days without activity on `as_of` (0 on the day of the last activity).
int inactive_days(const ActivityFacts& facts, const Date& as_of);

}  // namespace md
