#pragma once
// The meal-package catalogue (套餐): periodic packages (N deliveries a week or month for a
// month, quarter or year) and special-need packages in groups (domain.md §6).
#include "models/money.h"

#include <string>

namespace md {

enum class PackageKind { Periodic, SpecialNeed };
enum class DeliveryCadence { None, PerWeek, PerMonth };
enum class PackageTerm { None, Month, Quarter, Year };

std::string kind_code(PackageKind k);          // "periodic", "special_need"
PackageKind parse_kind(const std::string& code, const std::string& field);
std::string cadence_code(DeliveryCadence c);   // "none", "per_week", "per_month"
DeliveryCadence parse_cadence(const std::string& code, const std::string& field);
std::string term_code(PackageTerm t);          // "none", "month", "quarter", "year"
PackageTerm parse_term(const std::string& code, const std::string& field);

struct MealPackage {
    std::string code;
    std::string name_zh;
    std::string name_en;
    PackageKind kind = PackageKind::Periodic;
    std::string group;        // special need: "family", "pregnancy", "growth", ...
    std::string subgroup;     // "postpartum_recovery", ... (may be empty)
    DeliveryCadence cadence = DeliveryCadence::None;
    int deliveries_per_period = 0;   // periodic: N per week / month
    PackageTerm term = PackageTerm::None;
    Money price;              // what the member pays from stored value
    Money value_owed;         // goods value owed to the member until delivered
    int deliveries = 0;       // total deliveries the package carries
    bool earns_points = false;
    bool counts_toward_tiers = false;  // for ordinary ladders; premium ladders decide themselves
    bool operator==(const MealPackage&) const = default;
};

void validate(const MealPackage& p);

}  // namespace md
