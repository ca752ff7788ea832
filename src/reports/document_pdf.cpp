// A report document as PDF through cairo and pango: A4 portrait, a CJK font so Chinese prints,
// tables that break across pages with their header row repeated, numbers right-aligned, totals
// bold, charts as grouped horizontal bars. Every page has a header (report title and its
// parameters) and a footer (when and by whom it was printed, page N of M). The layout runs
// twice: once to count the pages, once to draw them knowing M.
#include "models/date_text.h"
#include "models/errors.h"
#include "models/translate.h"
#include "reports/document_renderers.h"

#include <algorithm>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

namespace md::report {
namespace {

constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4 in points
constexpr double kMargin = 40, kHeaderHeight = 30, kFooterHeight = 24;
constexpr double kBodyTop = kMargin + kHeaderHeight, kBodyBottom = kPageHeight - kMargin - kFooterHeight;
constexpr double kBodyWidth = kPageWidth - 2 * kMargin;
constexpr double kCellPad = 3;
const char* kFont = "WenQuanYi Micro Hei, Noto Sans CJK SC, Sans";
const double kPalette[][3] = {{0.18, 0.43, 0.71}, {0.88, 0.54, 0.12}, {0.24, 0.60, 0.37}, {0.71, 0.29, 0.29}, {0.48, 0.37, 0.65}};

bool numeric(ColumnType type) {
    return type == ColumnType::Count || type == ColumnType::Money || type == ColumnType::Percent;
}

class PdfLayout {
public:
    PdfLayout(cairo_t* cr, const Document& d, bool draw, int pages) : cr_(cr), d_(d), draw_(draw), total_pages_(pages) {}

    int run() {
        new_page();
        title();
        for (const Section& s : d_.sections) section(s);
        finish_page();
        return page_;
    }

private:
    // Text at (x, y) within `width` (wrapped; 0: no wrapping), drawn only in the drawing pass.
    // Returns its height.
    double text(double x, double y, const std::string& utf8, double points, bool bold = false, double width = 0,
                bool right = false, double grey = 0) {
        PangoLayout* layout = pango_cairo_create_layout(cr_);
        PangoFontDescription* font = pango_font_description_from_string(kFont);
        pango_font_description_set_size(font, static_cast<int>(points * PANGO_SCALE));
        if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout, font);
        if (width > 0) {
            pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
            if (right) pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
        }
        pango_layout_set_text(layout, utf8.c_str(), -1);
        int w = 0, h = 0;
        pango_layout_get_pixel_size(layout, &w, &h);
        if (draw_) {
            cairo_set_source_rgb(cr_, grey, grey, grey);
            cairo_move_to(cr_, x, y);
            pango_cairo_show_layout(cr_, layout);
        }
        pango_font_description_free(font);
        g_object_unref(layout);
        return h;
    }

    double text_width(const std::string& utf8, double points, bool bold) {
        PangoLayout* layout = pango_cairo_create_layout(cr_);
        PangoFontDescription* font = pango_font_description_from_string(kFont);
        pango_font_description_set_size(font, static_cast<int>(points * PANGO_SCALE));
        if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout, font);
        pango_layout_set_text(layout, utf8.c_str(), -1);
        int w = 0, h = 0;
        pango_layout_get_pixel_size(layout, &w, &h);
        pango_font_description_free(font);
        g_object_unref(layout);
        return w;
    }

    void new_page() {
        if (page_ > 0) finish_page();
        ++page_;
        y_ = kBodyTop;
        if (!draw_) return;
        std::string params;
        for (const auto& [label, value] : d_.parameters) params += (params.empty() ? "" : "  ·  ") + labelled(label, value);
        text(kMargin, kMargin, d_.title, 8, true, kBodyWidth, false, 0.3);
        text(kMargin, kMargin + 12, params, 7, false, kBodyWidth, false, 0.4);
        cairo_set_source_rgb(cr_, 0.7, 0.7, 0.7);
        cairo_set_line_width(cr_, 0.5);
        cairo_move_to(cr_, kMargin, kBodyTop - 6);
        cairo_line_to(cr_, kPageWidth - kMargin, kBodyTop - 6);
        cairo_stroke(cr_);
    }

    void finish_page() {
        if (!draw_) return;
        const std::string footer =
            subst(tr("Printed {0} by {1}"), {display_business_time(d_.prepared_at), d_.prepared_by});
        const std::string pages = subst(tr("Page {0} of {1}"), {std::to_string(page_), std::to_string(total_pages_)});
        text(kMargin, kPageHeight - kMargin - 10, footer, 7, false, 0, false, 0.4);
        text(kMargin, kPageHeight - kMargin - 10, pages, 7, false, kBodyWidth, true, 0.4);
        cairo_show_page(cr_);
    }

    static constexpr double kBar = 10, kGroupGap = 8;  // a chart's bar height and the gap between label groups

    // Starts a new page unless `height` more fits on this one.
    void room_for(double height) {
        if (y_ + height > kBodyBottom && y_ > kBodyTop) new_page();
    }

