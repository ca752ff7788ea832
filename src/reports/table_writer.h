#pragma once
// Tables written a row at a time, for exports too large to hold: a million members go from
// the database to the file without a Table in between. CSV and XLSX write the same rows.
#include "reports/table.h"

#include <memory>
#include <ostream>
#include <string>

namespace md::report {

class TableWriter {
public:
    virtual ~TableWriter() = default;
    virtual void begin(const std::vector<Column>& columns) = 0;
    virtual void row(const std::vector<Cell>& cells) = 0;
    // Flushes and closes; throws StorageError naming the file when it cannot be written.
    virtual void finish() = 0;
};

// Which header a machine-readable export carries: the stable keys (re-importable in any
// language) or the translated titles (for people).
enum class Header { Keys, Titles };

// UTF-8 with a BOM, RFC 4180, formula-looking text neutralised (see csv_renderer.h).
std::unique_ptr<TableWriter> csv_table_writer(std::ostream& out, Header header);
// One worksheet named `sheet`; constant memory, so the row count does not grow the process.
// Text cells are neutralised like CSV's: a copy pasted elsewhere must not become a formula.
std::unique_ptr<TableWriter> xlsx_table_writer(const std::string& path, const std::string& sheet, Header header);

}  // namespace md::report
