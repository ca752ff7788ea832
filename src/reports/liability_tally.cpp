#include "reports/liability_tally.h"

#include <algorithm>

namespace md::report {
namespace {

// Days are kept as a count from this one (plus one, so 0 means "no line yet").
const Date kEpoch(1900, 1, 1);

long day_count(const Date& day) { return (day - kEpoch).days() + 1; }

}  // namespace

LiabilityTally::LiabilityTally(const Date& from) : from_count_(day_count(from)) {}

void LiabilityTally::add(const LiabilityLine& line) {
    const auto bucket = static_cast<std::size_t>(line.bucket);
    const long day = day_count(line.business_day);
    closing_[bucket] += line.amount;
    if (day < from_count_)
        opening_[bucket] += line.amount;
    else
        movements_[static_cast<std::size_t>(line.entry_type)][bucket] += line.amount;
    if (line.bucket == Bucket::Coins || line.bucket == Bucket::Package) return;
    const auto account = static_cast<std::size_t>(line.account_id);
    if (account >= value_.size()) {
        // Ids are dense (a sequence): grow by half again, so a million accounts resize a few dozen times.
        const std::size_t size = std::max(account + 1, value_.size() + value_.size() / 2);
        value_.resize(size, 0);
        last_day_.resize(size, 0);
    }
    value_[account] += line.amount;
    if (static_cast<std::uint32_t>(day) > last_day_[account]) last_day_[account] = static_cast<std::uint32_t>(day);
}

void LiabilityTally::each_account_value(const std::function<void(std::int64_t, std::int64_t, const Date&)>& visit) const {
    for (std::size_t account = 0; account < value_.size(); ++account)
        if (value_[account] != 0) visit(static_cast<std::int64_t>(account), value_[account], kEpoch + boost::gregorian::days(static_cast<long>(last_day_[account]) - 1));
}

}  // namespace md::report