    void title() {
        y_ += text(kMargin, y_, d_.title, 16, true, kBodyWidth) + 6;
        for (const auto& [label, value] : d_.parameters) y_ += text(kMargin, y_, labelled(label, value), 9, false, kBodyWidth) + 1;
        y_ += text(kMargin, y_, labelled(tr("Prepared by"), d_.prepared_by + ", " + display_business_time(d_.prepared_at)), 9,
                   false, kBodyWidth) + 10;
    }

    void section(const Section& s) {
        // The heading never ends a page alone: it goes with the first lines of a table or a note,
        // or with the whole of a chart that comes straight after it.
        const bool chart_first = s.notes.empty() && s.tables.empty() && !s.charts.empty();
        const bool table_first = s.notes.empty() && !s.tables.empty();
        room_for(chart_first ? 30 + chart_height(s.charts.front()) : table_first ? 30 + table_start_height(s.tables.front()) : 60);
        y_ += 6;
        y_ += text(kMargin, y_, s.heading, 12, true, kBodyWidth) + 4;
        for (const std::string& note : s.notes) {
            PdfLayout measure(cr_, d_, false, 0);
            const double h = measure.text(0, 0, note, 9, false, kBodyWidth);
            room_for(h);
            y_ += text(kMargin, y_, note, 9, false, kBodyWidth) + 3;
        }
        for (const ReportTable& t : s.tables) table(t);
        for (const Chart& c : s.charts) chart(c);
    }

