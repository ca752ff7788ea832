#include "views/campaign_window.h"

#include "models/date_text.h"
#include "models/translate.h"
#include "views/campaign_labels.h"
#include "views/heading.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {
namespace {

wxString percent(std::optional<int> bp) {
    return bp ? wxString::Format("%d.%02d%%", *bp / 100, *bp % 100) : wxString::FromUTF8("—");
}
wxString percent_target(std::optional<int> pct) { return pct ? wxString::Format("%d%%", *pct) : wxString::FromUTF8("—"); }
wxString count(std::int64_t n) { return wxString::Format("%lld", static_cast<long long>(n)); }

wxListCtrl* table(wxWindow* parent, const std::vector<wxString>& columns, int rows) {
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition,
                                parent->FromDIP(wxSize(560, 28 + 21 * rows)), wxLC_REPORT | wxLC_SINGLE_SEL);
    list->AppendColumn(columns[0], wxLIST_FORMAT_LEFT, parent->FromDIP(250));
    for (std::size_t i = 1; i < columns.size(); ++i) list->AppendColumn(columns[i], wxLIST_FORMAT_RIGHT, parent->FromDIP(150));
    return list;
}

// Tall enough for every row and the header, so nothing scrolls.
void fit_rows(wxListCtrl* list) {
    wxRect row;
    if (list->GetItemCount() == 0 || !list->GetItemRect(0, row)) return;
    const int height = row.height * (list->GetItemCount() + 1) + list->FromDIP(12);
    list->SetMinSize(wxSize(list->GetMinSize().x, height));
}

void add_row(wxListCtrl* list, const std::vector<wxString>& cells) {
    const long row = list->InsertItem(list->GetItemCount(), cells[0]);
    for (std::size_t i = 1; i < cells.size(); ++i) list->SetItem(row, static_cast<long>(i), cells[i]);
}

}  // namespace

wxString CampaignWindow::facts(const CalendarCampaign& shown) {
    const Campaign& c = shown.campaign;
    auto joined = [](const std::vector<std::string>& list) {
        std::string text;
        for (const std::string& s : list) text += (text.empty() ? "" : ", ") + s;
        return to_wx(text);
    };
    wxString text;
    text << label_of(campaign_type_labels(), c.type) << " · " << label_of(campaign_status_labels(), shown.status) << "\n";
    text << wxString::Format(_("From %s to %s; %s"), to_wx(display_time(c.starts_at)),
                             to_wx(display_time(c.ends_at)), to_wx(describe(c.recurrence)))
         << "\n";
    if (c.target.everyone()) text << _("Aimed at every member") << "\n";
    if (!c.target.tiers.empty()) text << wxString::Format(_("Tiers: %s"), joined(c.target.tiers)) << "\n";
    if (!c.target.states.empty()) text << wxString::Format(_("Member states: %s"), joined(c.target.states)) << "\n";
    if (!c.target.tags.empty()) text << wxString::Format(_("Tags and clubs: %s"), joined(c.target.tags)) << "\n";
    if (c.coin_multiplier_pct != 100)
        text << wxString::Format(_("Coins earned ×%s while it runs"), to_wx(format_multiplier(c.coin_multiplier_pct))) << "\n";
    if (c.referral_coins > 0)
        text << wxString::Format(_("%lld coins to each side of a referral"), static_cast<long long>(c.referral_coins)) << "\n";
    if (c.birthday_coins > 0)
        text << wxString::Format(_("%lld coins in the member's birthday month"), static_cast<long long>(c.birthday_coins)) << "\n";
    if (!c.owner.empty()) text << wxString::Format(_("Owner: %s"), to_wx(c.owner)) << "\n";
    if (shown.change_request)
        text << wxString::Format(_("Waiting in change request #%lld"), static_cast<long long>(shown.change_request)) << "\n";
    return text.Trim();
}

