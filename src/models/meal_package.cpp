#include "models/meal_package.h"

#include "models/errors.h"
#include "models/tier_ladder.h"
#include "models/translate.h"

namespace md {
namespace {

const char* const kKinds[] = {"periodic", "special_need"};
const char* const kCadences[] = {"none", "per_week", "per_month"};
const char* const kTerms[] = {"none", "month", "quarter", "year"};

template <std::size_t N>
int parse_index(const char* const (&codes)[N], const std::string& code, const std::string& field) {
    std::string known;
    for (std::size_t i = 0; i < N; ++i) {
        if (code == codes[i]) return static_cast<int>(i);
        known += (i ? ", " : "") + std::string(codes[i]);
    }
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of {2}"), {field, code, known}));
}

}  // namespace

std::string kind_code(PackageKind k) { return kKinds[static_cast<int>(k)]; }
PackageKind parse_kind(const std::string& c, const std::string& f) { return PackageKind(parse_index(kKinds, c, f)); }
std::string cadence_code(DeliveryCadence c) { return kCadences[static_cast<int>(c)]; }
DeliveryCadence parse_cadence(const std::string& c, const std::string& f) { return DeliveryCadence(parse_index(kCadences, c, f)); }
std::string term_code(PackageTerm t) { return kTerms[static_cast<int>(t)]; }
PackageTerm parse_term(const std::string& c, const std::string& f) { return PackageTerm(parse_index(kTerms, c, f)); }

void validate(const MealPackage& p) {
    validate_code(p.code, "package.code");
    const std::string at = "package " + p.code;
    if (p.name_zh.empty() && p.name_en.empty())
        throw ValidationError(at + ".name", "", subst(tr("{0}: needs a name"), {at}));
    if (p.price < Money())
        throw ValidationError(at + ".price", p.price.to_string(),
                              subst(tr("{0}.price: cannot be negative ({1})"), {at, p.price.to_string()}));
    if (p.value_owed < Money())
        throw ValidationError(at + ".value_owed", p.value_owed.to_string(),
                              subst(tr("{0}.value_owed: cannot be negative ({1})"), {at, p.value_owed.to_string()}));
    if (p.deliveries <= 0)
        throw ValidationError(at + ".deliveries", std::to_string(p.deliveries),
                              subst(tr("{0}.deliveries: a package delivers at least once, not {1}"),
                                    {at, std::to_string(p.deliveries)}));
    if (p.kind == PackageKind::Periodic) {
        if (p.cadence == DeliveryCadence::None || p.term == PackageTerm::None)
            throw ValidationError(at + ".cadence", cadence_code(p.cadence),
                                  subst(tr("{0}: a periodic package needs a cadence (per_week, per_month) and a term "
                                           "(month, quarter, year)"),
                                        {at}));
        if (p.deliveries_per_period <= 0)
            throw ValidationError(at + ".deliveries_per_period", std::to_string(p.deliveries_per_period),
                                  subst(tr("{0}.deliveries_per_period: must be at least 1, not {1}"),
                                        {at, std::to_string(p.deliveries_per_period)}));
    } else if (p.group.empty()) {
        throw ValidationError(at + ".group", "", subst(tr("{0}.group: a special-need package needs a group"), {at}));
    }
}

}  // namespace md
