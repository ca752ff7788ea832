// A report document as one self-contained HTML page (preview and printing): styles inline,
// numbers right-aligned, totals bold, charts as inline SVG bars (tables of coloured cells in the
// Basic flavour). Every text is escaped.
#include "models/date_text.h"
#include "models/translate.h"
#include "reports/document_renderers.h"

#include <algorithm>
#include <cstring>
#include <sstream>

namespace md::report {
namespace {

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

bool numeric(ColumnType type) {
    return type == ColumnType::Count || type == ColumnType::Money || type == ColumnType::Percent;
}

// wxHTML breaks lines only at spaces, and Chinese has none: the Basic flavour lets a long note
// break after the Chinese punctuation marks instead of running off the printed page.
std::string breakable(const std::string& text) {
    static const char* const marks[] = {"，", "；", "、", "。", "）", "："};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool marked = false;
        for (const char* mark : marks) {
            const std::size_t n = std::strlen(mark);
            if (text.compare(i, n, mark) == 0) {
                out.append(mark).push_back(' ');
                i += n;
                marked = true;
                break;
            }
        }
        if (!marked) out += text[i++];
    }
    return out;
}

const char* const kPalette[] = {"#2E6DB4", "#E08A1E", "#3C9A5F", "#B44B4B", "#7B5EA7"};

void chart_svg(std::ostringstream& out, const Chart& chart) {
    // Grouped bars, one group per label, scaled to the largest value.
    std::int64_t top = 1;
    for (const auto& s : chart.series)
        for (std::int64_t v : s.values) top = std::max(top, v);
    const int bar = 18, group_gap = 14, label_width = 160, width = 640;
    const int group = static_cast<int>(chart.series.size()) * bar + group_gap;
    const int height = static_cast<int>(chart.labels.size()) * group + 30;
    out << "<figure><figcaption>" << escape(chart.title) << "</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        << width << "\" height=\"" << height << "\">";
    for (std::size_t l = 0; l < chart.labels.size(); ++l) {
        const int y = static_cast<int>(l) * group;
        out << "<text x=\"0\" y=\"" << y + bar << "\" font-size=\"12\">" << escape(chart.labels[l]) << "</text>";
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            const std::int64_t v = l < chart.series[s].values.size() ? chart.series[s].values[l] : 0;
            const int w = static_cast<int>((width - label_width - 120) * std::max<std::int64_t>(v, 0) / top);
            const Cell value = chart.value_type == ColumnType::Money ? Cell{Money::from_fen(v)} : Cell{v};
            out << "<rect x=\"" << label_width << "\" y=\"" << y + static_cast<int>(s) * bar << "\" width=\"" << w
                << "\" height=\"" << bar - 3 << "\" fill=\"" << kPalette[s % 5] << "\"/>"
                << "<text x=\"" << label_width + w + 4 << "\" y=\"" << y + static_cast<int>(s) * bar + bar - 6
                << "\" font-size=\"11\">" << escape(display_text(value, chart.value_type)) << "</text>";
        }
    }
    out << "</svg><div class=\"legend\">";
    for (std::size_t s = 0; s < chart.series.size(); ++s)
        out << "<span style=\"color:" << kPalette[s % 5] << "\">■</span> " << escape(chart.series[s].name) << " ";
    out << "</div></figure>";
}

