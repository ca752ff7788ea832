#include "services/campaign_results.h"

#include "db/campaign_activity_repository.h"
#include "db/member_repository.h"
#include "db/tier_repository.h"
#include "services/campaign_effects.h"

#include <limits>
#include <map>
#include <set>

namespace md {

std::optional<int> rate_bp(std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0) return std::nullopt;
    return static_cast<int>((numerator * 20000 + denominator) / (2 * denominator));
}

CampaignResults CampaignResultsService::results(const Actor& actor, const std::string& code, std::optional<Date> through) {
    CampaignResults out;
    out.campaign = campaigns_.show(actor, code);  // checks the actor may view the programme
    const Date today = to_business_time(clock_()).date();
    out.as_of = through && *through < today ? *through : today;
    const Campaign& c = out.campaign.campaign;

    // The days run so far. A birthday campaign's span is its whole period: each member's month
    // lies within it, so its days are the period's.
    std::set<Date> days;
    for (const Span& s : out.campaign.spans) {
        const Date last = (s.to - boost::posix_time::seconds(1)).date();
        for (Date d = s.from.date(); d <= last && d <= out.as_of; d += boost::gregorian::days(1)) days.insert(d);
    }
    out.campaign_days = static_cast<int>(days.size());

    const Program program = program_.program_as_of(actor, out.as_of);
    out.coin_value = program.points ? program.points->coin_value : Money::from_yuan(1);
    CampaignActivityRepository activity_repo(db_);
    out.coins_granted = activity_repo.coins_granted(c.code, out.as_of);
    out.actual_cost = Money::from_fen(out.coins_granted * out.coin_value.fen());

    // Each run of consecutive days read at once.
    std::map<std::int64_t, CampaignDayActivity> activity;
    for (auto it = days.begin(); it != days.end();) {
        const Date from = *it;
        Date through = from;
        while (++it != days.end() && *it == through + boost::gregorian::days(1)) through = *it;
        activity_repo.add_activity(from, through, activity);
        if (c.target.everyone())
            out.new_members += activity_repo.members_joined(business_day_start_utc(from),
                                                            business_day_start_utc(through + boost::gregorian::days(1)));
    }
    std::set<std::int64_t> participants;
    auto count_participant = [&](std::int64_t member, const CampaignDayActivity& a) {
        if (a.purchases == 0) return;
        participants.insert(member);
        ++out.participants;
        if (a.purchases >= 2) ++out.repurchasers;
        out.coins_earned += a.coins_earned;
        out.coins_redeemed += a.coins_redeemed;
        out.sales = Money::from_fen(out.sales.fen() + a.sales);
    };

    if (c.target.everyone()) {
        // Aimed at everyone: counts are enough, no member need be read (a member day at a million
        // members stays an aggregate query).
        out.targeted = activity_repo.members();
        for (const auto& [member, a] : activity) count_participant(member, a);
    } else {
        count_targeted(c, days, activity, count_participant, out);
    }
    // The baseline: the same participants on the four weeks before the first campaign day.
    if (!days.empty()) {
        std::map<std::int64_t, CampaignDayActivity> before;
        const Date first = *days.begin();
        activity_repo.add_activity(first - boost::gregorian::days(kBaselineDays), first - boost::gregorian::days(1), before);
        std::int64_t baseline = 0;
        for (std::int64_t member : participants)
            if (const auto b = before.find(member); b != before.end()) baseline += b->second.sales;
        // ÷ 28 × campaign days, to the fen, half up (sales can be negative after refunds).
        const std::int64_t scaled = baseline * out.campaign_days * 2 / kBaselineDays;
        out.baseline_sales = Money::from_fen(scaled >= 0 ? (scaled + 1) / 2 : -((-scaled + 1) / 2));
    }
    out.incremental_sales = Money::from_fen(out.sales.fen() - out.baseline_sales.fen());
    out.participation_bp = rate_bp(out.participants, out.targeted);
    out.repurchase_bp = rate_bp(out.repurchasers, out.participants);
    out.redemption_bp = rate_bp(out.coins_redeemed, out.coins_earned);
    if (out.new_members > 0)
        out.cost_per_new_member = Money::from_fen((out.actual_cost.fen() * 2 + out.new_members) / (2 * out.new_members));
    return out;
}

void CampaignResultsService::count_targeted(const Campaign& c, const std::set<Date>& days,
                                            const std::map<std::int64_t, CampaignDayActivity>& activity,
                                            const std::function<void(std::int64_t, const CampaignDayActivity&)>& count_participant,
                                            CampaignResults& out) {
    // One pass over the members: who joined on a campaign day, whom the target reaches, and of
    // those, who took part. Tiers are read only when the target names some.
    std::map<std::int64_t, HeldTiers> held;
    if (!c.target.tiers.empty())
        held = TierRepository(db_).held_between(0, std::numeric_limits<std::int64_t>::max());
    const HeldTiers none;
    MemberRepository(db_).for_each([&](const Member& m) {
        if (days.count(to_business_time(m.created_at).date())) ++out.new_members;
        const auto h = held.find(m.id);
        if (!targets(c.target, facts_of(m, h == held.end() ? none : h->second))) return;
        ++out.targeted;
        if (const auto a = activity.find(m.id); a != activity.end()) count_participant(m.id, a->second);
    });
}

}  // namespace md
