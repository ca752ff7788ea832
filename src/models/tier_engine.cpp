#include "models/tier_engine.h"

#include "models/errors.h"

#include <algorithm>

namespace md {
namespace {

using boost::gregorian::date_duration;
using boost::gregorian::gregorian_calendar;

bool counts_as_spend(FactKind kind, bool packages_count) {
    return kind == FactKind::Spend || (packages_count && kind == FactKind::Package);
}

bool in_span(const TierFact& f, const std::optional<Date>& from, const Date& to) {
    return f.day <= to && (!from || f.day >= *from);
}

// The window a measure is taken over on `day`: its own months when it has them, else the ladder's.
std::optional<Date> measure_window(const TierLadder& ladder, LadderMeasure measure, int months,
                                   const Date& joined, const Date& day) {
    if (months > 0) return window_start(LadderWindow::RollingMonths, months, joined, day);
    if (measure == LadderMeasure::SpendWithinMonths && ladder.measure_months > 0)
        return window_start(LadderWindow::RollingMonths, ladder.measure_months, joined, day);
    return window_start(ladder.window, ladder.window_months, joined, day);
}

Money ladder_measure(const TierLadder& ladder, const MemberHistory& h, const Date& day) {
    return measure_over(ladder.measure, ladder.packages_count, h.facts,
                        measure_window(ladder, ladder.measure, 0, h.joined, day), day);
}

bool alternative_holds(const TierLadder& ladder, const AlternativeQualification& alt, const MemberHistory& h,
                       const Date& day) {
    for (const QualifyingCondition& c : alt.all_of) {
        const auto from = measure_window(ladder, c.measure, c.months, h.joined, day);
        if (measure_over(c.measure, ladder.packages_count, h.facts, from, day) < c.threshold) return false;
    }
    return true;
}

// The first day of the span over which the downgrade policy keeps the best tier earned.
std::optional<Date> held_span_start(const TierLadder& ladder, const MemberHistory& h, const Date& day) {
    switch (ladder.downgrade) {
        case DowngradePolicy::Never:
            return std::nullopt;
        case DowngradePolicy::AfterGraceDays:
            return day - date_duration(ladder.grace_days);
        case DowngradePolicy::AtWindowEnd: {
            const auto current = window_start(ladder.window, ladder.window_months, h.joined, day);
            if (!current) return std::nullopt;  // a lifetime window never ends
            // The previous window is the one ending the day before the current one starts.
            return window_start(ladder.window, ladder.window_months, h.joined, *current - date_duration(1));
        }
    }
    return std::nullopt;
}

}  // namespace

std::string fact_kind_code(FactKind kind) {
    switch (kind) {
        case FactKind::Spend: return "spend";
        case FactKind::Package: return "package";
        case FactKind::Recharge: return "recharge";
        case FactKind::Coins: return "coins";
    }
    return "?";
}

FactKind parse_fact_kind(const std::string& code) {
    if (code == "spend") return FactKind::Spend;
    if (code == "package") return FactKind::Package;
    if (code == "recharge") return FactKind::Recharge;
    if (code == "coins") return FactKind::Coins;
    throw StorageError("tier_facts: unknown kind \"" + code + "\"");
}

Date months_before(const Date& day, int months) {
    int y = day.year();
    int m = static_cast<int>(day.month()) - months;
    while (m < 1) {
        m += 12;
        --y;
    }
    const int last = gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m));
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(std::min<int>(day.day(), last)));
}

std::optional<Date> window_start(LadderWindow window, int months, const Date& joined, const Date& day) {
    switch (window) {
        case LadderWindow::Lifetime:
            return std::nullopt;
        case LadderWindow::RollingMonths:
            return months_before(day, months) + date_duration(1);
        case LadderWindow::CalendarYear:
            return Date(day.year(), 1, 1);
        case LadderWindow::MembershipYear: {
            // The anniversary in the day's year, or the year before when it is still to come.
            for (int back = 0; back < 2; ++back) {
                const int y = day.year() - back;
                const int last = gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y), joined.month());
                const Date anniversary(static_cast<unsigned short>(y), joined.month(),
                                       static_cast<unsigned short>(std::min<int>(joined.day(), last)));
                if (anniversary <= day) return anniversary;
            }
            return joined;
        }
    }
    return std::nullopt;
}

