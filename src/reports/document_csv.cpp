// CSV and HTML of a report document, and the one entry point that writes any format safely.
#include "models/errors.h"
#include "models/translate.h"
#include "reports/csv_renderer.h"
#include "reports/document_renderers.h"
#include "reports/document_rows.h"

#include <cstdio>
#include <fstream>
#include <unistd.h>

namespace md::report {

std::string format_code(Format format) {
    static const char* const codes[] = {"pdf", "xlsx", "csv", "html"};
    return codes[static_cast<int>(format)];
}

Format parse_format(const std::string& code, const std::string& field) {
    for (Format f : {Format::Pdf, Format::Xlsx, Format::Csv, Format::Html})
        if (format_code(f) == code) return f;
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not a report format (pdf, xlsx, csv or html)"), {field, code}));
}

void write_document_csv(const Document& document, std::ostream& out) {
    out << "\xEF\xBB\xBF";
    for (const FlatRow& row : flatten(document)) {
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const FlatCell& c = row.cells[i];
            // Percentages as people read them ("12.34%", what a spreadsheet shows for the XLSX
            // cell); money plain ("1234.50") so it parses as a number. Only free text can carry
            // a formula.
            const std::string text = c.type == ColumnType::Percent ? display_text(c.value, c.type) : cell_text(c.value);
            out << (i ? "," : "") << csv_field(text, std::holds_alternative<std::string>(c.value));
        }
        out << "\r\n";
    }
}

void render(const Document& document, Format format, const std::string& path) {
    const std::string partial = path + ".partial";
    try {
        switch (format) {
            case Format::Csv:
            case Format::Html: {
                std::ofstream out(partial, std::ios::binary);
                if (!out) throw StorageError(subst(tr("output: cannot create \"{0}\""), {path}));
                if (format == Format::Csv) write_document_csv(document, out);
                else out << document_html(document);
                out.flush();
                if (!out.good()) throw StorageError(subst(tr("output: \"{0}\" could not be written completely"), {path}));
                break;
            }
            case Format::Xlsx: write_document_xlsx(document, partial); break;
            case Format::Pdf: write_document_pdf(document, partial); break;
        }
    } catch (...) {
        ::unlink(partial.c_str());
        throw;
    }
    if (std::rename(partial.c_str(), path.c_str()) != 0) {
        ::unlink(partial.c_str());
        throw StorageError(subst(tr("output: cannot create \"{0}\""), {path}));
    }
}

}  // namespace md::report
