#include "services/campaign_effects.h"

#include <algorithm>

namespace md {

TargetFacts facts_of(const Member& member, const HeldTiers& held) {
    TargetFacts facts;
    for (const auto& [ladder, tier] : held) facts.tiers.push_back(ladder + ":" + tier.tier);
    facts.state = lifecycle_code(member.state);
    facts.tags = member.tags;
    return facts;
}

const Campaign* referral_for(const Program& rules, const Member& buyer, const std::function<HeldTiers()>& held,
                             const Instant& business_time) {
    std::optional<TargetFacts> facts;
    for (const Campaign& c : rules.campaigns) {
        if (c.type != CampaignType::Referral || c.referral_coins <= 0 || !running_at(c, business_time)) continue;
        if (!facts) facts = facts_of(buyer, held());
        if (targets(c.target, *facts)) return &c;
    }
    return nullptr;
}

std::vector<CampaignCoins> campaign_coins(const Program& rules, const Member& member,
                                          const std::function<HeldTiers()>& held, const Instant& business_time,
                                          std::int64_t base) {
    std::vector<CampaignCoins> out;
    if (base <= 0 || !rules.points) return out;
    std::vector<const Campaign*> running;
    for (const Campaign& c : rules.campaigns) {
        if (c.coin_multiplier_pct == 100 || !running_at(c, business_time)) continue;
        // A birthday campaign's multiplier is for the member's own birthday month.
        if (c.recurrence.kind == RecurrenceKind::BirthdayMonth &&
            (!member.birthday || member.birthday->month() != business_time.date().month()))
            continue;
        running.push_back(&c);
    }
    if (running.empty()) return out;

    const TargetFacts facts = facts_of(member, held());
    std::erase_if(running, [&](const Campaign* c) { return !targets(c->target, facts); });
    if (running.empty()) return out;

    if (rules.points->stacking == MultiplierStacking::Highest) {
        const Campaign* best = *std::max_element(running.begin(), running.end(), [](const Campaign* a, const Campaign* b) {
            return a->coin_multiplier_pct < b->coin_multiplier_pct;
        });
        if (const std::int64_t extra = extra_coins(base, best->coin_multiplier_pct); extra != 0)
            out.push_back({best->code, extra});
        return out;
    }
    std::vector<int> factors;
    std::int64_t before = 0;
    for (const Campaign* c : running) {
        factors.push_back(c->coin_multiplier_pct);
        const std::int64_t so_far = extra_coins(base, combined_multiplier(*rules.points, factors));
        if (so_far != before) out.push_back({c->code, so_far - before});
        before = so_far;
    }
    return out;
}

}  // namespace md