    std::vector<double> column_widths(const ReportTable& t) {
        const auto& columns = t.table.columns;
        std::vector<double> widths(columns.size(), 0);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            // A heading may wrap between its words: its longest word is what it needs.
            widths[c] = 0;
            std::size_t start = 0;
            const std::string& title = columns[c].title;
            while (start <= title.size()) {
                const std::size_t end = std::min(title.find(' ', start), title.size());
                widths[c] = std::max(widths[c], text_width(title.substr(start, end - start), 8, true));
                start = end + 1;
            }
            auto consider = [&](const std::vector<Cell>& row, bool bold) {
                if (c < row.size()) widths[c] = std::max(widths[c], text_width(display_text(row[c], columns[c].type), 8, bold));
            };
            for (const auto& row : t.table.rows) consider(row, false);
            if (t.totals) consider(*t.totals, true);
            widths[c] += 2 * kCellPad;
        }
        double sum = 0;
        for (double w : widths) sum += w;
        // Too wide for the page: the text columns wrap first (a figure or a date broken over two
        // lines is misread). They share what the other columns leave, in proportion to their
        // widths, none below 60 points (or its own width, if less: never widened); a column held
        // at that floor leaves the sharing, so the others settle in a few rounds. Only if that is
        // not enough does every column give way.
        if (sum > kBodyWidth) {
            std::vector<bool> sharing(widths.size());
            for (std::size_t c = 0; c < widths.size(); ++c) sharing[c] = columns[c].type == ColumnType::Text;
            const std::vector<double> natural = widths;
            for (std::size_t round = 0; round < widths.size(); ++round) {
                double kept = 0, shared = 0;
                for (std::size_t c = 0; c < widths.size(); ++c) (sharing[c] ? shared : kept) += widths[c];
                if (shared <= 0 || kept + shared <= kBodyWidth) break;
                const double share = std::max(0.0, kBodyWidth - kept) / shared;
                bool settled = true;
                for (std::size_t c = 0; c < widths.size(); ++c) {
                    if (!sharing[c]) continue;
                    const double floor = std::min(natural[c], 60.0);
                    if (widths[c] * share < floor) {
                        widths[c] = floor;
                        sharing[c] = false;
                        settled = false;
                    }
                }
                if (settled) {
                    for (std::size_t c = 0; c < widths.size(); ++c)
                        if (sharing[c]) widths[c] *= share;
                    break;
                }
            }
            sum = 0;
            for (double w : widths) sum += w;
        }
        if (sum > kBodyWidth)
            for (double& w : widths) w *= kBodyWidth / sum;
        return widths;
    }

    double row(const ReportTable& t, const std::vector<double>& widths, const std::vector<std::string>& cells, bool bold,
               bool header, bool measure_only) {
        double height = 0;
        double x = kMargin;
        const bool was_drawing = draw_;
        if (measure_only) draw_ = false;
        for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
            const bool right = !header && numeric(t.table.columns[c].type);
            const bool right_header = header && numeric(t.table.columns[c].type);
            height = std::max(height, text(x + kCellPad, y_ + kCellPad, cells[c], 8, bold, widths[c] - 2 * kCellPad,
                                           right || right_header));
            x += widths[c];
        }
        draw_ = was_drawing;
        return height + 2 * kCellPad;
    }

    void rule(double y, double width_points) {
        if (!draw_) return;
        cairo_set_source_rgb(cr_, 0.3, 0.3, 0.3);
        cairo_set_line_width(cr_, width_points);
        cairo_move_to(cr_, kMargin, y);
        cairo_line_to(cr_, kPageWidth - kMargin, y);
        cairo_stroke(cr_);
    }

    // What a table needs on the page it starts on: its title, header and first rows (never a
    // header alone at a page's foot).
    double table_start_height(const ReportTable& t) {
        std::vector<std::string> header;
        for (const Column& c : t.table.columns) header.push_back(c.title);
        return (t.table.title.empty() ? 0 : 16) + row(t, column_widths(t), header, true, true, true) * 3;
    }

    void table(const ReportTable& t) {
        const auto widths = column_widths(t);
        std::vector<std::string> header;
        for (const Column& c : t.table.columns) header.push_back(c.title);
        auto texts = [&](const std::vector<Cell>& cells) {
            std::vector<std::string> out;
            for (std::size_t c = 0; c < cells.size() && c < t.table.columns.size(); ++c)
                out.push_back(display_text(cells[c], t.table.columns[c].type));
            return out;
        };
        const double header_height = row(t, widths, header, true, true, true);
        auto draw_header = [&] {
            if (!t.table.title.empty()) y_ += text(kMargin, y_, t.table.title, 10, true, kBodyWidth) + 2;
            row(t, widths, header, true, true, false);
            y_ += header_height;
            rule(y_, 0.8);
        };
        room_for(table_start_height(t));
        draw_header();
        for (const auto& r : t.table.rows) {
            const std::vector<std::string> cells = texts(r);
            const double h = row(t, widths, cells, false, false, true);
            if (y_ + h > kBodyBottom) {
                new_page();
                draw_header();
            }
            row(t, widths, cells, false, false, false);
            y_ += h;
        }
        if (t.totals) {
            const std::vector<std::string> cells = texts(*t.totals);
            const double h = row(t, widths, cells, true, false, true);
            if (y_ + h > kBodyBottom) {  // never a totals row alone at the top of a page
                new_page();
                draw_header();
            }
            rule(y_, 0.8);
            row(t, widths, cells, true, false, false);
            y_ += h;
        }
        y_ += 10;
    }

    static double chart_height(const Chart& c) {
        const double group = static_cast<double>(c.series.size()) * kBar + kGroupGap;
        return 18 + static_cast<double>(c.labels.size()) * (group + 12) + 16;  // labels may wrap
    }

    void chart(const Chart& c) {
        const double bar = kBar, label_width = 150;
        const double group = static_cast<double>(c.series.size()) * bar + kGroupGap;
        room_for(chart_height(c));
        y_ += text(kMargin, y_, c.title, 10, true, kBodyWidth) + 4;
        std::int64_t top = 1;
        for (const auto& s : c.series)
            for (std::int64_t v : s.values) top = std::max(top, v);
        const double span = kBodyWidth - label_width - 90;
        for (std::size_t l = 0; l < c.labels.size(); ++l) {
            // A label may wrap to two lines: its group is then as tall as the label.
            const double label_height = text(kMargin, y_, c.labels[l], 8, false, label_width - 6);
            for (std::size_t s = 0; s < c.series.size(); ++s) {
                const std::int64_t v = l < c.series[s].values.size() ? c.series[s].values[l] : 0;
                const double w = span * static_cast<double>(std::max<std::int64_t>(v, 0)) / static_cast<double>(top);
                const double by = y_ + static_cast<double>(s) * bar;
                if (draw_) {
                    const double* rgb = kPalette[s % 5];
                    cairo_set_source_rgb(cr_, rgb[0], rgb[1], rgb[2]);
                    cairo_rectangle(cr_, kMargin + label_width, by, std::max(w, 0.5), bar - 2);
                    cairo_fill(cr_);
                }
                const Cell value = c.value_type == ColumnType::Money ? Cell{Money::from_fen(v)} : Cell{v};
                text(kMargin + label_width + w + 4, by - 1, display_text(value, c.value_type), 7);
            }
            y_ += std::max(group, label_height + 4);
        }
        // The legend: a swatch and the series' name each.
        double x = kMargin + label_width;
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            if (draw_) {
                const double* rgb = kPalette[s % 5];
                cairo_set_source_rgb(cr_, rgb[0], rgb[1], rgb[2]);
                cairo_rectangle(cr_, x, y_ + 2, 8, 8);
                cairo_fill(cr_);
            }
            text(x + 11, y_, c.series[s].name, 8);
            x += 20 + text_width(c.series[s].name, 8, false);
        }
        y_ += 24;
    }

    cairo_t* cr_;
    const Document& d_;
    bool draw_;
    int total_pages_;
    int page_ = 0;
    double y_ = kBodyTop;
};

}  // namespace

void write_document_pdf(const Document& document, const std::string& path) {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw StorageError(subst(tr("output: cannot create \"{0}\""), {path}));
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
    cairo_t* cr = cairo_create(surface);
    const int pages = PdfLayout(cr, document, false, 0).run();
    PdfLayout(cr, document, true, pages).run();
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw StorageError(subst(tr("output: \"{0}\" could not be written ({1})"), {path, cairo_status_to_string(status)}));
}

}  // namespace md::report
