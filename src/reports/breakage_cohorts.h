#pragma once
// Stored value by issue-month cohort (issue 9, report 2): each fen loaded belongs to the month
// it was loaded in, and each fen spent is taken from the account's oldest loads first (FIFO),
// so every fen redeemed belongs to exactly one cohort. Lines are fed one at a time in
// (account, posting) order; only the current account's open loads are held, so the memory
// needed is one account's history, not the ledger's. Free of storage: the report feeds it.
//
// What each stored-value line (principal and bonus buckets; compensation is not sold value and
// stays out) does here:
//   - a positive line other than a refund (cash recharge, card load, recharge bonus, and also
//     adjust up, an opening balance carried over, a merged-in balance) loads value: a lot of
//     the month of its business day;
//   - a refund gives back value that was spent: the last fen redeemed are the first given back
//     (LIFO), to the lots and cohorts they came from, and the cohort's redeemed figure goes down
//     in the refund's month;
//   - a merge out moves the value to the surviving account (where it is a load of the merge
//     month): it is not redeemed, so it takes the oldest lots' remaining value out of their
//     cohorts' loaded figures;
//   - any other negative line (purchase, meal-package purchase, adjust down) redeems, FIFO.
// Should a line find no lot (a history that does not start at zero), the fen are counted apart
// as unattributed; a refund with nothing to give back becomes a load of its month.
#include "models/ledger.h"
#include "models/timestamps.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace md::report {

// Months counted from year 0: month_index(2026-03-xx) − month_index(2026-01-xx) = 2.
int month_index(const Date& day);
Date first_day_of_month_index(int index);
std::string month_label(int index);  // "2026-03"

struct Cohort {
    std::int64_t loaded = 0;             // fen, net of merges out, to the end of the as-of day
    std::int64_t loaded_at_cutoff = 0;   // the same to the end of the cutoff day
    std::int64_t redeemed = 0;           // fen, net of refunds, to the end of the as-of day
    std::int64_t redeemed_at_cutoff = 0;
    // Net redeemed in the k-th month after the cohort's month (k = 0 is the month itself).
    std::vector<std::int64_t> redeemed_in_month;
    // Redeemed to the end of the k-th month after the cohort's month.
    std::int64_t redeemed_by_month(int k) const;
};

// What came from one source: a card batch's activations (card face value and the batch's bonus),
// or, under source 0, every load that came with no card (cash recharges and their bonuses,
// adjustments, balances carried over or merged in).
struct SourceFigures {
    std::int64_t loaded = 0;       // fen, net of merges out, to the end of the as-of day
    std::int64_t outstanding = 0;  // fen of those loads not redeemed at the end of the as-of day
};

struct CohortFigures {
    std::map<int, Cohort> cohorts;       // by month_index of the issue month, oldest first
    std::map<std::int64_t, SourceFigures> sources;  // by card batch id; 0 = no card
    std::int64_t unattributed = 0;       // fen spent that no load covered
};

class CohortLedger {
public:
    // Lines after `as_of` must not be fed. `cutoff` (before as_of) is the second day whose
    // figures are kept: the end of the day before the report's period.
    CohortLedger(const Date& as_of, const Date& cutoff) : as_of_(as_of), cutoff_(cutoff) {}

    // `source`: the card batch whose activation loaded the line (0 for none); only loads use it.
    void add(std::int64_t account_id, EntryType type, std::int64_t amount, const Date& day, std::int64_t source = 0);
    CohortFigures finish();

private:
    struct Lot {
        int cohort;
        std::int64_t source;
        std::int64_t remaining;
    };
    struct Draw {
        std::size_t lot;
        std::int64_t amount;
    };
    void load(int cohort, std::int64_t source, std::int64_t amount, const Date& day);
    void close_account();  // counts what the current account's lots still hold
    void redeem(std::int64_t amount, const Date& day);
    void give_back(std::int64_t amount, const Date& day);
    void move_out(std::int64_t amount, const Date& day);
    void record_redeemed(int cohort, std::int64_t amount, const Date& day);

    Date as_of_, cutoff_;
    std::int64_t account_ = -1;
    std::vector<Lot> lots_;         // the current account's loads, oldest first
    std::size_t first_open_ = 0;    // lots before it are spent
    std::vector<Draw> draws_;       // what the account spent, in order, for refunds (LIFO)
    CohortFigures figures_;
};

}  // namespace md::report
