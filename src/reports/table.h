#pragma once
// The neutral document every report builds and every renderer reads: typed columns and
// typed cells, so a renderer can write a money cell as a number and a date as a date.
#include "models/money.h"
#include "models/timestamps.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace md::report {

enum class ColumnType { Text, Count, Money, Date, Instant, Percent };  // Percent: basis points in an int64 cell

struct Column {
    std::string key;    // stable, for machines (CSV header in --json, XLSX names)
    std::string title;  // translated, for people
    ColumnType type = ColumnType::Text;
};

using Cell = std::variant<std::monostate, std::string, std::int64_t, Money, Date, Instant>;

struct Table {
    std::string title;
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
};

// The cell as plain text: money "1234.50", dates ISO, instants in business time "YYYY-MM-DD HH:MM".
std::string cell_text(const Cell& cell);

}  // namespace md::report
