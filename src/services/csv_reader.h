#pragma once
// CSV as RFC 4180 writes it (and as Excel saves it): comma-separated, fields optionally in
// double quotes with "" for a quote, records ending in CRLF or LF, line breaks allowed inside
// quotes. The text is UTF-8 already (services/text_encoding). Blank lines are skipped.
#include <string>
#include <vector>

namespace md {

struct CsvRecord {
    int line = 0;                     // where the record starts in the file, 1-based
    std::vector<std::string> fields;
};

// What is wrong with one record of an imported file, for the person who fixes the file.
struct ImportProblem {
    int row = 0;            // line in the file where the record starts (the header is line 1)
    std::string column;     // the header as written, "" for the whole row
    std::string value;      // shortened when long
    std::string reason;
};

// The problems as CSV (row, column, value, reason), UTF-8 with a BOM so Excel reads the Chinese.
std::string problems_csv(const std::vector<ImportProblem>& problems);
// One text field, neutralised like every export's (neutralise_formula: these files repeat what was
// typed, "=HYPERLINK(...)" included) and quoted as RFC 4180 needs it (comma, quote or line break).
std::string csv_cell(const std::string& text);

// Throws ValidationError (field "file", value "line N") for a quote that is never closed.
std::vector<CsvRecord> read_csv(const std::string& utf8);

}  // namespace md
