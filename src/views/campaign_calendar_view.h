#pragma once
// What the campaign calendar's month and week views share: the campaigns shown and the days
// where two campaigns aimed at the same members meet, bars coloured by type (drafts pale), and
// the mouse: a click on a bar opens the campaign; dragging a bar asks to move it by the shift
// the drag covers (the panel turns that into a change request; nothing moves until approved).
#include "services/campaign_service.h"

#include <functional>
#include <set>
#include <string>
#include <vector>
#include <wx/window.h>

namespace md::views {

class CampaignCalendarView : public wxWindow {
public:
    using Shift = boost::posix_time::time_duration;
    CampaignCalendarView(wxWindow* parent, const wxSize& size);

    void on_campaign_clicked(std::function<void(const std::string& code)> handler) { clicked_ = std::move(handler); }
    void on_campaign_moved(std::function<void(const std::string& code, Shift shift)> handler) { moved_ = std::move(handler); }

    // The colour of a campaign type's bars (also the list's text colour).
    static wxColour type_colour(CampaignType type);
    static constexpr unsigned char kConflictRed[3] = {210, 40, 40};  // #D22828, which the GUI test looks for

protected:
    // The campaigns to draw over `days` days from `first`; the conflict days are worked out here.
    void show_days(const Date& first, int days, std::vector<CalendarCampaign> campaigns,
                   const std::vector<CampaignConflict>& conflicts);
    bool runs_on(const CalendarCampaign& c, const Date& day) const;
    static bool waiting(const CalendarCampaign& c) {
        return c.status == CampaignStatus::Draft || c.status == CampaignStatus::Submitted;
    }
    // Draws one bar with the campaign's name and remembers where it is for the mouse.
    void draw_bar(wxDC& dc, const wxRect& bar, const CalendarCampaign& c);
    wxColour conflict_red() const { return wxColour(kConflictRed[0], kConflictRed[1], kConflictRed[2]); }

    // Each view draws its grid and calls draw_bar for every bar.
    virtual void draw(wxDC& dc) = 0;
    // The move a drag from `from` to `to` stands for: whole days in the month view, days and
    // half hours in the week view; zero for none.
    virtual Shift shift_between(const wxPoint& from, const wxPoint& to) const = 0;

    Date first_ = Date(2026, 1, 1);
    int days_ = 0;
    std::vector<CalendarCampaign> campaigns_;
    std::set<Date> conflict_days_;

private:
    struct Bar {
        wxRect rect;
        std::string code;
    };
    void paint(wxPaintEvent&);
    void press(wxMouseEvent&);
    void drag(wxMouseEvent&);
    void release(wxMouseEvent&);
    const Bar* bar_at(const wxPoint& at) const;

    std::vector<Bar> bars_;
    // The bar being pressed or dragged: where it was pressed and where the pointer is now.
    std::optional<Bar> pressed_;
    wxPoint press_at_, pointer_at_;
    bool dragging_ = false;
    std::function<void(const std::string&)> clicked_;
    std::function<void(const std::string&, Shift)> moved_;
};

}  // namespace md::views
