#pragma once
// The breakage estimate's arithmetic (issue 9, report 2), exact in fen and basis points:
//   - the expected unredeemed share (breakage rate): over the cohorts whose issue month and the
//     kBreakageHorizonMonths months after it have ended by the day, the value-weighted share
//     still unredeemed at the end of that horizon: Σ(loaded − redeemed by then) ÷ Σ loaded, in
//     basis points rounded half up. No cohort that old: the rate is unknown and taken as 0.
//   - breakage recognised to date for a cohort (proportional method, IFRS 15 B46 / ASC 606):
//     loaded × rate × min(1, redeemed ÷ (loaded × (1 − rate))), which is
//     min(loaded × rate, redeemed × rate ÷ (1 − rate)), rounded half up to the fen. A rate of
//     100% recognises the whole loaded value (nothing is expected to be redeemed).
#include "reports/breakage_cohorts.h"

#include <cstdint>

namespace md::report {

// Months a cohort must have run before its unredeemed share counts toward the rate.
constexpr int kBreakageHorizonMonths = 24;
constexpr std::int64_t kBasisPoints = 10000;

// a × b ÷ c rounded half up (a, b ≥ 0, c > 0); 128-bit in between, so no product overflows.
std::int64_t mul_div_half_up(std::int64_t a, std::int64_t b, std::int64_t c);

// Whether the k-th month after the cohort's issue month has ended by the end of `day`.
bool month_ended(int cohort, int k, const Date& day);

struct BreakageRate {
    bool known = false;              // some cohort is old enough
    int cohorts = 0;                 // how many are
    std::int64_t loaded = 0;         // their loaded value, fen
    std::int64_t unredeemed = 0;     // of it, not redeemed by the end of the horizon
    std::int64_t basis_points = 0;   // unredeemed ÷ loaded; 0 when not known
};

// The rate as it was known at the end of `day`: `at_cutoff` takes the figures kept for the
// cutoff day (the loaded value then), otherwise those at the as-of day.
BreakageRate breakage_rate(const CohortFigures& figures, const Date& day, bool at_cutoff);

std::int64_t recognised_to_date(std::int64_t loaded, std::int64_t redeemed, std::int64_t rate_basis_points);

}  // namespace md::report
