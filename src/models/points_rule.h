#pragma once
// The exchange coin (兑换币) of the "Green Life Savings Bank": how coins are earned,
// who may earn them, what one coin is worth and when coins expire.
#include "models/money.h"

#include <cstdint>
#include <string>
#include <vector>

namespace md {

enum class CoinExpiry { Never, DaysAfterEarning, EndOfCalendarYear };
std::string expiry_code(CoinExpiry e);  // "never", "days_after_earning", "end_of_calendar_year"
CoinExpiry parse_expiry(const std::string& code, const std::string& field);

// When several campaign coin multipliers meet on one purchase: the highest applies, or they
// multiply (×2 and ×1.5 make ×3).
enum class MultiplierStacking { Highest, Multiply };
std::string stacking_code(MultiplierStacking s);  // "highest", "multiply"
MultiplierStacking parse_stacking(const std::string& code, const std::string& field);

struct PointsRule {
    Money spend_per_coin = Money::from_yuan(20);     // 1 coin per 20 yuan of eligible spend
    Money entry_threshold = Money::from_yuan(380);   // first recharge or purchase to join
    Money coin_value = Money::from_yuan(1);          // 1 coin redeems 1 yuan of goods
    std::vector<std::string> excluded_purchase_kinds = {"meal_package"};
    CoinExpiry expiry = CoinExpiry::Never;
    int expiry_days = 0;                             // for DaysAfterEarning
    MultiplierStacking stacking = MultiplierStacking::Highest;
    int max_multiplier_pct = 500;                    // no campaign may promise more than ×5
    bool operator==(const PointsRule&) const = default;
};

// Rounding rule: coins are whole and truncated (19.99 yuan earns 0, 39.99 earns 1).
std::int64_t coins_for(const PointsRule& rule, Money eligible_spend);
std::string rounding_rule_text(const PointsRule& rule);  // for screens, translated

// The multiplier (hundredths) the stacking rule makes of the campaigns' multipliers; 100 for none.
// Multiplying keeps hundredths exact at each step by rounding down (×1.5 × ×1.5 = ×2.25).
int combined_multiplier(const PointsRule& rule, const std::vector<int>& multipliers_pct);
// The coins a multiplier adds to `base` coins: floor(base × pct ÷ 100) − base (whole coins).
std::int64_t extra_coins(std::int64_t base, int multiplier_pct);

void validate(const PointsRule& rule);

}  // namespace md
