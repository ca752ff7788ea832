#pragma once
// The stored-value setting of the programme (a programme item under approval, kind
// "stored_value"): the order in which a purchase spends an account's three buckets.
#include "models/ledger.h"

#include <string>
#include <vector>

namespace md {

struct StoredValueRule {
    DrawOrder draw_order = kDefaultDrawOrder;
    bool operator==(const StoredValueRule&) const = default;
};

// Each of principal, bonus and compensation exactly once; throws ValidationError naming
// "draw_order" and the order given.
void validate(const StoredValueRule& rule);

// "principal, bonus, compensation" (codes), for files and messages.
std::string draw_order_codes(const DrawOrder& order);

}  // namespace md
