#pragma once
// A table as aligned columns for a terminal. Chinese characters count two columns wide.
#include "reports/table.h"

#include <ostream>

namespace md::report {

void write_text(const Table& table, std::ostream& out);
std::size_t display_width(const std::string& utf8);

}  // namespace md::report