CampaignWindow::CampaignWindow(wxWindow* parent, const CampaignResults& r, bool may_propose)
    : wxDialog(parent, wxID_ANY,
               local_name(r.campaign.campaign.name_zh, r.campaign.campaign.name_en) + " (" + to_wx(r.campaign.campaign.code) + ")",
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    const Campaign& c = r.campaign.campaign;
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, facts(r.campaign)), 0, wxALL, gap);

    sizer->Add(bold_heading(this, wxString::Format(_("Budget against actual cost (%d campaign days to %s)"), r.campaign_days,
                                                    to_wx(display_date(r.as_of)))),
               0, wxLEFT | wxRIGHT | wxTOP, gap);
    auto* budget = table(this, {_("Item"), _("Budget"), _("Actual")}, 5);
    const wxString dash = wxString::FromUTF8("—");
    add_row(budget, {_("Activity cost"), to_wx(c.budget.activity.to_display()), dash});
    add_row(budget, {_("Technology"), to_wx(c.budget.technology.to_display()), dash});
    add_row(budget, {_("Partner resources"), to_wx(c.budget.partner.to_display()), dash});
    add_row(budget, {wxString::Format(_("Coins granted: %lld × %s"), static_cast<long long>(r.coins_granted),
                                      to_wx(r.coin_value.to_display())),
                     wxString(), to_wx(r.actual_cost.to_display())});
    add_row(budget, {_("Total"), to_wx(c.budget.total().to_display()), to_wx(r.actual_cost.to_display())});
    fit_rows(budget);
    sizer->Add(budget, 0, wxEXPAND | wxALL, gap);

    sizer->Add(bold_heading(this, _("KPI targets against actual figures")), 0, wxLEFT | wxRIGHT, gap);
    auto* kpis = table(this, {_("KPI"), _("Target"), _("Actual")}, 7);
    add_row(kpis, {_("New members"), c.kpis.new_members ? count(*c.kpis.new_members) : dash, count(r.new_members)});
    add_row(kpis, {_("Participation rate"), percent_target(c.kpis.participation_pct), percent(r.participation_bp)});
    add_row(kpis, {_("Points redemption rate"), percent_target(c.kpis.redemption_pct), percent(r.redemption_bp)});
    add_row(kpis, {_("Repurchase rate"), percent_target(c.kpis.repurchase_pct), percent(r.repurchase_bp)});
    add_row(kpis, {_("Cost per new member"), c.kpis.cost_per_new_member ? to_wx(c.kpis.cost_per_new_member->to_display()) : dash,
                   r.cost_per_new_member ? to_wx(r.cost_per_new_member->to_display()) : dash});
    add_row(kpis, {_("Members aimed at"), wxString(), count(r.targeted)});
    add_row(kpis, {_("Participants"), wxString(), count(r.participants)});
    fit_rows(kpis);
    sizer->Add(kpis, 0, wxEXPAND | wxALL, gap);

    auto* definitions = new wxStaticText(
        this, wxID_ANY,
        _("Actual cost: coins granted by the campaign at their redemption value; spending outside MemberDesk is not "
          "recorded here. Participants: members aimed at with a purchase on a campaign day. Participation: participants "
          "÷ members aimed at. Repurchase: participants with two or more purchases ÷ participants. Redemption: coins "
          "participants redeemed ÷ coins they earned, on campaign days. Rates rounded half up to 0.01%."));
    definitions->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    definitions->Wrap(FromDIP(560));
    sizer->Add(definitions, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* edit_button = new wxButton(this, wxID_ANY, _("&Edit…"));
    auto* cancel_button = new wxButton(this, wxID_ANY, _("Cancel &campaign…"));
    if (r.campaign.status == CampaignStatus::Draft) {
        auto* submit = new wxButton(this, wxID_ANY, _("&Submit for approval"));
        submit->Enable(may_propose);
        submit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_FORWARD); });
        buttons->Add(submit, 0, wxRIGHT, gap);
    }
    buttons->Add(edit_button, 0, wxRIGHT, gap);
    buttons->Add(cancel_button, 0);
    buttons->AddStretchSpacer();
    auto* close = new wxButton(this, wxID_CLOSE, _("Close"));
    buttons->Add(close, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);
    close->SetDefault();  // Enter closes, as Esc does
    close->SetFocus();
    // A campaign waiting in a request is changed in the approvals area; one in force by a new request.
    const bool in_force = r.campaign.change_request == 0 && r.campaign.status != CampaignStatus::Cancelled;
    edit_button->Enable(may_propose);
    cancel_button->Enable(may_propose && in_force);
    edit_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_EDIT); });
    cancel_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_DELETE); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
}

}  // namespace md::views
