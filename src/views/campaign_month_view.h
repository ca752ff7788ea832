#pragma once
// The campaign calendar's month view: six weeks from Monday, each day with the campaigns that
// run on it as coloured bars (the colour says the type), and the days where two campaigns
// aimed at the same members meet framed in red with a warning mark. Dragging a bar to another
// day asks to move the campaign by those days.
#include "views/campaign_calendar_view.h"

namespace md::views {

class CampaignMonthView : public CampaignCalendarView {
public:
    explicit CampaignMonthView(wxWindow* parent);
    void show_month(int year, int month, std::vector<CalendarCampaign> campaigns,
                    const std::vector<CampaignConflict>& conflicts);

    // The days the grid shows for a month: six weeks from the Monday on or before the 1st.
    static Date first_day_shown(int year, int month);
    static constexpr int kDaysShown = 42;

private:
    void draw(wxDC& dc) override;
    Shift shift_between(const wxPoint& from, const wxPoint& to) const override;
    // The day shown at a point (its index from the first day shown), or -1 outside the grid.
    int day_index_at(const wxPoint& at) const;

    int month_ = 1;
};

}  // namespace md::views
