#include "reports/csv_renderer.h"

namespace md::report {

std::string csv_field(const std::string& text, bool neutralise_formula) {
    std::string value = text;
    if (neutralise_formula && !value.empty() && std::string("=+-@\t\r").find(value[0]) != std::string::npos)
        value = "'" + value;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

void write_csv(const Table& table, std::ostream& out) {
    out << "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        out << (i ? "," : "") << csv_field(table.columns[i].title, true);
    out << "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            // Numbers, money and dates are ours and well-formed; only free text can carry a formula.
            const bool is_text = std::holds_alternative<std::string>(row[i]);
            out << (i ? "," : "") << csv_field(cell_text(row[i]), is_text);
        }
        out << "\r\n";
    }
}

}  // namespace md::report
