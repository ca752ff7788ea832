#pragma once
// Widths of list columns that show dates and times for people (models/date_text): measured in
// the window's font, because "2026年12月28日" is wider than "2026-12-28" and a column sized for
// one language would cut the other short.
class wxWindow;

namespace md::views {

int date_column_width(const wxWindow* window);  // the widest day of a year, with the cell's padding
int time_column_width(const wxWindow* window);  // the same with " 23:59"

}  // namespace md::views
