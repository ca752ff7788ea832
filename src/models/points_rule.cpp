#include "models/points_rule.h"

#include "models/errors.h"
#include "models/tier_ladder.h"
#include "models/translate.h"

#include <algorithm>

namespace md {

std::string expiry_code(CoinExpiry e) {
    switch (e) {
        case CoinExpiry::Never: return "never";
        case CoinExpiry::DaysAfterEarning: return "days_after_earning";
        case CoinExpiry::EndOfCalendarYear: return "end_of_calendar_year";
    }
    return "never";
}

CoinExpiry parse_expiry(const std::string& code, const std::string& field) {
    for (CoinExpiry e : {CoinExpiry::Never, CoinExpiry::DaysAfterEarning, CoinExpiry::EndOfCalendarYear})
        if (expiry_code(e) == code) return e;
    throw ValidationError(field, code,
                          subst(tr("{0}: \"{1}\" is not one of never, days_after_earning, end_of_calendar_year"),
                                {field, code}));
}

std::int64_t coins_for(const PointsRule& rule, Money eligible_spend) {
    if (eligible_spend <= Money() || rule.spend_per_coin <= Money()) return 0;
    return eligible_spend.fen() / rule.spend_per_coin.fen();  // integer division truncates
}

std::string stacking_code(MultiplierStacking s) { return s == MultiplierStacking::Highest ? "highest" : "multiply"; }

MultiplierStacking parse_stacking(const std::string& code, const std::string& field) {
    if (code == "highest") return MultiplierStacking::Highest;
    if (code == "multiply") return MultiplierStacking::Multiply;
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of highest, multiply"), {field, code}));
}

int combined_multiplier(const PointsRule& rule, const std::vector<int>& multipliers_pct) {
    if (multipliers_pct.empty()) return 100;
    if (rule.stacking == MultiplierStacking::Highest)
        return *std::max_element(multipliers_pct.begin(), multipliers_pct.end());
    long long combined = 100;
    for (int m : multipliers_pct) combined = combined * m / 100;
    return static_cast<int>(combined);
}

std::int64_t extra_coins(std::int64_t base, int multiplier_pct) { return base * multiplier_pct / 100 - base; }

std::string rounding_rule_text(const PointsRule& rule) {
    return subst(tr("1 coin per {0} yuan of eligible spend; whole coins only, remainders are dropped "
                    "(e.g. {1} yuan earns {2})"),
                 {rule.spend_per_coin.to_string(), (rule.spend_per_coin + rule.spend_per_coin - Money::from_fen(1)).to_string(),
                  "1"});
}

void validate(const PointsRule& rule) {
    if (rule.spend_per_coin <= Money())
        throw ValidationError("points.spend_per_coin", rule.spend_per_coin.to_string(),
                              subst(tr("points.spend_per_coin: must be above zero, not {0}"), {rule.spend_per_coin.to_string()}));
    if (rule.entry_threshold < Money())
        throw ValidationError("points.entry_threshold", rule.entry_threshold.to_string(),
                              subst(tr("points.entry_threshold: cannot be negative ({0})"), {rule.entry_threshold.to_string()}));
    if (rule.coin_value <= Money())
        throw ValidationError("points.coin_value", rule.coin_value.to_string(),
                              subst(tr("points.coin_value: must be above zero, not {0}"), {rule.coin_value.to_string()}));
    if (rule.max_multiplier_pct < 100)
        throw ValidationError("points.max_multiplier", std::to_string(rule.max_multiplier_pct),
                              tr("points.max_multiplier: must be at least 1 (no campaign multiplier)"));
    if (rule.expiry == CoinExpiry::DaysAfterEarning && rule.expiry_days <= 0)
        throw ValidationError("points.expiry_days", std::to_string(rule.expiry_days),
                              subst(tr("points.expiry_days: must be at least 1, not {0}"), {std::to_string(rule.expiry_days)}));
    for (const std::string& kind : rule.excluded_purchase_kinds) validate_code(kind, "points.excluded_purchase_kinds");
}

}  // namespace md
