#pragma once
// What is on sale for stored value: card denominations (充值卡面额) and recharge bonuses
// (pay X, receive Y).
#include "models/money.h"
#include "models/timestamps.h"

#include <optional>
#include <string>

namespace md {

struct Denomination {
    Money face_value;          // 100, 200, 500, 1,000, 2,000 yuan
    bool on_sale = true;
    Money bonus;               // extra value loaded with the card, 0 if none
    bool operator==(const Denomination&) const = default;
};

struct RechargeBonus {
    std::string code;          // "premium_12000"
    std::string name_zh;
    std::string name_en;
    Money pay;                 // 12,000
    Money receive;             // 15,000 (pay included)
    Date valid_from;
    std::optional<Date> valid_to;  // inclusive; none = open-ended
    bool operator==(const RechargeBonus&) const = default;
};

void validate(const Denomination& d);
void validate(const RechargeBonus& b);

}  // namespace md
