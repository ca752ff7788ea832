#pragma once
// The whole programme in force on a date: what `program export` writes and the demo carries.
#include "models/campaign.h"
#include "models/committee_seat.h"
#include "models/complaint_policy.h"
#include "models/lifecycle_rule.h"
#include "models/meal_package.h"
#include "models/points_rule.h"
#include "models/prepaid_offer.h"
#include "models/stored_value_rule.h"
#include "models/tier_ladder.h"

#include <optional>
#include <vector>

namespace md {

struct Program {
    std::vector<TierLadder> ladders;
    std::optional<PointsRule> points;
    std::vector<Denomination> denominations;
    std::vector<RechargeBonus> bonuses;
    std::vector<MealPackage> packages;
    std::vector<CommitteeSeat> committee;
    std::optional<LifecycleRule> lifecycle;
    std::optional<StoredValueRule> stored_value;  // none: principal, bonus, compensation
    std::vector<Campaign> campaigns;              // approved and not cancelled
    // The complaint desk's settings; none: the models' defaults (default_business_calendar(),
    // default_complaint_policy()).
    std::optional<BusinessCalendar> business_calendar;
    std::optional<ComplaintPolicy> complaint_policy;
    bool operator==(const Program&) const = default;
};

}  // namespace md
