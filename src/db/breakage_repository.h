#pragma once
// What the breakage report reads from the ledger (issue 9, report 2): every stored-value line of
// the paid and bonus buckets posted on or before a day, in the order the report attributes them
// (account, then posting order). On SQLite one statement streams them (through the C API,
// db/ledger_scan.h); on PostgreSQL they come in pages keyed on (account_id, id), so the database
// client never holds more than one page. The report keeps only the current account's lots in
// memory, whatever the size of the ledger.
#include "db/database.h"
#include "models/ledger.h"
#include "models/timestamps.h"

#include <cstdint>
#include <functional>
#include <string>

namespace md {

struct StoredValueLine {
    std::int64_t account_id = 0;
    EntryType entry_type = EntryType::Purchase;
    std::int64_t amount = 0;   // fen, signed
    Date business_day;
    std::int64_t card_batch = 0;  // a card load or bonus: the batch of the card activated; else 0
};

class BreakageRepository {
public:
    explicit BreakageRepository(Database& db) : db_(db) {}

    // Every principal and bonus line with business_day <= `day`, ordered by (account_id, id).
    void each_stored_value_line(const Date& day, const std::function<void(const StoredValueLine&)>& visit);

private:
    Database& db_;
};

}  // namespace md
