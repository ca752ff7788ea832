#pragma once
// A document laid out as rows of cells, for the row-based formats (CSV and XLSX), so both
// write exactly the same rows: the title, the parameters, then each section's heading, notes,
// and tables (title, header, rows, totals), a blank row between sections. Charts are left out:
// their figures are the tables'.
#include "reports/document.h"

#include <optional>
#include <vector>

namespace md::report {

enum class RowStyle { Plain, Title, Heading, Header, Total };

struct FlatCell {
    Cell value;
    ColumnType type = ColumnType::Text;
};

struct FlatRow {
    RowStyle style = RowStyle::Plain;
    std::vector<FlatCell> cells;
    // A totals row: the rows (indexes into the flat rows, inclusive) its money and count
    // columns add up, so XLSX can write SUM formulas over them.
    std::optional<std::pair<std::size_t, std::size_t>> sums_rows;
};

std::vector<FlatRow> flatten(const Document& document);

}  // namespace md::report
