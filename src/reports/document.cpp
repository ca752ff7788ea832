#include "reports/document.h"

#include "models/date_text.h"
#include "models/translate.h"

#include <cstdio>
#include <cstdlib>

namespace md::report {

std::string format_percent(std::int64_t basis_points) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%lld.%02lld%%", basis_points < 0 ? "-" : "",
                  static_cast<long long>(std::llabs(basis_points) / 100), static_cast<long long>(std::llabs(basis_points) % 100));
    return buf;
}

std::string labelled(const std::string& label, const std::string& value) { return subst(tr("{0}: {1}"), {label, value}); }

std::string display_text(const Cell& cell, ColumnType type) {
    if (const auto* money = std::get_if<Money>(&cell)) return money->to_display();
    if (const auto* number = std::get_if<std::int64_t>(&cell); number && type == ColumnType::Percent)
        return format_percent(*number);
    if (const auto* day = std::get_if<Date>(&cell)) return display_date(*day);
    if (const auto* at = std::get_if<Instant>(&cell)) return display_business_time(*at);
    return cell_text(cell);
}

}  // namespace md::report
