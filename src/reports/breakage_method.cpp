#include "reports/breakage_method.h"

#include <algorithm>

namespace md::report {

std::int64_t mul_div_half_up(std::int64_t a, std::int64_t b, std::int64_t c) {
    const __int128 product = static_cast<__int128>(a) * b;
    return static_cast<std::int64_t>((2 * product + c) / (2 * static_cast<__int128>(c)));
}

bool month_ended(int cohort, int k, const Date& day) {
    // The month has ended at the end of `day` when the next day is in a later month.
    return month_index(day + boost::gregorian::days(1)) > cohort + k;
}

BreakageRate breakage_rate(const CohortFigures& figures, const Date& day, bool at_cutoff) {
    BreakageRate r;
    for (const auto& [month, c] : figures.cohorts) {
        if (!month_ended(month, kBreakageHorizonMonths, day)) continue;
        const std::int64_t loaded = at_cutoff ? c.loaded_at_cutoff : c.loaded;
        if (loaded <= 0) continue;
        ++r.cohorts;
        r.loaded += loaded;
        r.unredeemed += loaded - c.redeemed_by_month(kBreakageHorizonMonths);
    }
    r.known = r.loaded > 0;
    if (r.known) r.basis_points = mul_div_half_up(std::max<std::int64_t>(r.unredeemed, 0), kBasisPoints, r.loaded);
    return r;
}

std::int64_t recognised_to_date(std::int64_t loaded, std::int64_t redeemed, std::int64_t rate) {
    if (rate <= 0 || loaded <= 0) return 0;
    if (rate >= kBasisPoints) return loaded;
    const std::int64_t all = mul_div_half_up(loaded, rate, kBasisPoints);
    const std::int64_t so_far = mul_div_half_up(std::max<std::int64_t>(redeemed, 0), rate, kBasisPoints - rate);
    return std::min(all, so_far);
}

}  // namespace md::report
