#include "models/lifecycle_rule.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>

namespace md {

void validate(const LifecycleRule& rule) {
    if (rule.dormant_after_days < 1)
        throw ValidationError("lifecycle.dormant_after_days", std::to_string(rule.dormant_after_days),
                              subst(tr("lifecycle.dormant_after_days: {0} must be at least 1 day"),
                                    {std::to_string(rule.dormant_after_days)}));
    if (rule.lapsed_after_days <= rule.dormant_after_days)
        throw ValidationError("lifecycle.lapsed_after_days", std::to_string(rule.lapsed_after_days),
                              subst(tr("lifecycle.lapsed_after_days: {0} must be more than dormant_after_days ({1})"),
                                    {std::to_string(rule.lapsed_after_days), std::to_string(rule.dormant_after_days)}));
}

namespace {

bool on_or_before(const std::optional<Date>& d, const Date& as_of) { return d && *d <= as_of; }

// The last day with activity that is known on `as_of`. Only the first and last dates are kept,
// so when the last activity is after `as_of`, the first ones are the best known on that day.
Date last_known_activity(const ActivityFacts& f, const Date& as_of) {
    Date last = f.registered_on;
    if (on_or_before(f.last_activity_on, as_of)) last = std::max(last, *f.last_activity_on);
    if (on_or_before(f.first_recharge_on, as_of)) last = std::max(last, *f.first_recharge_on);
    if (on_or_before(f.first_purchase_on, as_of)) last = std::max(last, *f.first_purchase_on);
    return last;
}

}  // namespace

int inactive_days(const ActivityFacts& facts, const Date& as_of) {
    return static_cast<int>((as_of - last_known_activity(facts, as_of)).days());
}

std::optional<LifecycleState> lifecycle_state_on(const LifecycleRule& rule, const ActivityFacts& facts,
                                                 const Date& as_of) {
    if (as_of < facts.registered_on) return std::nullopt;
    const int idle = inactive_days(facts, as_of);
    if (idle >= rule.lapsed_after_days) return LifecycleState::Lapsed;
    if (idle >= rule.dormant_after_days) return LifecycleState::Dormant;
    if (on_or_before(facts.first_purchase_on, as_of)) return LifecycleState::Activated;
    if (on_or_before(facts.first_recharge_on, as_of)) return LifecycleState::Recharged;
    return LifecycleState::Registered;
}

}  // namespace md
