#include "reports/text_renderer.h"

namespace md::report {

std::size_t display_width(const std::string& utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned char c = utf8[i];
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        // Three- and four-byte sequences here are CJK ideographs and full-width forms.
        width += len >= 3 ? 2 : 1;
        i += len;
    }
    return width;
}

void write_text(const Table& table, std::ostream& out) {
    std::vector<std::size_t> widths;
    for (const Column& c : table.columns) widths.push_back(display_width(c.title));
    std::vector<std::vector<std::string>> texts;
    for (const auto& row : table.rows) {
        std::vector<std::string> line;
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            line.push_back(cell_text(row[i]));
            widths[i] = std::max(widths[i], display_width(line.back()));
        }
        texts.push_back(std::move(line));
    }
    auto emit = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const bool right = table.columns[i].type == ColumnType::Count || table.columns[i].type == ColumnType::Money;
            const std::string pad(widths[i] - display_width(cells[i]), ' ');
            if (i > 0) line += "  ";
            line += right ? pad + cells[i] : (i + 1 == cells.size() ? cells[i] : cells[i] + pad);
        }
        out << line << '\n';
    };
    std::vector<std::string> header;
    for (const Column& c : table.columns) header.push_back(c.title);
    emit(header);
    for (const auto& line : texts) emit(line);
}

}  // namespace md::report
