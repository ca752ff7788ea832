#pragma once
// The Campaigns area: the campaign calendar a month at a time (CampaignMonthView), the month's
// campaigns in a list with their type, status, recurrence in words, coin multiplier and budget,
// and the conflicts between campaigns aimed at the same members. Campaigns are proposed and
// approved as programme items (`campaign add` on the CLI; the approvals area decides them).
// Clicking a bar, or activating a row, opens the campaign.
#include "services/actor.h"
#include "services/campaign_service.h"
#include "views/lazy_area.h"

#include <memory>
#include <wx/panel.h>

class wxListCtrl;
class wxStaticText;

namespace md { class Services; }

namespace md::views {

class CampaignMonthView;

class CampaignsPanel : public wxPanel, public LazyArea {
public:
    CampaignsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    void load() override;
    void show_month();
    void step(int months);
    void select(const std::string& code);
    // The campaign's facts in a window: when, whom, budget, KPI targets and coin effects.
    void open(const std::string& code);

    std::shared_ptr<Services> services_;
    Actor actor_;
    int year_ = 2026, month_ = 1;
    std::vector<CalendarCampaign> shown_;
    wxStaticText* title_ = nullptr;
    CampaignMonthView* month_view_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* conflicts_ = nullptr;
};

}  // namespace md::views
