#include "views/campaign_week_view.h"

#include "models/translate.h"
#include "views/campaign_labels.h"

#include <wx/dc.h>
#include <wx/settings.h>

namespace md::views {
namespace {
constexpr int kMinutesPerDay = 24 * 60;
constexpr int kSnapMinutes = 30;  // a dragged block moves in half hours
}  // namespace

CampaignWeekView::CampaignWeekView(wxWindow* parent) : CampaignCalendarView(parent, parent->FromDIP(wxSize(700, 420))) {}

Date CampaignWeekView::monday_of(const Date& day) {
    return day - boost::gregorian::days((day.day_of_week().as_number() + 6) % 7);
}

void CampaignWeekView::show_week(const Date& monday, std::vector<CalendarCampaign> campaigns,
                                 const std::vector<CampaignConflict>& conflicts) {
    show_days(monday, 7, std::move(campaigns), conflicts);
}

CampaignWeekView::Grid CampaignWeekView::grid() const {
    const wxSize size = GetClientSize();
    Grid g;
    g.gutter = FromDIP(44);
    g.header = FromDIP(40);
    g.col_w = std::max(1, (size.x - g.gutter) / 7);
    g.top = g.header;
    g.height = std::max(1, size.y - g.header - FromDIP(2));
    return g;
}

CampaignCalendarView::Shift CampaignWeekView::shift_between(const wxPoint& from, const wxPoint& to) const {
    const Grid g = grid();
    if (from.x < g.gutter || to.x < g.gutter) return Shift();
    const int days = std::clamp((to.x - g.gutter) / g.col_w, 0, 6) - std::clamp((from.x - g.gutter) / g.col_w, 0, 6);
    // Rounded to the nearest half hour of the vertical distance.
    const double minutes_per_pixel = static_cast<double>(kMinutesPerDay) / g.height;
    const long steps = std::lround((to.y - from.y) * minutes_per_pixel / kSnapMinutes);
    return boost::posix_time::hours(24 * days) + boost::posix_time::minutes(steps * kSnapMinutes);
}

void CampaignWeekView::draw(wxDC& dc) {
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    const wxColour line(225, 225, 225);
    const Grid g = grid();
    const Date today = to_business_time(now_utc()).date();

    // Hour lines every two hours, labelled in the gutter.
    for (int hour = 0; hour <= 24; hour += 2) {
        const int y = g.y_of(hour * 60);
        dc.SetPen(wxPen(line));
        dc.DrawLine(g.gutter, y, g.gutter + 7 * g.col_w, y);
        if (hour < 24) {
            dc.SetTextForeground(grey);
            dc.DrawText(wxString::Format("%02d:00", hour), FromDIP(4), y + FromDIP(1));
        }
    }
    for (int col = 0; col < 7; ++col) {
        const Date day = first_ + boost::gregorian::days(col);
        const int x = g.gutter + col * g.col_w;
        const bool conflict = conflict_days_.count(day) > 0;
        if (day == today) {
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(wxColour(255, 250, 220)));
            dc.DrawRectangle(x, 0, g.col_w, g.header);
        }
        dc.SetPen(conflict ? wxPen(conflict_red(), FromDIP(2)) : wxPen(line));
        dc.SetBrush(*wxTRANSPARENT_BRUSH);
        dc.DrawRectangle(wxRect(x, 0, g.col_w, g.top + g.height).Deflate(conflict ? 1 : 0));
        dc.SetTextForeground(conflict ? conflict_red() : (col >= 5 ? wxColour(190, 60, 60) : text));
        dc.DrawText(weekday_heading(col) + (conflict ? wxString::FromUTF8(" ⚠") : wxString()), x + FromDIP(5), FromDIP(3));
        dc.SetTextForeground(text);
        dc.DrawText(chinese_ui() ? wxString::Format("%d月%d日", static_cast<int>(day.month()), static_cast<int>(day.day()))
                                 : wxString::Format("%d %s", static_cast<int>(day.day()),
                                                    wxDateTime::GetMonthName(wxDateTime::Month(day.month() - 1), wxDateTime::Name_Abbr)),
                    x + FromDIP(5), FromDIP(20));

        // The campaigns running this day, side by side, each over the hours it runs.
        std::vector<const CalendarCampaign*> running;
        for (const CalendarCampaign& c : campaigns_)
            if (runs_on(c, day)) running.push_back(&c);
        if (running.empty()) continue;
        const int lane_w = (g.col_w - FromDIP(4)) / static_cast<int>(running.size());
        const Instant day_start(day), day_end = day_start + boost::posix_time::hours(24);
        for (std::size_t lane = 0; lane < running.size(); ++lane)
            for (const Span& s : running[lane]->spans) {
                if (!(s.from < day_end && day_start < s.to)) continue;
                const int from = static_cast<int>((std::max(s.from, day_start) - day_start).total_seconds() / 60);
                const int to = static_cast<int>((std::min(s.to, day_end) - day_start).total_seconds() / 60);
                const int top = g.y_of(from), bottom = std::max(g.y_of(to), top + FromDIP(16));
                draw_bar(dc, wxRect(x + FromDIP(2) + static_cast<int>(lane) * lane_w, top + 1, lane_w - FromDIP(2), bottom - top - 2),
                         *running[lane]);
            }
    }
}

}  // namespace md::views
