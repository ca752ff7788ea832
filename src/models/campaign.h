#pragma once
// Member campaigns (营销活动, domain.md §7): what a campaign is, who it is aimed at, when it
// runs, and the effects on coins it has while it runs. A campaign is a programme item (kind
// "campaign"): proposing, approving (launching) and changing it go through the approval workflow;
// retiring it cancels it.
//
// Rules as written:
// - A campaign runs from `starts_at` to `ends_at` (business time, UTC+8). With a recurrence,
//   each occurrence starts on its day at the starting time and lasts as long as the first.
// - A member is targeted when they match every list that is given (tiers, lifecycle states,
//   tags); within a list, any entry matches. Empty lists: everyone. Clubs are member tags.
// - Coin multipliers (×N, in hundredths: 200 = ×2) apply to the coins a purchase earns while a
//   campaign aimed at the member runs. When several meet, the points rule's stacking rule
//   decides: the highest applies, or they multiply. Coins stay whole: the extra coins are
//   floor(base × multiplier) − base.
#include "models/money.h"
#include "models/recurrence.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

enum class CampaignType { MemberDay, Birthday, FlashSale, DoublePoints, Referral, ClubEvent, PartnerEvent, StoryContest, Other };
std::string campaign_type_code(CampaignType t);  // "member_day", "birthday", ...
CampaignType parse_campaign_type(const std::string& code, const std::string& field);
const std::vector<CampaignType>& all_campaign_types();

struct CampaignTarget {
    std::vector<std::string> tiers;   // "ladder:tier", e.g. "individual:red_diamond"
    std::vector<std::string> states;  // lifecycle codes, e.g. "activated"
    std::vector<std::string> tags;    // member tags (clubs too: "妈妈俱乐部")
    bool everyone() const { return tiers.empty() && states.empty() && tags.empty(); }
    bool operator==(const CampaignTarget&) const = default;
};

// What is known of a member when a campaign's target is checked.
struct TargetFacts {
    std::vector<std::string> tiers;   // "ladder:tier" held
    std::string state;                // lifecycle code
    std::vector<std::string> tags;
};
bool targets(const CampaignTarget& target, const TargetFacts& member);

struct CampaignBudget {
    Money activity;     // prizes, goods, venue
    Money technology;   // systems, messages
    Money partner;      // partner resources
    Money total() const { return activity + technology + partner; }
    bool operator==(const CampaignBudget&) const = default;
};

struct CampaignKpis {
    std::optional<std::int64_t> new_members;
    std::optional<int> participation_pct;     // of targeted members
    std::optional<int> redemption_pct;        // points redemption rate
    std::optional<int> repurchase_pct;
    std::optional<Money> cost_per_new_member;
    bool operator==(const CampaignKpis&) const = default;
};

struct Campaign {
    std::string code;
    std::string name_zh;
    std::string name_en;
    CampaignType type = CampaignType::Other;
    Instant starts_at;   // business time (UTC+8) as people type it
    Instant ends_at;
    Recurrence recurrence;
    CampaignTarget target;
    CampaignBudget budget;
    CampaignKpis kpis;
    std::string owner;                 // username
    int coin_multiplier_pct = 100;     // 100 = no effect; 200 = double coins
    std::int64_t referral_coins = 0;   // to each side on the referred member's first purchase
    std::int64_t birthday_coins = 0;   // once per member per year, in the birthday month
    bool operator==(const Campaign&) const = default;
};

// Names, dates, budget, multiplier (above 0, at most `max_multiplier_pct`) and recurrence;
// throws ValidationError naming the field.
void validate(const Campaign& campaign, int max_multiplier_pct);

// The spans (business time) the campaign runs in, for occurrences starting within [from, to]. A
// birthday campaign's one span is its whole period (each member's month lies within it).
struct Span {
    Instant from;
    Instant to;
};
std::vector<Span> spans(const Campaign& campaign, const Date& from, const Date& to);
bool running_at(const Campaign& campaign, const Instant& business_time);

// The last day any occurrence can run, or none when the recurrence has no end.
std::optional<Date> last_day(const Campaign& campaign);

// Two campaigns' targets can meet the same member: no list of one excludes the other's.
// (Birthday campaigns are left out of conflicts: they meet each member in one month only.)
bool targets_overlap(const CampaignTarget& a, const CampaignTarget& b);

// "2" or "1.5" ⇄ hundredths; refuses more than two decimals.
int parse_multiplier(const std::string& text, const std::string& field);
std::string format_multiplier(int pct);

}  // namespace md
