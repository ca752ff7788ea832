#pragma once
// A table as CSV for spreadsheets: UTF-8 with a BOM (so Excel in a Chinese locale reads it
// as UTF-8), RFC 4180 quoting, and text cells that would start a formula (= + - @ tab CR)
// prefixed with an apostrophe so a spreadsheet shows them instead of running them
// (neutralise_formula in models/text.h, the one rule every CSV and XLSX writer uses).
#include "reports/table.h"

#include <ostream>

namespace md::report {

void write_csv(const Table& table, std::ostream& out);
std::string csv_field(const std::string& text, bool neutralise);

}  // namespace md::report
