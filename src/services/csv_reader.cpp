#include "services/csv_reader.h"

#include "models/errors.h"
#include "models/text.h"
#include "models/translate.h"

namespace md {

std::vector<CsvRecord> read_csv(const std::string& text) {
    std::vector<CsvRecord> records;
    CsvRecord current;
    std::string field;
    bool quoted = false, field_started = false, any = false;
    int line = 1, quote_line = 0;
    current.line = 1;
    auto end_field = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_record = [&] {
        end_field();
        // A blank line is one empty field: nothing to import, and Excel leaves them at the end.
        if (!(current.fields.size() == 1 && current.fields[0].empty())) records.push_back(std::move(current));
        current = CsvRecord{};
        current.line = line;
    };
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        any = true;
        if (quoted) {
            if (c == '"') {
                if (i + 1 < n && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        switch (c) {
            case '"':
                if (!field_started && field.empty()) {
                    quoted = true;
                    quote_line = line;
                    field_started = true;
                } else {
                    field += c;  // a stray quote inside an unquoted field is taken as written
                }
                break;
            case ',':
                end_field();
                break;
            case '\r':
                if (i + 1 < n && text[i + 1] == '\n') break;  // CRLF: the LF ends the record
                ++line;
                end_record();
                break;
            case '\n':
                ++line;
                end_record();
                break;
            default:
                field += c;
                field_started = true;
        }
    }
    if (quoted)
        throw ValidationError("file", subst(tr("line {0}"), {std::to_string(quote_line)}),
                              subst(tr("file: the quote opened on line {0} is never closed"), {std::to_string(quote_line)}));
    if (any && (!field.empty() || !current.fields.empty() || field_started)) end_record();
    return records;
}

std::string csv_cell(const std::string& raw) {
    const std::string text = neutralise_formula(raw);
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string problems_csv(const std::vector<ImportProblem>& problems) {
    std::string out = "\xEF\xBB\xBFrow,column,value,reason\r\n";
    for (const ImportProblem& p : problems)
        out += std::to_string(p.row) + "," + csv_cell(p.column) + "," + csv_cell(p.value) + "," + csv_cell(p.reason) + "\r\n";
    return out;
}

}  // namespace md
