#include "reports/report_figures.h"

#include "services/campaign_results.h"

namespace md::report {

Cell rate_cell(std::int64_t numerator, std::int64_t denominator) {
    const std::optional<int> bp = rate_bp(numerator, denominator);
    return bp ? Cell{static_cast<std::int64_t>(*bp)} : Cell{};
}

std::string two_decimals(std::int64_t numerator, std::int64_t denominator) {
    const std::int64_t hundredths = (numerator * 200 + denominator) / (2 * denominator);
    const std::string cents = std::to_string(hundredths % 100);
    return std::to_string(hundredths / 100) + "." + (cents.size() == 1 ? "0" : "") + cents;
}

std::string both_names(const std::string& zh, const std::string& en) {
    if (zh.empty()) return en;
    if (en.empty()) return zh;
    return zh + " " + en;
}

}  // namespace md::report
