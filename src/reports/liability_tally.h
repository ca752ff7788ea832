#pragma once
// The prepaid liability report's one pass over the ledger (issue 9). Every entry up to the end of
// the report's day is fed once, in any order, and this adds up all the report shows: the
// balances at the end of the day before the period and at the end of the report's day, the
// period's movements by entry type and bucket, and each account's stored value and last
// stored-value activity. One pass, because the table is read far faster in storage order than
// through an index, and three GROUP BYs on different keys would read it three times.
//
// Memory: two small arrays and one slot per account (value and last day, 12 bytes), indexed by
// account id; nothing per entry.
#include "db/liability_repository.h"

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace md::report {

constexpr std::size_t kBucketCount = 5;       // principal, bonus, compensation, coins, package
constexpr std::size_t kEntryTypeCount = static_cast<std::size_t>(EntryType::Compensation) + 1;
using BucketSums = std::array<std::int64_t, kBucketCount>;  // indexed by Bucket

class LiabilityTally {
public:
    // `from` is the period's first day (the day before it closes the opening balance). Lines
    // after the report's day must not be fed: the closing balance is the sum of all fed.
    explicit LiabilityTally(const Date& from);
    void add(const LiabilityLine& line);

    const BucketSums& opening() const { return opening_; }
    const BucketSums& closing() const { return closing_; }
    // The period's lines of one entry type, by bucket.
    const BucketSums& movements(EntryType type) const { return movements_[static_cast<std::size_t>(type)]; }
    // Each account whose stored value (principal + bonus + compensation) is not zero at the end
    // of the report's day: that value and the day of its last stored-value line.
    void each_account_value(const std::function<void(std::int64_t account_id, std::int64_t value, const Date& last)>& visit) const;

private:
    long from_count_;
    BucketSums opening_{}, closing_{};
    std::array<BucketSums, kEntryTypeCount> movements_{};
    std::vector<std::int64_t> value_;      // by account id
    std::vector<std::uint32_t> last_day_;  // by account id: days from 1899-12-31, 0 for none
};

}  // namespace md::report
