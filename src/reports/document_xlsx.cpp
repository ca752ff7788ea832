// A report document as one XLSX worksheet holding the rows CSV writes (document_rows.h):
// numbers as numbers (money with two decimals from fen, percentages from basis points), dates
// as dates, text neutralised like CSV's, and each totals cell of a money or count column as
// =SUM(...) over the table's rows with the builder's figure stored as its value.
#include "models/errors.h"
#include "models/text.h"
#include "models/translate.h"
#include "reports/document_renderers.h"
#include "reports/document_rows.h"

#include <xlsxwriter.h>

namespace md::report {
namespace {

std::string column_letters(std::size_t col) {
    std::string letters;
    for (std::size_t n = col + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

struct Formats {
    lxw_format *title, *heading, *header, *money, *percent, *date, *instant, *total, *total_money;
};

Formats make_formats(lxw_workbook* book) {
    Formats f{};
    f.title = workbook_add_format(book);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.heading = workbook_add_format(book);
    format_set_bold(f.heading);
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.money = workbook_add_format(book);
    format_set_num_format(f.money, "0.00");
    f.percent = workbook_add_format(book);
    format_set_num_format(f.percent, "0.00%");
    f.date = workbook_add_format(book);
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.instant = workbook_add_format(book);
    format_set_num_format(f.instant, "yyyy-mm-dd hh:mm");
    f.total = workbook_add_format(book);
    format_set_bold(f.total);
    format_set_top(f.total, LXW_BORDER_THIN);
    f.total_money = workbook_add_format(book);
    format_set_bold(f.total_money);
    format_set_top(f.total_money, LXW_BORDER_THIN);
    format_set_num_format(f.total_money, "0.00");
    return f;
}

lxw_datetime datetime_of(const Date& d, int hour = 0, int minute = 0) {
    return {static_cast<int>(d.year()), static_cast<int>(d.month()), static_cast<int>(d.day()), hour, minute, 0};
}

// Whether `total` equals the sum of column `c` over rows [first, last] (counts or fen).
bool is_column_sum(const std::vector<FlatRow>& rows, std::pair<std::size_t, std::size_t> range, std::size_t c, const Cell& total) {
    std::int64_t sum = 0;
    for (std::size_t r = range.first; r <= range.second; ++r) {
        if (c >= rows[r].cells.size()) continue;
        const Cell& v = rows[r].cells[c].value;
        if (const auto* n = std::get_if<std::int64_t>(&v)) sum += *n;
        else if (const auto* m = std::get_if<Money>(&v)) sum += m->fen();
    }
    if (const auto* n = std::get_if<std::int64_t>(&total)) return *n == sum;
    if (const auto* m = std::get_if<Money>(&total)) return m->fen() == sum;
    return false;
}

}  // namespace

void write_document_xlsx(const Document& document, const std::string& path) {
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) throw StorageError(subst(tr("output: cannot create \"{0}\""), {path}));
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    const Formats f = make_formats(book);
    worksheet_set_column(sheet, 0, 0, 30, nullptr);
    worksheet_set_column(sheet, 1, 12, 16, nullptr);
    const std::vector<FlatRow> rows = flatten(document);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const FlatRow& row = rows[r];
        const auto xr = static_cast<lxw_row_t>(r);
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const auto xc = static_cast<lxw_col_t>(c);
            const FlatCell& cell = row.cells[c];
            const bool total = row.style == RowStyle::Total;
            lxw_format* text_format = row.style == RowStyle::Title     ? f.title
                                      : row.style == RowStyle::Heading ? f.heading
                                      : row.style == RowStyle::Header  ? f.header
                                      : total                          ? f.total
                                                                       : nullptr;
            // A total is written as SUM only where it is the column's sum: a ratio in a totals row
            // (cost per new member over every campaign) stays the value the builder worked out.
            const bool summed = total && row.sums_rows && (cell.type == ColumnType::Money || cell.type == ColumnType::Count) &&
                                is_column_sum(rows, *row.sums_rows, c, cell.value);
            const std::string sum = summed ? "=SUM(" + column_letters(c) + std::to_string(row.sums_rows->first + 1) + ":" +
                                                 column_letters(c) + std::to_string(row.sums_rows->second + 1) + ")"
                                           : "";
            if (const auto* text = std::get_if<std::string>(&cell.value)) {
                worksheet_write_string(sheet, xr, xc, neutralise_formula(*text).c_str(), text_format);
            } else if (const auto* n = std::get_if<std::int64_t>(&cell.value)) {
                if (cell.type == ColumnType::Percent)
                    worksheet_write_number(sheet, xr, xc, static_cast<double>(*n) / 10000.0, f.percent);
                else if (summed)
                    worksheet_write_formula_num(sheet, xr, xc, sum.c_str(), f.total, static_cast<double>(*n));
                else
                    worksheet_write_number(sheet, xr, xc, static_cast<double>(*n), text_format);
            } else if (const auto* m = std::get_if<Money>(&cell.value)) {
                // A spreadsheet cell is a double; fen / 100 is exact to the cent for any real balance.
                const double yuan = static_cast<double>(m->fen()) / 100.0;
                if (summed) worksheet_write_formula_num(sheet, xr, xc, sum.c_str(), f.total_money, yuan);
                else worksheet_write_number(sheet, xr, xc, yuan, total ? f.total_money : f.money);
            } else if (const auto* d = std::get_if<Date>(&cell.value)) {
                lxw_datetime dt = datetime_of(*d);
                worksheet_write_datetime(sheet, xr, xc, &dt, f.date);
            } else if (const auto* at = std::get_if<Instant>(&cell.value)) {
                const auto local = to_business_time(*at);
                lxw_datetime dt = datetime_of(local.date(), static_cast<int>(local.time_of_day().hours()),
                                              static_cast<int>(local.time_of_day().minutes()));
                worksheet_write_datetime(sheet, xr, xc, &dt, f.instant);
            }
        }
    }
    if (workbook_close(book) != LXW_NO_ERROR) throw StorageError(subst(tr("output: cannot create \"{0}\""), {path}));
}

}  // namespace md::report
