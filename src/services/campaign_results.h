#pragma once
// What a campaign has achieved so far, beside its budget and KPI targets (the campaign window).
// The figures, as defined here and printed under them:
// - campaign days: the business days (UTC+8) an occurrence ran on, up to today;
// - coins granted: the net coins of the ledger lines that refer to the campaign (extra coins,
//   referral and birthday coins, less any taken back by refunds);
// - actual cost: coins granted × the coin's redemption value in force today (whole coins ×
//   fen: exact, no rounding);
// - new members: members who joined on a campaign day;
// - targeted members: members the campaign's target reaches today (tiers held, state, tags);
// - participants: targeted members with at least one purchase on a campaign day;
// - participation rate = participants ÷ targeted members;
// - repurchase rate = participants with two or more purchases on campaign days ÷ participants;
// - points redemption rate = coins the participants redeemed on campaign days ÷ coins they
//   earned on those days;
// - cost per new member = actual cost ÷ new members;
// - sales: what the participants paid for purchases on campaign days, less refunds of them;
// - baseline: the participants' sales on the 28 days before the first campaign day, ÷ 28 ×
//   campaign days (the sales they would have made anyway); incremental sales = sales − baseline.
// Rates are in basis points (1/100 of a percent) and the cost per new member in fen, each
// rounded half up; a rate with nothing to divide by is absent, not zero.
#include "services/campaign_service.h"

#include "db/campaign_activity_repository.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace md {

struct CampaignResults {
    CalendarCampaign campaign;
    Date as_of;                       // today (business time) or the day asked for
    int campaign_days = 0;            // days run so far
    std::int64_t coins_granted = 0;
    Money coin_value;                 // redemption value of one coin used for the cost
    Money actual_cost;
    std::int64_t new_members = 0;
    std::int64_t targeted = 0;
    std::int64_t participants = 0;
    std::int64_t repurchasers = 0;    // participants with two or more purchases
    std::int64_t coins_earned = 0;    // by participants on campaign days
    std::int64_t coins_redeemed = 0;
    std::optional<int> participation_bp, repurchase_bp, redemption_bp;
    std::optional<Money> cost_per_new_member;
    Money sales, baseline_sales, incremental_sales;
};

constexpr int kBaselineDays = 28;  // four whole weeks, so every weekday counts equally

// numerator ÷ denominator in basis points, rounded half up; none when the denominator is 0.
std::optional<int> rate_bp(std::int64_t numerator, std::int64_t denominator);

class CampaignResultsService {
public:
    CampaignResultsService(Database& db, Clock clock, ProgramService& program, CampaignService& campaigns)
        : db_(db), clock_(clock), audit_(db, clock), program_(program), campaigns_(campaigns) {}

    // As of the end of `through` (none: today; a later day counts as today).
    CampaignResults results(const Actor& actor, const std::string& code, std::optional<Date> through = {});

private:
    // Members the target reaches, read one by one (tiers, state, tags), with the new members and
    // participants among all of them.
    void count_targeted(const Campaign& c, const std::set<Date>& days, const std::map<std::int64_t, CampaignDayActivity>& activity,
                        const std::function<void(std::int64_t, const CampaignDayActivity&)>& count_participant, CampaignResults& out);
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    ProgramService& program_;
    CampaignService& campaigns_;
};

}  // namespace md
