#pragma once
// The renderers of a report document. Each writes the same figures: CSV (UTF-8 with a BOM,
// formula-looking text neutralised, the rows of document_rows.h), XLSX (the same rows as real
// numbers, dates and percentages, money formatted, totals as SUM formulas with their stored
// values), HTML (on-screen preview and printing; charts as inline SVG) and PDF (cairo + pango,
// A4, a CJK font, the report name, parameters, date printed, user and "page N of M" on every
// page; charts drawn).
#include "reports/document.h"

#include <ostream>
#include <string>

namespace md::report {

enum class Format { Pdf, Xlsx, Csv, Html };
std::string format_code(Format format);  // "pdf", "xlsx", "csv", "html"
// Throws ValidationError naming `field` and the value for anything else.
Format parse_format(const std::string& code, const std::string& field);

void write_document_csv(const Document& document, std::ostream& out);
// Browser: a full page with styles and SVG charts (the HTML export). Basic: HTML 3.2 tables and
// headings only, for the GUI's preview and printing (wxHTML), with the charts' figures left to
// their tables; the page header and footer come from the printer there.
enum class HtmlFlavour { Browser, Basic };
std::string document_html(const Document& document, HtmlFlavour flavour = HtmlFlavour::Browser);
void write_document_xlsx(const Document& document, const std::string& path);
void write_document_pdf(const Document& document, const std::string& path);

// Writes the document to `path`: to a temporary file beside it first, renamed over `path` only
// once complete, so a failure leaves no partial file (and an earlier file as it was). Throws
// StorageError naming the path when it cannot be written.
void render(const Document& document, Format format, const std::string& path);

}  // namespace md::report
