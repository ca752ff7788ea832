#pragma once
// What the prepaid liability report reads from the ledger (issue 9): every entry up to the end of
// a day, and which member each account belongs to. The report adds them up itself in one pass
// (reports/liability_tally), so a day in the past gives what was owed then: later entries are
// never read. Also the ledger's totals by bucket, for `db check`.
#include "db/database.h"
#include "models/ledger.h"
#include "models/timestamps.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace md {

struct LiabilityLine {
    std::int64_t account_id = 0;
    EntryType entry_type = EntryType::Purchase;
    Bucket bucket = Bucket::Principal;
    std::int64_t amount = 0;  // fen, or coins for the coins bucket; signed
    Date business_day;
};

class LiabilityRepository {
public:
    explicit LiabilityRepository(Database& db) : db_(db) {}

    // Bucket code → the sum of every entry, whatever its day.
    std::map<std::string, std::int64_t> entry_totals();
    // Every entry with a business day on or before `day`, in no particular order, read in ranges
    // of ids: one sequential pass over the table, where GROUP BYs on different keys would need
    // one pass each (or an index lookup per row), and a range bounds what libpq holds at once.
    // `read` is told how many entries have been read so far, after each range.
    void each_line_through(const Date& day, const std::function<void(const LiabilityLine&)>& visit,
                           const std::function<void(std::int64_t lines_read)>& read = {});
    // Every account's member (closed accounts too), in ranges of ids.
    void each_account_member(const std::function<void(std::int64_t account_id, std::int64_t member_id)>& visit);

private:
    Database& db_;
};

}  // namespace md
