#pragma once
// Reading a built report in tests: the cells of one row, found by its section and first cell.
#include "reports/document.h"

#include <string>
#include <vector>

namespace md::test {

// The cells after the first of the row whose first cell starts with `label`, in the first table of
// the first section whose heading starts with `heading` that has such a row (totals included), as
// plain text; "no row …" when there is none, so a failing comparison says what was looked for.
inline std::vector<std::string> report_row(const report::Document& d, const std::string& heading, const std::string& label) {
    for (const report::Section& s : d.sections) {
        if (s.heading.rfind(heading, 0) != 0) continue;
        for (const report::ReportTable& t : s.tables) {
            std::vector<std::vector<report::Cell>> rows = t.table.rows;
            if (t.totals) rows.push_back(*t.totals);
            for (const auto& r : rows)
                if (!r.empty() && report::cell_text(r[0]).rfind(label, 0) == 0) {
                    std::vector<std::string> out;
                    for (std::size_t i = 1; i < r.size(); ++i) out.push_back(report::cell_text(r[i]));
                    return out;
                }
        }
    }
    return {"no row " + label + " under " + heading};
}

}  // namespace md::test
