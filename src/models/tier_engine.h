#pragma once
// The tier engine: which tier of a ladder a member holds on a day, and why. Pure: it sees the
// member's qualifying movements (spend, package purchases, recharges, coins earned, each on its
// business day) and the ladder in force, nothing else.
//
// Rules written down here because the screens and the CLI repeat them:
// - Thresholds are inclusive, and a movement on the day itself counts (the purchase or recharge
//   counts toward its own tier).
// - Windows: lifetime; rolling N months = the N months ending on the day, i.e. from the day
//   after "the same day N months earlier" (clamped to the month's end) through the day;
//   calendar year = 1 January through the day; membership year = the last anniversary of
//   joining (29 February → 28 February) through the day.
// - Measures: cumulative spend = purchases paid minus refunds; cumulative recharge = cash paid
//   and card face values loaded (bonus value never counts); largest single recharge = the
//   largest one in the window; spend within N months = spend in the N months ending on the
//   day; points earned = coins earned minus coins taken back (a threshold of "1000.00" means
//   1,000 coins). Meal-package purchases count as spend, and as a single payment for the
//   largest-single measure, only on a ladder where packages count.
// - A tier is earned on a day when the measure reaches its threshold or every condition of any
//   one of its alternatives holds; an alternative's condition with months = 0 uses the ladder's
//   window.
// - Downgrade policy: never = the best tier ever earned; at window end = the best tier earned
//   in the current or the previous window; after N days of grace = the best tier earned on any
//   day of the last N days. The best over a span is reached on its first day or on a day with
//   a movement, so only those days are evaluated.
// - A manual override in force on the day replaces the computed tier.
// - A ladder that does not apply to the member's type gives no tier.
#include "models/money.h"
#include "models/tier_ladder.h"
#include "models/timestamps.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

enum class FactKind { Spend, Package, Recharge, Coins };
std::string fact_kind_code(FactKind kind);  // "spend", "package", "recharge", "coins"
FactKind parse_fact_kind(const std::string& code);

struct TierFact {
    Date day;
    FactKind kind = FactKind::Spend;
    Money amount;  // signed; coins as whole coins in yuan units (1 coin = 1.00)
};

struct MemberHistory {
    Date joined;                  // for the membership-year window
    std::vector<TierFact> facts;  // sorted by day
    std::string member_type = "individual";  // a ladder ranks only the types it applies to
};

struct TierOverride {
    std::int64_t id = 0;
    std::string ladder;
    std::string tier;
    std::string reason;
    Date starts;
    Date expires;   // last day it applies
    std::string by;
    bool in_force_on(const Date& day) const { return starts <= day && day <= expires; }
};

// What the engine found, and the parts of "why this tier".
struct Standing {
    std::string ladder;
    int tier = -1;                     // index into ladder.tiers; -1 = below the first tier
    int earned_now = -1;               // the tier the current window alone earns
    Money measure;                     // the ladder's measure over the current window
    std::optional<Date> window_from;   // none = lifetime
    Date window_to;
    std::string rule;                  // "threshold", "alternative 2", "held", "override", "none"
    std::optional<Date> reached_on;    // first day of the span on which the held tier was earned
    int next = -1;                     // the tier above, -1 = none
    Money to_next;                     // how much more of the measure reaches it
    std::optional<TierOverride> override;
    std::string tier_code(const TierLadder& ladder) const {
        return tier < 0 ? std::string() : ladder.tiers[static_cast<std::size_t>(tier)].code;
    }
};

Standing evaluate(const TierLadder& ladder, const MemberHistory& history, const Date& as_of,
                  const std::optional<TierOverride>& override = std::nullopt);

// The tier a ladder's current window alone earns on `day`, and which rule matched.
int earned_on(const TierLadder& ladder, const MemberHistory& history, const Date& day, std::string* rule = nullptr);

// The first day of the window ending on `day` (none = lifetime).
std::optional<Date> window_start(LadderWindow window, int months, const Date& joined, const Date& day);
// The same day `months` earlier, clamped to that month's last day (31 March − 1 = 28/29 Feb).
Date months_before(const Date& day, int months);

// The measure over [from, to] (from = none: everything up to `to`).
Money measure_over(LadderMeasure measure, bool packages_count, const std::vector<TierFact>& facts,
                   const std::optional<Date>& from, const Date& to);

}  // namespace md