Money measure_over(LadderMeasure measure, bool packages_count, const std::vector<TierFact>& facts,
                   const std::optional<Date>& from, const Date& to) {
    Money total;
    for (const TierFact& f : facts) {
        if (f.day > to) break;  // sorted by day
        if (!in_span(f, from, to)) continue;
        switch (measure) {
            case LadderMeasure::CumulativeSpend:
            case LadderMeasure::SpendWithinMonths:
                if (counts_as_spend(f.kind, packages_count)) total += f.amount;
                break;
            case LadderMeasure::CumulativeRecharge:
                if (f.kind == FactKind::Recharge) total += f.amount;
                break;
            case LadderMeasure::LargestSingleRecharge:
                if (f.kind == FactKind::Recharge || (packages_count && f.kind == FactKind::Package))
                    total = std::max(total, f.amount);
                break;
            case LadderMeasure::PointsEarned:
                if (f.kind == FactKind::Coins) total += f.amount;
                break;
        }
    }
    return total;
}

int earned_on(const TierLadder& ladder, const MemberHistory& h, const Date& day, std::string* rule) {
    if (!ladder.applies_to(h.member_type)) {
        if (rule) *rule = "not for " + h.member_type + " members";
        return -1;
    }
    const Money value = ladder_measure(ladder, h, day);
    for (int i = static_cast<int>(ladder.tiers.size()) - 1; i >= 0; --i) {
        const Tier& t = ladder.tiers[static_cast<std::size_t>(i)];
        if (value >= t.threshold) {
            if (rule) *rule = "threshold";
            return i;
        }
        for (std::size_t a = 0; a < t.alternatives.size(); ++a)
            if (alternative_holds(ladder, t.alternatives[a], h, day)) {
                if (rule) *rule = "alternative " + std::to_string(a + 1);
                return i;
            }
    }
    if (rule) *rule = "none";
    return -1;
}

Standing evaluate(const TierLadder& ladder, const MemberHistory& h, const Date& as_of,
                  const std::optional<TierOverride>& override) {
    Standing s;
    s.ladder = ladder.code;
    s.window_to = as_of;
    s.window_from = window_start(ladder.window, ladder.window_months, h.joined, as_of);
    if (ladder.measure == LadderMeasure::SpendWithinMonths && ladder.measure_months > 0)
        s.window_from = window_start(LadderWindow::RollingMonths, ladder.measure_months, h.joined, as_of);
    s.measure = ladder_measure(ladder, h, as_of);
    s.earned_now = earned_on(ladder, h, as_of, &s.rule);
    s.tier = s.earned_now;
    if (s.tier >= 0) s.reached_on = as_of;

    // The downgrade policy keeps the best tier earned over a span ending today.
    const auto span_from = held_span_start(ladder, h, as_of);
    std::vector<Date> days;
    if (span_from) days.push_back(*span_from);
    for (const TierFact& f : h.facts) {
        if (f.day > as_of) break;
        if ((!span_from || f.day > *span_from) && (days.empty() || days.back() != f.day)) days.push_back(f.day);
    }
    for (const Date& d : days) {
        if (d == as_of) continue;
        const int then = earned_on(ladder, h, d);
        if (then > s.tier) {
            s.tier = then;
            s.rule = "held";
            s.reached_on = d;
        } else if (then == s.tier && then >= 0 && s.reached_on && d < *s.reached_on) {
            s.reached_on = d;
        }
    }

    if (override && override->ladder == ladder.code && override->in_force_on(as_of) && ladder.applies_to(h.member_type)) {
        for (std::size_t i = 0; i < ladder.tiers.size(); ++i)
            if (ladder.tiers[i].code == override->tier) {
                s.tier = static_cast<int>(i);
                s.rule = "override";
                s.override = override;
            }
    }

    if (s.tier + 1 < static_cast<int>(ladder.tiers.size())) {
        s.next = s.tier + 1;
        const Money gap = ladder.tiers[static_cast<std::size_t>(s.next)].threshold - s.measure;
        s.to_next = gap > Money() ? gap : Money();
    }
    return s;
}

}  // namespace md
