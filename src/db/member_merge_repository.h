#pragma once
// The database side of merging two member records: every reference to the absorbed member
// moves to the survivor, the absorbed row is kept as JSON in member_merges and then removed.
#include "db/database.h"
#include "models/timestamps.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace md {

// (table, column) pairs that refer to members.id. A merge moves each of them; a test compares
// this list with the foreign keys of the schema, so a new table that refers to members (the
// ledger, cards, complaints) cannot be forgotten here.
const std::vector<std::pair<std::string, std::string>>& member_references_moved_by_merge();

struct MergeRecord {
    std::string absorbed_number;
    std::string survivor_number;
    std::string merged_by;
    Instant merged_at;
};

struct ActivityDates {
    std::optional<Date> first_recharge_on, first_purchase_on, last_activity_on;
};

class MemberMergeRepository {
public:
    explicit MemberMergeRepository(Database& db) : db_(db) {}

    ActivityDates activity(std::int64_t member_id);
    void set_activity(std::int64_t member_id, const ActivityDates& dates);
    // Moves every reference, records the absorbed row, deletes it. Inside the caller's transaction.
    void absorb(std::int64_t survivor_id, std::int64_t absorbed_id, const std::string& absorbed_number,
                const std::string& absorbed_record_json, const std::string& by, const Instant& at);
    // Where a number went, if it was merged away (following a chain of merges).
    std::optional<MergeRecord> merged_into(const std::string& number);

private:
    Database& db_;
};

}  // namespace md
