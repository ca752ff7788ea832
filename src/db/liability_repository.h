#pragma once
// What the prepaid liability report reads from the ledger (issue 9): balances at the end of a
// day, the movements of a period by entry type and bucket, and each account's stored value
// and last activity at the end of a day. Everything is summed from the append-only entries by
// business day, so a day in the past gives what was owed then: later entries do not count.
#include "db/database.h"
#include "models/timestamps.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace md {

struct LedgerMovement {
    std::string entry_type;  // code
    std::string bucket;      // code
    std::int64_t amount = 0; // fen, or coins for the coins bucket; signed
};

class LiabilityRepository {
public:
    explicit LiabilityRepository(Database& db) : db_(db) {}

    // Bucket code → the sum of every entry on or before `day`, for two days at once: one pass
    // over the entries (a range on the day index would fetch every row one by one, far slower
    // than reading them in order).
    struct Balances {
        std::map<std::string, std::int64_t> opening, closing;
    };
    Balances balances_at(const Date& opening_day, const Date& closing_day);
    // Bucket code → the sum of every entry, whatever its day.
    std::map<std::string, std::int64_t> entry_totals();
    // The entries from `from` to `to` (inclusive), summed by entry type and bucket.
    std::vector<LedgerMovement> movements(const Date& from, const Date& to);
    // For each account with stored value (principal + bonus + compensation) other than zero at
    // the end of `day`: that value and the day of its last stored-value entry on or before it.
    void each_account_value(const Date& day, const std::function<void(std::int64_t value, const Date& last_activity)>& visit);

private:
    Database& db_;
};

}  // namespace md
