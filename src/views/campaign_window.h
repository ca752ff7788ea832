#pragma once
// One campaign: its facts (when, whom, coin effects, owner), its budget against the actual cost
// so far, and its KPI targets against the actual figures (services/campaign_results says how
// each is counted; the window prints the definitions under the table). ShowModal returns
// wxID_EDIT or wxID_DELETE (cancel the campaign) for the Campaigns area to turn into change
// requests, wxID_FORWARD to submit a draft's request, or wxID_CLOSE.
#include "services/campaign_results.h"

#include <wx/dialog.h>

namespace md::views {

class CampaignWindow : public wxDialog {
public:
    CampaignWindow(wxWindow* parent, const CampaignResults& results, bool may_propose);

    // The campaign's facts in lines, as the window shows them.
    static wxString facts(const CalendarCampaign& shown);
};

}  // namespace md::views
