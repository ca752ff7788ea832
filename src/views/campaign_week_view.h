#pragma once
// The campaign calendar's week view: seven day columns from Monday against the hours of the
// day, each campaign drawn as a block from its start to its end time (campaigns running at the
// same time side by side), the days where campaigns aimed at the same members meet headed in red
// with a warning mark. Dragging a block moves it by whole days across and by half hours up and
// down.
#include "views/campaign_calendar_view.h"

namespace md::views {

class CampaignWeekView : public CampaignCalendarView {
public:
    explicit CampaignWeekView(wxWindow* parent);
    void show_week(const Date& monday, std::vector<CalendarCampaign> campaigns, const std::vector<CampaignConflict>& conflicts);

    // The Monday on or before a day.
    static Date monday_of(const Date& day);

private:
    void draw(wxDC& dc) override;
    Shift shift_between(const wxPoint& from, const wxPoint& to) const override;
    // The grid's geometry for the window's current size.
    struct Grid {
        int gutter, header, col_w, top, height;
        int y_of(int minute) const { return top + height * minute / (24 * 60); }
    };
    Grid grid() const;
};

}  // namespace md::views
