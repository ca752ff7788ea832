#pragma once
// The campaign calendar's month view: six weeks from Monday, each day with the campaigns that
// run on it as coloured bars (the colour says the type), and the days where two campaigns
// aimed at the same members meet framed in red with a warning mark. Clicking a bar reports
// the campaign's code.
#include "services/campaign_service.h"

#include <functional>
#include <set>
#include <vector>
#include <wx/window.h>

namespace md::views {

class CampaignMonthView : public wxWindow {
public:
    explicit CampaignMonthView(wxWindow* parent);
    void show_month(int year, int month, std::vector<CalendarCampaign> campaigns,
                    const std::vector<CampaignConflict>& conflicts);
    void on_campaign_clicked(std::function<void(const std::string& code)> handler) { clicked_ = std::move(handler); }

    // The colour of a campaign type's bars (also used by the legend).
    static wxColour type_colour(CampaignType type);
    // The days the grid shows for a month: six weeks from the Monday on or before the 1st.
    static Date first_day_shown(int year, int month);
    static constexpr int kDaysShown = 42;

private:
    struct Bar {
        wxRect rect;
        std::string code;
    };
    void paint(wxPaintEvent&);
    void click(wxMouseEvent&);
    Date first_shown() const { return first_day_shown(year_, month_); }
    bool runs_on(const CalendarCampaign& c, const Date& day) const;

    int year_ = 2026, month_ = 1;
    std::vector<CalendarCampaign> campaigns_;
    std::set<Date> conflict_days_;
    std::vector<Bar> bars_;
    std::function<void(const std::string&)> clicked_;
};

}  // namespace md::views
