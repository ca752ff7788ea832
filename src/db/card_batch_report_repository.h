#pragma once
// What the card batch reconciliation reads (issue 9): each batch's cards by the state they were
// in at a moment, and the moves into sold, activated and blocked in a period. Every state change
// writes a card event (issue, sale, activation, block, unblock, close, expiry), so the state at a
// past moment is the card's last event before it.
#include "db/database.h"
#include "models/card.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace md {

struct BatchCardCounts {
    CardBatch batch;
    std::map<std::string, std::int64_t> held;   // state code → cards in it at the moment
    std::map<std::string, std::int64_t> moved;  // state code → moves into it in the period
};

class CardBatchReportRepository {
public:
    explicit CardBatchReportRepository(Database& db) : db_(db) {}

    // Batches created before `until` (UTC), oldest first, with their cards' states at `until`
    // and the moves from `since` to `until`.
    std::vector<BatchCardCounts> counts(const Instant& since, const Instant& until);

private:
    Database& db_;
};

}  // namespace md