// The same bars for wxHTML (the GUI's preview and printing), which draws no SVG: each bar a table
// cell of the series' colour, as wide as its share of the largest value.
void chart_table(std::ostringstream& out, const Chart& chart) {
    std::int64_t top = 1;
    for (const auto& s : chart.series)
        for (std::int64_t v : s.values) top = std::max(top, v);
    const int span = 360;
    out << "<p><b>" << escape(chart.title) << "</b></p><table cellspacing=\"0\" cellpadding=\"1\">";
    for (std::size_t l = 0; l < chart.labels.size(); ++l) {
        out << "<tr><td valign=\"top\">" << escape(chart.labels[l]) << "&nbsp;</td><td>";
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            const std::int64_t v = l < chart.series[s].values.size() ? chart.series[s].values[l] : 0;
            const int w = std::max(1, static_cast<int>(span * std::max<std::int64_t>(v, 0) / top));
            const Cell value = chart.value_type == ColumnType::Money ? Cell{Money::from_fen(v)} : Cell{v};
            out << "<table cellspacing=\"0\" cellpadding=\"0\"><tr><td bgcolor=\"" << kPalette[s % 5] << "\" width=\"" << w
                << "\"><font size=\"1\">&nbsp;</font></td><td><font size=\"2\">&nbsp;"
                << escape(display_text(value, chart.value_type)) << "</font></td></tr></table>";
        }
        out << "</td></tr>";
    }
    out << "</table><p>";
    for (std::size_t s = 0; s < chart.series.size(); ++s)
        out << "<font color=\"" << kPalette[s % 5] << "\">■</font> " << escape(chart.series[s].name) << "&nbsp;&nbsp;";
    out << "</p>";
}

}  // namespace

std::string document_html(const Document& d, HtmlFlavour flavour) {
    const bool basic = flavour == HtmlFlavour::Basic;
    std::ostringstream out;
    out << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" << escape(d.title) << "</title>";
    if (!basic)
        out << "<style>"
            << "body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;font-size:13px;margin:24px}"
            << "table{border-collapse:collapse;margin:8px 0 16px}th,td{padding:3px 10px;border-bottom:1px solid #ddd}"
            << "th{text-align:left;border-bottom:1px solid #444}td.n,th.n{text-align:right}tr.total td{font-weight:bold;"
            << "border-top:1px solid #444}dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}"
            << "dt{color:#555}dd{margin:0}.legend{font-size:12px}figcaption{font-weight:bold;margin:6px 0}"
            << "</style>";
    out << "</head><body><h1>" << escape(d.title) << "</h1>";
    if (basic) {
        for (const auto& [label, value] : d.parameters) out << escape(labelled(label, value)) << "<br>";
        out << escape(labelled(tr("Prepared by"), d.prepared_by + ", " + display_business_time(d.prepared_at)));
    } else {
        out << "<dl>";
        for (const auto& [label, value] : d.parameters) out << "<dt>" << escape(label) << "</dt><dd>" << escape(value) << "</dd>";
        out << "<dt>" << escape(tr("Prepared by")) << "</dt><dd>" << escape(d.prepared_by) << ", "
            << escape(display_business_time(d.prepared_at)) << "</dd></dl>";
    }
    for (const Section& s : d.sections) {
        out << "<h2>" << escape(s.heading) << "</h2>";
        for (const std::string& note : s.notes) out << "<p>" << escape(basic ? breakable(note) : note) << "</p>";
        for (const ReportTable& t : s.tables) {
            if (!t.table.title.empty()) out << "<h3>" << escape(t.table.title) << "</h3>";
            out << (basic ? "<table cellpadding=\"3\" cellspacing=\"0\" border=\"1\"><tr>" : "<table><tr>");
            for (const Column& c : t.table.columns)
                out << (numeric(c.type) ? (basic ? "<th align=\"right\">" : "<th class=\"n\">") : "<th align=\"left\">")
                    << escape(c.title) << "</th>";
            out << "</tr>";
            auto row = [&](const std::vector<Cell>& cells, bool total) {
                out << (total && !basic ? "<tr class=\"total\">" : "<tr>");
                for (std::size_t i = 0; i < cells.size() && i < t.table.columns.size(); ++i) {
                    const std::string text = escape(display_text(cells[i], t.table.columns[i].type));
                    out << (numeric(t.table.columns[i].type) ? (basic ? "<td align=\"right\">" : "<td class=\"n\">") : "<td>")
                        << (total && basic ? "<b>" + text + "</b>" : text) << "</td>";
                }
                out << "</tr>";
            };
            for (const auto& r : t.table.rows) row(r, false);
            if (t.totals) row(*t.totals, true);
            out << "</table>";
        }
        for (const Chart& c : s.charts) basic ? chart_table(out, c) : chart_svg(out, c);
    }
    out << "</body></html>\n";
    return out.str();
}

}  // namespace md::report
