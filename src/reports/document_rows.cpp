#include "reports/document_rows.h"

#include "models/date_text.h"
#include "models/translate.h"

namespace md::report {
namespace {

FlatRow text_row(RowStyle style, std::vector<std::string> texts) {
    FlatRow row;
    row.style = style;
    for (std::string& t : texts) row.cells.push_back({std::move(t), ColumnType::Text});
    return row;
}

}  // namespace

std::vector<FlatRow> flatten(const Document& d) {
    std::vector<FlatRow> rows;
    rows.push_back(text_row(RowStyle::Title, {d.title}));
    for (const auto& [label, value] : d.parameters) rows.push_back(text_row(RowStyle::Plain, {label, value}));
    rows.push_back(text_row(RowStyle::Plain, {tr("Prepared by"), d.prepared_by, display_business_time(d.prepared_at)}));
    for (const Section& s : d.sections) {
        rows.push_back(FlatRow{});
        rows.push_back(text_row(RowStyle::Heading, {s.heading}));
        for (const std::string& note : s.notes) rows.push_back(text_row(RowStyle::Plain, {note}));
        for (const ReportTable& t : s.tables) {
            if (!t.table.title.empty()) rows.push_back(text_row(RowStyle::Heading, {t.table.title}));
            FlatRow header;
            header.style = RowStyle::Header;
            for (const Column& c : t.table.columns) header.cells.push_back({c.title, ColumnType::Text});
            rows.push_back(std::move(header));
            const std::size_t first = rows.size();
            for (const std::vector<Cell>& r : t.table.rows) {
                FlatRow row;
                for (std::size_t i = 0; i < r.size() && i < t.table.columns.size(); ++i)
                    row.cells.push_back({r[i], t.table.columns[i].type});
                rows.push_back(std::move(row));
            }
            if (t.totals) {
                FlatRow total;
                total.style = RowStyle::Total;
                for (std::size_t i = 0; i < t.totals->size() && i < t.table.columns.size(); ++i)
                    total.cells.push_back({(*t.totals)[i], t.table.columns[i].type});
                if (rows.size() > first) total.sums_rows = std::make_pair(first, rows.size() - 1);
                rows.push_back(std::move(total));
            }
        }
    }
    return rows;
}

}  // namespace md::report
