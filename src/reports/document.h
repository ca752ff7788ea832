#pragma once
// The neutral report document (issue 9): what every report builds and every renderer (PDF,
// XLSX, CSV, HTML; the GUI's preview and printing) reads. No renderer computes a figure: the
// builders put every number, total and chart value here, typed, so each format writes the same
// figures its own way (a money cell stays a number in XLSX and right-aligned in the PDF).
#include "reports/table.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace md::report {

// A table of a report with its totals row. `totals` has one cell per column; the renderers
// write a money or count total as a formula where they can (XLSX: SUM over the column, with the
// stored value the builder worked out, so a spreadsheet without recalculation shows it too).
struct ReportTable {
    Table table;
    std::optional<std::vector<Cell>> totals;
};

// A bar chart: one bar per label and series. Values are counts, fen or basis points as the
// value type says; the chart only compares them, the table beside it gives the exact figures.
struct Chart {
    std::string title;
    ColumnType value_type = ColumnType::Count;
    std::vector<std::string> labels;
    struct Series {
        std::string name;
        std::vector<std::int64_t> values;  // one per label
    };
    std::vector<Series> series;
};

// One block of the report in reading order: a heading, then its notes (paragraphs: methods,
// definitions, "no data in this period"), tables and charts.
struct Section {
    std::string heading;
    std::vector<std::string> notes;
    std::vector<ReportTable> tables;
    std::vector<Chart> charts;
};

struct Document {
    std::string name;   // the report's code, e.g. "liability"
    std::string title;  // translated
    std::vector<std::pair<std::string, std::string>> parameters;  // label → value, in words
    std::string prepared_by;  // the user who ran it
    Instant prepared_at;      // UTC
    std::vector<Section> sections;
};

// "Label: value", with the colon of the language (Chinese writes "：").
std::string labelled(const std::string& label, const std::string& value);
// Basis points as a percentage with two decimals, "12.34%" (exact: 1234 bp).
std::string format_percent(std::int64_t basis_points);
// A cell as people read it: money "¥1,234.50" (display), percentages "12.34%", dates and times in
// the language's style (display_date: "2026年11月22日" in Chinese), others as cell_text.
std::string display_text(const Cell& cell, ColumnType type);

}  // namespace md::report
