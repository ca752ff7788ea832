#pragma once
// The what-if replay: one member's real movements of a period replayed under a set of rules
// (the programme in force, or a draft), giving the tier each ladder ends on, the discount given,
// the coins issued and the recharge bonus given. Pure; the service streams the members and adds up.
//
// Replay rules, written down because the approver reads the figures:
// - Movements before the period count as they were recorded.
// - In the period, in the order they happened: a purchase pays the list price at the best
//   discount of the tiers held just before it (half-up to the fen, as at the till), counts its
//   net as spend, and earns coins under the points rule (whole coins, truncated; none for an
//   excluded kind, none before the member joined the coin scheme); a cash recharge gets the
//   bonus the rules give for its amount; everything else (card loads, packages bought from
//   stored value, refunds, coins taken back) counts as recorded.
// - Points liability = coins issued in the period still valid at its end × the coin value.
#include "models/program.h"
#include "models/tier_engine.h"

#include <optional>
#include <vector>

namespace md {

enum class MovementSource { Purchase, CashRecharge, Other };
std::string movement_source_code(MovementSource source);  // "purchase", "cash_recharge", "other"
MovementSource parse_movement_source(const std::string& code);

// A qualifying movement as stored: the tier fact, and what produced it.
struct Movement {
    TierFact fact;
    MovementSource source = MovementSource::Other;
    Money list_price;   // purchases: before the tier discount
};

struct ReplayResult {
    std::vector<int> tiers;        // per ladder of the rules, in order: the tier at the end (-1 none)
    Money discount_given;          // list price − paid, over the period's purchases
    std::int64_t coins_issued = 0;
    std::int64_t coins_valid_at_end = 0;
    Money bonus_given;             // recharge bonus value (receive − pay)
};

// `before` holds the movements before the period (facts only); `period` those from its first day
// through `to`, in order. Coin membership starts on `coin_member_since` (none = never joined).
ReplayResult replay(const Program& rules, const MemberHistory& before, const std::vector<Movement>& period,
                    const std::optional<Date>& coin_member_since, const Date& to);

}  // namespace md
