#include "views/campaign_month_view.h"

#include "models/translate.h"
#include "views/campaign_labels.h"

#include <wx/dc.h>
#include <wx/settings.h>

namespace md::views {
namespace {

constexpr int kWeeks = 6;
constexpr int kBarsPerDay = 3;  // more than this shows "+N"

}  // namespace

CampaignMonthView::CampaignMonthView(wxWindow* parent) : CampaignCalendarView(parent, parent->FromDIP(wxSize(700, 420))) {}

void CampaignMonthView::show_month(int year, int month, std::vector<CalendarCampaign> campaigns,
                                   const std::vector<CampaignConflict>& conflicts) {
    month_ = month;
    show_days(first_day_shown(year, month), kDaysShown, std::move(campaigns), conflicts);
}

Date CampaignMonthView::first_day_shown(int year, int month) {
    const Date first(year, month, 1);
    const int from_monday = (first.day_of_week().as_number() + 6) % 7;
    return first - boost::gregorian::days(from_monday);
}

int CampaignMonthView::day_index_at(const wxPoint& at) const {
    const wxSize size = GetClientSize();
    const int header = FromDIP(22);
    const int cell_w = size.x / 7, cell_h = (size.y - header) / kWeeks;
    if (cell_w <= 0 || cell_h <= 0 || at.y < header || at.x < 0) return -1;
    const int col = at.x / cell_w, row = (at.y - header) / cell_h;
    if (col > 6 || row >= kWeeks) return -1;
    return row * 7 + col;
}

CampaignCalendarView::Shift CampaignMonthView::shift_between(const wxPoint& from, const wxPoint& to) const {
    const int a = day_index_at(from), b = day_index_at(to);
    if (a < 0 || b < 0) return Shift();
    return boost::posix_time::hours(24 * (b - a));
}

void CampaignMonthView::draw(wxDC& dc) {
    const wxColour background = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    const wxSize size = GetClientSize();
    const int header = FromDIP(22);
    const int cell_w = size.x / 7, cell_h = (size.y - header) / kWeeks;
    for (int col = 0; col < 7; ++col) {
        dc.SetTextForeground(col >= 5 ? wxColour(190, 60, 60) : text);
        dc.DrawText(weekday_heading(col), col * cell_w + FromDIP(6), FromDIP(3));
    }
    const int bar_h = FromDIP(17);
    const Date today = to_business_time(now_utc()).date();
    Date day = first_;
    for (int week = 0; week < kWeeks; ++week)
        for (int col = 0; col < 7; ++col, day += boost::gregorian::days(1)) {
            const wxRect cell(col * cell_w, header + week * cell_h, cell_w, cell_h);
            const bool in_month = day.month() == month_;
            const bool conflict = conflict_days_.count(day) > 0;
            dc.SetPen(conflict ? wxPen(conflict_red(), FromDIP(2)) : wxPen(wxColour(210, 210, 210)));
            dc.SetBrush(wxBrush(day == today ? wxColour(255, 250, 220) : background));
            dc.DrawRectangle(wxRect(cell).Deflate(conflict ? 1 : 0));
            dc.SetTextForeground(in_month ? text : grey);
            dc.DrawText(wxString::Format("%d", static_cast<int>(day.day())), cell.x + FromDIP(5), cell.y + FromDIP(2));
            if (conflict) {
                dc.SetTextForeground(conflict_red());
                dc.DrawText(wxString::FromUTF8("⚠"), cell.GetRight() - FromDIP(18), cell.y + FromDIP(2));
            }
            int shown = 0, hidden = 0;
            for (const CalendarCampaign& c : campaigns_) {
                if (!runs_on(c, day)) continue;
                if (shown == kBarsPerDay) {
                    ++hidden;
                    continue;
                }
                draw_bar(dc, wxRect(cell.x + FromDIP(3), cell.y + FromDIP(20) + shown * (bar_h + FromDIP(2)),
                                    cell.width - FromDIP(6), bar_h),
                         c);
                ++shown;
            }
            if (hidden > 0) {
                dc.SetTextForeground(grey);
                dc.DrawText(wxString::Format(_("+%d more"), hidden), cell.x + FromDIP(5),
                            cell.y + FromDIP(20) + shown * (bar_h + FromDIP(2)));
            }
        }
}

}  // namespace md::views
