#pragma once
// What campaigns add to a posting while they run: the coin multipliers of campaigns aimed at
// the member (double points, member days). Pure rules live in models/campaign; this joins them
// to what the database knows of the member (tiers held, state, tags).
#include "db/tier_repository.h"
#include "models/member.h"
#include "models/program.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace md {

// What a campaign's target is checked against: the tiers held ("ladder:tier"), state and tags.
TargetFacts facts_of(const Member& member, const HeldTiers& held);

struct CampaignCoins {
    std::string campaign;  // code
    std::int64_t coins = 0;
};

// The extra coins for `base` coins earned at `business_time` (UTC+8), one entry per campaign
// that adds any, in the programme's order. The stacking rule of the points rule decides how
// several multipliers combine; with "highest" the highest campaign gets all of the extra, with
// "multiply" each campaign gets what its factor adds on top of the ones before it, so the
// entries add up to floor(base × combined) − base exactly. `held` is asked only when a
// multiplier campaign is running.
std::vector<CampaignCoins> campaign_coins(const Program& rules, const Member& member,
                                          const std::function<HeldTiers()>& held, const Instant& business_time,
                                          std::int64_t base);

// The referral campaign a referred member's first purchase at `business_time` qualifies for:
// running, aimed at the buyer, with coins to give (the first in the programme's order), or none.
const Campaign* referral_for(const Program& rules, const Member& buyer, const std::function<HeldTiers()>& held,
                             const Instant& business_time);

}  // namespace md
