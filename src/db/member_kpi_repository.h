#pragma once
// What the member KPI report reads (issue 9, report 5) for one period of business days: members
// on the books, who joined, who bought and how often, sales, coins earned and redeemed, who lapsed,
// and who of the previous period's buyers bought again. Plain counts and sums: the report divides.
#include "db/database.h"
#include "models/timestamps.h"

#include <cstdint>

namespace md {

struct PeriodActivity {
    std::int64_t members_at_start = 0;  // registered before the period's first day
    std::int64_t members_at_end = 0;    // registered by the end of its last day
    std::int64_t joined = 0;
    std::int64_t purchases = 0;         // purchases paid on the period's days
    std::int64_t buyers = 0;            // members with at least one of them
    std::int64_t repeat_buyers = 0;     // members with two or more
    std::int64_t sales = 0;             // fen paid for them, less what was refunded of them
    std::int64_t previous_buyers = 0;   // members who bought in the period before (same length)
    std::int64_t retained = 0;          // of those, members who bought again in this period
    std::int64_t coins_earned = 0;
    std::int64_t coins_redeemed = 0;
    std::int64_t lapsed = 0;            // members whose lifecycle moved to lapsed in the period
};

class MemberKpiRepository {
public:
    explicit MemberKpiRepository(Database& db) : db_(db) {}

    // The period runs from `from` to `to` (business days, both included); the previous one from
    // `previous_from` to the day before `from`.
    PeriodActivity activity(const Date& previous_from, const Date& from, const Date& to);

private:
    Database& db_;
};

}  // namespace md
