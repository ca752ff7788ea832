#include "models/tier_ladder.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace md {
namespace {

template <class E>
struct Named {
    E value;
    const char* code;
};

const Named<LadderMeasure> kMeasures[] = {
    {LadderMeasure::CumulativeSpend, "cumulative_spend"},
    {LadderMeasure::CumulativeRecharge, "cumulative_recharge"},
    {LadderMeasure::LargestSingleRecharge, "largest_single_recharge"},
    {LadderMeasure::SpendWithinMonths, "spend_within_months"},
    {LadderMeasure::PointsEarned, "points_earned"},
};
const Named<LadderWindow> kWindows[] = {
    {LadderWindow::Lifetime, "lifetime"},
    {LadderWindow::RollingMonths, "rolling_months"},
    {LadderWindow::CalendarYear, "calendar_year"},
    {LadderWindow::MembershipYear, "membership_year"},
};
const Named<DowngradePolicy> kDowngrades[] = {
    {DowngradePolicy::Never, "never"},
    {DowngradePolicy::AtWindowEnd, "at_window_end"},
    {DowngradePolicy::AfterGraceDays, "after_grace_days"},
};

template <class E, std::size_t N>
std::string code_of(const Named<E> (&table)[N], E value) {
    for (const auto& n : table)
        if (n.value == value) return n.code;
    return "?";
}

template <class E, std::size_t N>
E parse_of(const Named<E> (&table)[N], const std::string& code, const std::string& field) {
    std::string known;
    for (const auto& n : table) {
        if (code == n.code) return n.value;
        known += (known.empty() ? "" : ", ") + std::string(n.code);
    }
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of {2}"), {field, code, known}));
}

void require_positive(int value, const std::string& field) {
    if (value <= 0)
        throw ValidationError(field, std::to_string(value),
                              subst(tr("{0}: must be at least 1, not {1}"), {field, std::to_string(value)}));
}

}  // namespace

std::string measure_code(LadderMeasure m) { return code_of(kMeasures, m); }
LadderMeasure parse_measure(const std::string& c, const std::string& f) { return parse_of(kMeasures, c, f); }
std::string window_code(LadderWindow w) { return code_of(kWindows, w); }
LadderWindow parse_window(const std::string& c, const std::string& f) { return parse_of(kWindows, c, f); }
std::string downgrade_code(DowngradePolicy p) { return code_of(kDowngrades, p); }
DowngradePolicy parse_downgrade(const std::string& c, const std::string& f) { return parse_of(kDowngrades, c, f); }

void validate_code(const std::string& code, const std::string& field) {
    const bool ok = !code.empty() && code.size() <= 40 && std::islower(static_cast<unsigned char>(code[0])) &&
                    code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
    if (!ok)
        throw ValidationError(field, code,
                              subst(tr("{0}: \"{1}\" is not a code (lower-case letters, digits and _, "
                                       "starting with a letter)"),
                                    {field, code}));
}

bool TierLadder::applies_to(const std::string& member_type) const {
    return member_types.empty() || std::find(member_types.begin(), member_types.end(), member_type) != member_types.end();
}

void validate(const TierLadder& ladder) {
    validate_code(ladder.code, "ladder.code");
    const std::string at = "ladder " + ladder.code;
    for (const std::string& type : ladder.member_types)
        if (type != "individual" && type != "group")
            throw ValidationError(at + ".member_types", type,
                                  subst(tr("{0}: \"{1}\" is not one of individual, group"), {at + ".member_types", type}));
    if (ladder.name_zh.empty() && ladder.name_en.empty())
        throw ValidationError(at + ".name", "", subst(tr("{0}: needs a name"), {at}));
    if (ladder.measure == LadderMeasure::SpendWithinMonths) require_positive(ladder.measure_months, at + ".measure_months");
    if (ladder.window == LadderWindow::RollingMonths) require_positive(ladder.window_months, at + ".window_months");
    if (ladder.downgrade == DowngradePolicy::AfterGraceDays) require_positive(ladder.grace_days, at + ".grace_days");
    if (ladder.tiers.empty()) throw ValidationError(at + ".tiers", "", subst(tr("{0}: needs at least one tier"), {at}));

    std::set<std::string> codes, names_zh, names_en;
    for (std::size_t i = 0; i < ladder.tiers.size(); ++i) {
        const Tier& t = ladder.tiers[i];
        const std::string field = at + ".tiers[" + std::to_string(i + 1) + "]";
        validate_code(t.code, field + ".code");
        if (t.name_zh.empty() && t.name_en.empty())
            throw ValidationError(field + ".name", "", subst(tr("{0}: needs a name"), {field}));
        if (!codes.insert(t.code).second)
            throw ValidationError(field + ".code", t.code, subst(tr("{0}: tier \"{1}\" appears twice"), {field, t.code}));
        if ((!t.name_zh.empty() && !names_zh.insert(t.name_zh).second) ||
            (!t.name_en.empty() && !names_en.insert(t.name_en).second))
            throw ValidationError(field + ".name", t.name_zh.empty() ? t.name_en : t.name_zh,
                                  subst(tr("{0}: two tiers are named \"{1}\""),
                                        {field, t.name_zh.empty() ? t.name_en : t.name_zh}));
        if (t.threshold < Money())
            throw ValidationError(field + ".threshold", t.threshold.to_string(),
                                  subst(tr("{0}: threshold {1} is negative"), {field, t.threshold.to_string()}));
        if (i > 0 && t.threshold <= ladder.tiers[i - 1].threshold)
            throw ValidationError(field + ".threshold", t.threshold.to_string(),
                                  subst(tr("{0}: threshold {1} must be above the tier before it ({2})"),
                                        {field, t.threshold.to_string(), ladder.tiers[i - 1].threshold.to_string()}));
        t.discount.validate(field + ".discount");
        for (std::size_t a = 0; a < t.alternatives.size(); ++a) {
            const std::string alt = field + ".alternatives[" + std::to_string(a + 1) + "]";
            if (t.alternatives[a].all_of.empty())
                throw ValidationError(alt, "", subst(tr("{0}: an alternative needs at least one condition"), {alt}));
            for (const QualifyingCondition& c : t.alternatives[a].all_of) {
                if (c.threshold <= Money())
                    throw ValidationError(alt + ".threshold", c.threshold.to_string(),
                                          subst(tr("{0}: threshold {1} must be above zero"), {alt, c.threshold.to_string()}));
                if (c.months < 0)
                    throw ValidationError(alt + ".months", std::to_string(c.months),
                                          subst(tr("{0}: months cannot be negative"), {alt}));
            }
        }
    }
}

}  // namespace md
