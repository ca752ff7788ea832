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

struct PointsRule {
    Money spend_per_coin = Money::from_yuan(20);     // 1 coin per 20 yuan of eligible spend
    Money entry_threshold = Money::from_yuan(380);   // first recharge or purchase to join
    Money coin_value = Money::from_yuan(1);          // 1 coin redeems 1 yuan of goods
    std::vector<std::string> excluded_purchase_kinds = {"meal_package"};
    CoinExpiry expiry = CoinExpiry::Never;
    int expiry_days = 0;                             // for DaysAfterEarning
    bool operator==(const PointsRule&) const = default;
};

// Rounding rule: coins are whole and truncated (19.99 yuan earns 0, 39.99 earns 1).
std::int64_t coins_for(const PointsRule& rule, Money eligible_spend);
std::string rounding_rule_text(const PointsRule& rule);  // for screens, translated

void validate(const PointsRule& rule);

}  // namespace md
