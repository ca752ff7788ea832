#include "views/date_columns.h"

#include "models/date_text.h"
#include "views/wx_text.h"

#include <wx/window.h>

namespace md::views {
namespace {

// 28 December: two-digit month and day, the widest a date gets in either language.
const Date kWidestDay(2026, 12, 28);

int width_of(const wxWindow* window, const std::string& text) {
    return window->GetTextExtent(to_wx(text)).GetWidth() + window->FromDIP(16);  // the cell's margins
}

}  // namespace

int date_column_width(const wxWindow* window) { return width_of(window, display_date(kWidestDay)); }

int time_column_width(const wxWindow* window) {
    return width_of(window, display_time(Instant(kWidestDay, boost::posix_time::hours(23) + boost::posix_time::minutes(59))));
}

}  // namespace md::views
