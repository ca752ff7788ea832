#include "reports/csv_renderer.h"

#include "models/errors.h"
#include "models/text.h"
#include "reports/table_writer.h"

namespace md::report {
namespace {

class CsvTableWriter : public TableWriter {
public:
    CsvTableWriter(std::ostream& out, Header header) : out_(out), header_(header) {}
    void begin(const std::vector<Column>& columns) override {
        out_ << "\xEF\xBB\xBF";
        for (std::size_t i = 0; i < columns.size(); ++i)
            out_ << (i ? "," : "") << csv_field(header_ == Header::Keys ? columns[i].key : columns[i].title, true);
        out_ << "\r\n";
    }
    void row(const std::vector<Cell>& cells) override {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            // Numbers, money and dates are ours and well-formed; only free text can carry a formula.
            const bool is_text = std::holds_alternative<std::string>(cells[i]);
            out_ << (i ? "," : "") << csv_field(cell_text(cells[i]), is_text);
        }
        out_ << "\r\n";
    }
    void finish() override {
        out_.flush();
        if (!out_.good()) throw StorageError("output: the CSV could not be written completely");
    }

private:
    std::ostream& out_;
    Header header_;
};

}  // namespace

std::string csv_field(const std::string& text, bool neutralise) {
    const std::string value = neutralise ? neutralise_formula(text) : text;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::unique_ptr<TableWriter> csv_table_writer(std::ostream& out, Header header) {
    return std::make_unique<CsvTableWriter>(out, header);
}

void write_csv(const Table& table, std::ostream& out) {
    const auto writer = csv_table_writer(out, Header::Titles);
    writer->begin(table.columns);
    for (const auto& row : table.rows) writer->row(row);
    out.flush();
}

}  // namespace md::report
