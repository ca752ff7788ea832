// XLSX through libxlsxwriter: text as strings, counts and money as numbers (money with two
// decimals, from fen exactly: 123456 fen is written as 1234.56), dates as dates.
#include "models/errors.h"
#include "models/text.h"
#include "reports/table_writer.h"

#include <cstdio>
#include <xlsxwriter.h>

namespace md::report {
namespace {

class XlsxTableWriter : public TableWriter {
public:
    XlsxTableWriter(const std::string& path, const std::string& sheet, Header header) : path_(path), header_(header) {
        // libxlsxwriter creates the file only when the workbook closes, after every row: find
        // out now whether it can be written, before the export is audited and the rows read.
        if (FILE* probe = std::fopen(path.c_str(), "wb")) std::fclose(probe);
        else throw StorageError("output: cannot create \"" + path + "\"");
        lxw_workbook_options options = {};
        options.constant_memory = LXW_TRUE;
        book_ = workbook_new_opt(path.c_str(), &options);
        if (!book_) throw StorageError("output: cannot create \"" + path + "\"");
        sheet_ = workbook_add_worksheet(book_, sheet.c_str());
        bold_ = workbook_add_format(book_);
        format_set_bold(bold_);
        money_ = workbook_add_format(book_);
        format_set_num_format(money_, "0.00");
        date_ = workbook_add_format(book_);
        format_set_num_format(date_, "yyyy-mm-dd");
        instant_ = workbook_add_format(book_);
        format_set_num_format(instant_, "yyyy-mm-dd hh:mm");
    }
    ~XlsxTableWriter() override {
        if (book_) workbook_close(book_);  // an unfinished export still frees its memory
    }

    void begin(const std::vector<Column>& columns) override {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::string& text = header_ == Header::Keys ? columns[c].key : columns[c].title;
            worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), text.c_str(), bold_);
        }
        next_row_ = 1;
    }

    void row(const std::vector<Cell>& cells) override {
        for (std::size_t c = 0; c < cells.size(); ++c) write(static_cast<lxw_col_t>(c), cells[c]);
        ++next_row_;
    }

    void finish() override {
        lxw_error error = workbook_close(book_);
        book_ = nullptr;
        if (error != LXW_NO_ERROR)
            throw StorageError("output: cannot write \"" + path_ + "\": " + lxw_strerror(error));
    }

private:
    static lxw_datetime datetime(const Date& d, int hour = 0, int minute = 0) {
        return {static_cast<int>(d.year()), static_cast<int>(d.month()), static_cast<int>(d.day()), hour, minute, 0};
    }

    void write(lxw_col_t col, const Cell& cell) {
        if (const auto* text = std::get_if<std::string>(&cell)) {
            const std::string safe = neutralise_formula(*text);
            worksheet_write_string(sheet_, next_row_, col, safe.c_str(), nullptr);
        } else if (const auto* n = std::get_if<std::int64_t>(&cell)) {
            worksheet_write_number(sheet_, next_row_, col, static_cast<double>(*n), nullptr);
        } else if (const auto* m = std::get_if<Money>(&cell)) {
            // A spreadsheet cell is a double; fen / 100 is exact to the cent for any real balance.
            worksheet_write_number(sheet_, next_row_, col, static_cast<double>(m->fen()) / 100.0, money_);
        } else if (const auto* d = std::get_if<Date>(&cell)) {
            lxw_datetime dt = datetime(*d);
            worksheet_write_datetime(sheet_, next_row_, col, &dt, date_);
        } else if (const auto* at = std::get_if<Instant>(&cell)) {
            const auto local = to_business_time(*at);
            lxw_datetime dt = datetime(local.date(), static_cast<int>(local.time_of_day().hours()),
                                       static_cast<int>(local.time_of_day().minutes()));
            worksheet_write_datetime(sheet_, next_row_, col, &dt, instant_);
        }
    }

    std::string path_;
    Header header_;
    lxw_workbook* book_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    lxw_format* bold_ = nullptr;
    lxw_format* money_ = nullptr;
    lxw_format* date_ = nullptr;
    lxw_format* instant_ = nullptr;
    lxw_row_t next_row_ = 0;
};

}  // namespace

std::unique_ptr<TableWriter> xlsx_table_writer(const std::string& path, const std::string& sheet, Header header) {
    return std::make_unique<XlsxTableWriter>(path, sheet, header);
}

}  // namespace md::report
