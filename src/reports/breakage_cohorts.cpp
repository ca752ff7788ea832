#include "reports/breakage_cohorts.h"

#include <algorithm>
#include <cstdio>

namespace md::report {

int month_index(const Date& day) { return static_cast<int>(day.year()) * 12 + static_cast<int>(day.month()) - 1; }

Date first_day_of_month_index(int index) { return Date(static_cast<unsigned short>(index / 12), index % 12 + 1, 1); }

std::string month_label(int index) {
    const Date d = first_day_of_month_index(index);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()));
    return buf;
}

std::int64_t Cohort::redeemed_by_month(int k) const {
    std::int64_t sum = 0;
    for (int m = 0; m <= k && m < static_cast<int>(redeemed_in_month.size()); ++m) sum += redeemed_in_month[m];
    return sum;
}

void CohortLedger::add(std::int64_t account_id, EntryType type, std::int64_t amount, const Date& day, std::int64_t source) {
    if (account_id != account_) {
        // A new account: the previous one's lots can no longer be touched.
        close_account();
        account_ = account_id;
    }
    if (amount > 0 && type == EntryType::Refund) give_back(amount, day);
    else if (amount > 0) load(month_index(day), source, amount, day);
    else if (amount < 0 && type == EntryType::MergeOut) move_out(-amount, day);
    else if (amount < 0) redeem(-amount, day);
}

void CohortLedger::close_account() {
    for (const Lot& lot : lots_) figures_.sources[lot.source].outstanding += lot.remaining;
    lots_.clear();
    draws_.clear();
    first_open_ = 0;
}

void CohortLedger::load(int cohort, std::int64_t source, std::int64_t amount, const Date& day) {
    lots_.push_back({cohort, source, amount});
    figures_.sources[source].loaded += amount;
    Cohort& c = figures_.cohorts[cohort];
    c.loaded += amount;
    if (day <= cutoff_) c.loaded_at_cutoff += amount;
}

void CohortLedger::record_redeemed(int cohort, std::int64_t amount, const Date& day) {
    Cohort& c = figures_.cohorts[cohort];
    const std::size_t k = static_cast<std::size_t>(month_index(day) - cohort);
    if (c.redeemed_in_month.size() <= k) c.redeemed_in_month.resize(k + 1, 0);
    c.redeemed_in_month[k] += amount;
    c.redeemed += amount;
    if (day <= cutoff_) c.redeemed_at_cutoff += amount;
}

void CohortLedger::redeem(std::int64_t amount, const Date& day) {
    while (amount > 0 && first_open_ < lots_.size()) {
        Lot& lot = lots_[first_open_];
        const std::int64_t take = std::min(amount, lot.remaining);
        if (take > 0) {
            lot.remaining -= take;
            amount -= take;
            record_redeemed(lot.cohort, take, day);
            // Consecutive draws on one lot are one draw: the stack stays as short as the lots.
            if (!draws_.empty() && draws_.back().lot == first_open_) draws_.back().amount += take;
            else draws_.push_back({first_open_, take});
        }
        if (lot.remaining == 0) ++first_open_;
    }
    figures_.unattributed += amount;
}

void CohortLedger::give_back(std::int64_t amount, const Date& day) {
    while (amount > 0 && !draws_.empty()) {
        Draw& last = draws_.back();
        const std::int64_t back = std::min(amount, last.amount);
        lots_[last.lot].remaining += back;
        first_open_ = std::min(first_open_, last.lot);
        record_redeemed(lots_[last.lot].cohort, -back, day);
        amount -= back;
        last.amount -= back;
        if (last.amount == 0) draws_.pop_back();
    }
    if (amount > 0) load(month_index(day), 0, amount, day);
}

void CohortLedger::move_out(std::int64_t amount, const Date& day) {
    while (amount > 0 && first_open_ < lots_.size()) {
        Lot& lot = lots_[first_open_];
        const std::int64_t take = std::min(amount, lot.remaining);
        lot.remaining -= take;
        amount -= take;
        Cohort& c = figures_.cohorts[lot.cohort];
        c.loaded -= take;
        figures_.sources[lot.source].loaded -= take;
        if (day <= cutoff_) c.loaded_at_cutoff -= take;
        if (lot.remaining == 0) ++first_open_;
    }
    figures_.unattributed += amount;
}

CohortFigures CohortLedger::finish() {
    close_account();
    return std::move(figures_);
}

}  // namespace md::report
