#pragma once
// A tier ladder (会员等级): what it ranks members by, over which window, and its ordered
// tiers with inclusive thresholds. Several ladders coexist (individual, group, premium...).
#include "models/discount.h"
#include "models/money.h"

#include <string>
#include <vector>

namespace md {

enum class LadderMeasure {
    CumulativeSpend,        // 累计消费金额
    CumulativeRecharge,     // 累计充值金额
    LargestSingleRecharge,  // 单次充值
    SpendWithinMonths,      // spend within N months
    PointsEarned,
};
enum class LadderWindow { Lifetime, RollingMonths, CalendarYear, MembershipYear };
enum class DowngradePolicy { Never, AtWindowEnd, AfterGraceDays };

std::string measure_code(LadderMeasure m);   // "cumulative_spend"
LadderMeasure parse_measure(const std::string& code, const std::string& field);
std::string window_code(LadderWindow w);
LadderWindow parse_window(const std::string& code, const std::string& field);
std::string downgrade_code(DowngradePolicy p);
DowngradePolicy parse_downgrade(const std::string& code, const std::string& field);

// One condition of an alternative qualification, e.g. "single recharge ≥ 32,000".
struct QualifyingCondition {
    LadderMeasure measure = LadderMeasure::CumulativeSpend;
    Money threshold;   // inclusive
    int months = 0;    // for SpendWithinMonths / a window on the measure; 0 = the ladder's window
    bool operator==(const QualifyingCondition&) const = default;
};

// Any one alternative is enough; within an alternative, every condition must hold.
struct AlternativeQualification {
    std::vector<QualifyingCondition> all_of;
    bool operator==(const AlternativeQualification&) const = default;
};

struct Tier {
    std::string code;      // stable key, e.g. "red_diamond"
    std::string name_zh;   // 红钻
    std::string name_en;   // Red Diamond
    Money threshold;       // inclusive: reaching it exactly qualifies
    Discount discount;
    std::vector<std::string> benefits;
    std::vector<AlternativeQualification> alternatives;
    bool operator==(const Tier&) const = default;
};

struct TierLadder {
    std::string code;      // "individual", "group", "premium"
    std::string name_zh;
    std::string name_en;
    LadderMeasure measure = LadderMeasure::CumulativeSpend;
    int measure_months = 0;          // for SpendWithinMonths
    LadderWindow window = LadderWindow::Lifetime;
    int window_months = 0;           // for RollingMonths
    DowngradePolicy downgrade = DowngradePolicy::Never;
    int grace_days = 0;              // for AfterGraceDays
    bool packages_count = false;     // do meal-package purchases count toward it
    // Which member types it ranks ("individual", "group"); empty = every member. The individual
    // ladder ranks individual members, the group ladder corporate ones, the premium club everyone.
    std::vector<std::string> member_types;
    std::vector<Tier> tiers;         // ascending thresholds
    bool operator==(const TierLadder&) const = default;
    bool applies_to(const std::string& member_type) const;
};

// Thresholds strictly ascending, discounts 1–100% paid, unique tier codes and names,
// months/days positive where the measure, window or policy needs them.
void validate(const TierLadder& ladder);

// Validates a code used as a stable key: lower-case letters, digits and '_'.
void validate_code(const std::string& code, const std::string& field);

}  // namespace md
