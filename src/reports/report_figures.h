#pragma once
// Figures several report builders compute the same way: a rate as a percentage cell, and a ratio
// written with two decimals. One rounding rule each (half up), written down once.
#include "reports/table.h"

#include <cstdint>
#include <string>

namespace md::report {

// numerator ÷ denominator in basis points, half up (rate_bp); an empty cell when the
// denominator is 0, so "nothing to divide by" never reads as 0%.
Cell rate_cell(std::int64_t numerator, std::int64_t denominator);
// numerator ÷ denominator (denominator > 0) with two decimals, half up: "2.35".
std::string two_decimals(std::int64_t numerator, std::int64_t denominator);
// A name given in both languages, as the programme's configuration holds them: "红钻 Red Diamond",
// or the one that is set.
std::string both_names(const std::string& zh, const std::string& en);

}  // namespace md::report
