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

// Throws ValidationError (field "file", value "line N") for a quote that is never closed.
std::vector<CsvRecord> read_csv(const std::string& utf8);

}  // namespace md
