#include "views/campaigns_panel.h"

#include "models/translate.h"
#include "services/services.h"
#include "views/campaign_labels.h"
#include "views/campaign_month_view.h"
#include "views/error_dialog.h"
#include "views/heading.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {

CampaignsPanel::CampaignsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(bold_heading(this, _("Campaign calendar")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    auto* previous = new wxButton(this, wxID_ANY, _("◀ &Previous"));
    auto* today = new wxButton(this, wxID_ANY, _("&This month"));
    auto* next = new wxButton(this, wxID_ANY, _("&Next ▶"));
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    wxFont big = title_->GetFont();
    big.SetPointSize(big.GetPointSize() + 3);
    big.MakeBold();
    title_->SetFont(big);
    top->Add(previous, 0, wxRIGHT, FromDIP(4));
    top->Add(today, 0, wxRIGHT, FromDIP(4));
    top->Add(next, 0, wxRIGHT, FromDIP(16));
    top->Add(title_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(top, 0, wxALL, gap);

    month_view_ = new CampaignMonthView(this);
    sizer->Add(month_view_, 3, wxEXPAND | wxLEFT | wxRIGHT, gap);
    conflicts_ = new wxStaticText(this, wxID_ANY, wxString());
    conflicts_->SetForegroundColour(wxColour(190, 30, 30));
    sizer->Add(conflicts_, 0, wxALL, gap);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 130)), wxLC_REPORT | wxLC_SINGLE_SEL);
    const std::vector<std::pair<wxString, int>> columns = {{_("Code"), 120},  {_("Campaign name"), 170}, {_("Campaign type"), 100},
                                                           {_("Status"), 80}, {_("When"), 300},       {_("Coins"), -60},
                                                           {_("Budget"), -100}};
    for (const auto& [title, width] : columns)
        list_->AppendColumn(title, width < 0 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(std::abs(width)));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(-1); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(1); });
    today->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const Date now = services_->program.today();
        year_ = now.year();
        month_ = now.month();
        show_month();
    });
    month_view_->on_campaign_clicked([this](const std::string& code) {
        select(code);
        open(code);
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { open(to_utf8(list_->GetItemText(e.GetIndex()))); });
}

void CampaignsPanel::load() {
    const Date now = services_->program.today();
    year_ = now.year();
    month_ = now.month();
    show_month();
}

void CampaignsPanel::step(int months) {
    month_ += months;
    while (month_ > 12) month_ -= 12, ++year_;
    while (month_ < 1) month_ += 12, --year_;
    show_month();
}

void CampaignsPanel::show_month() {
    title_->SetLabel(chinese_ui() ? wxString::Format("%d年%d月", year_, month_)
                                  : wxString::Format("%s %d", wxDateTime::GetMonthName(wxDateTime::Month(month_ - 1)), year_));
    // The six weeks the view shows, so bars in the neighbouring months' days are right too.
    const Date from = CampaignMonthView::first_day_shown(year_, month_);
    const Date to = from + boost::gregorian::days(CampaignMonthView::kDaysShown - 1);
    std::vector<CampaignConflict> conflicts;
    run_or_show_error(this, [&] {
        shown_ = services_->campaigns.calendar(actor_, from, to);
        conflicts = CampaignService::conflicts(shown_);
    });
    month_view_->show_month(year_, month_, shown_, conflicts);
    wxString warning;
    for (const CampaignConflict& c : conflicts)
        warning += (warning.empty() ? wxString::FromUTF8("⚠ ") : wxString("; ")) +
                   wxString::Format(_("%s and %s meet on %s, aimed at the same members"), to_wx(c.first), to_wx(c.second),
                                    to_wx(format_date(c.day)));
    conflicts_->SetLabel(warning);
    list_->DeleteAllItems();
    for (const CalendarCampaign& c : shown_) {
        const long row = list_->InsertItem(list_->GetItemCount(), to_wx(c.campaign.code));
        list_->SetItem(row, 1, local_name(c.campaign.name_zh, c.campaign.name_en));
        list_->SetItem(row, 2, label_of(campaign_type_labels(), c.campaign.type));
        list_->SetItem(row, 3, label_of(campaign_status_labels(), c.status));
        // One day: "10:00–22:00, every month on day 8"; longer: the first occurrence's start and end.
        const Span& next = c.spans.front();
        const bool one_day = (next.to - boost::posix_time::seconds(1)).date() == next.from.date();
        const std::string when = one_day ? format_instant(next.from).substr(11, 5) + "–" + format_instant(next.to).substr(11, 5)
                                         : format_instant(next.from).substr(0, 16) + " – " + format_instant(next.to).substr(0, 16);
        list_->SetItem(row, 4, to_wx(when + ", " + describe(c.campaign.recurrence)));
        list_->SetItem(row, 5, c.campaign.coin_multiplier_pct == 100
                                   ? wxString()
                                   : wxString::FromUTF8("×") + to_wx(format_multiplier(c.campaign.coin_multiplier_pct)));
        list_->SetItem(row, 6, to_wx(c.campaign.budget.total().to_display()));
        list_->SetItemTextColour(row, CampaignMonthView::type_colour(c.campaign.type));
    }
    Layout();
}

void CampaignsPanel::open(const std::string& code) {
    const CalendarCampaign* shown = nullptr;
    for (const CalendarCampaign& c : shown_)
        if (c.campaign.code == code) shown = &c;
    if (!shown) return;
    const Campaign& c = shown->campaign;
    auto joined = [](const std::vector<std::string>& list) {
        std::string text;
        for (const std::string& s : list) text += (text.empty() ? "" : ", ") + s;
        return to_wx(text);
    };
    wxString text;
    text << label_of(campaign_type_labels(), c.type) << " · " << label_of(campaign_status_labels(), shown->status) << "\n\n";
    text << wxString::Format(_("From %s to %s; %s"), to_wx(format_instant(c.starts_at).substr(0, 16)),
                             to_wx(format_instant(c.ends_at).substr(0, 16)), to_wx(describe(c.recurrence)))
         << "\n";
    if (c.target.everyone()) text << _("Aimed at every member") << "\n";
    if (!c.target.tiers.empty()) text << wxString::Format(_("Tiers: %s"), joined(c.target.tiers)) << "\n";
    if (!c.target.states.empty()) text << wxString::Format(_("Member states: %s"), joined(c.target.states)) << "\n";
    if (!c.target.tags.empty()) text << wxString::Format(_("Tags and clubs: %s"), joined(c.target.tags)) << "\n";
    text << "\n"
         << wxString::Format(_("Budget %s: activity %s, technology %s, partner resources %s"),
                             to_wx(c.budget.total().to_display()), to_wx(c.budget.activity.to_display()),
                             to_wx(c.budget.technology.to_display()), to_wx(c.budget.partner.to_display()))
         << "\n";
    if (c.kpis.new_members) text << wxString::Format(_("Target: %lld new members"), static_cast<long long>(*c.kpis.new_members)) << "\n";
    if (c.kpis.participation_pct) text << wxString::Format(_("Target: %d%% participation"), *c.kpis.participation_pct) << "\n";
    if (c.kpis.redemption_pct) text << wxString::Format(_("Target: %d%% points redemption"), *c.kpis.redemption_pct) << "\n";
    if (c.kpis.repurchase_pct) text << wxString::Format(_("Target: %d%% repurchase"), *c.kpis.repurchase_pct) << "\n";
    if (c.kpis.cost_per_new_member)
        text << wxString::Format(_("Target: at most %s per new member"), to_wx(c.kpis.cost_per_new_member->to_display())) << "\n";
    if (c.coin_multiplier_pct != 100)
        text << wxString::Format(_("Coins earned ×%s while it runs"), to_wx(format_multiplier(c.coin_multiplier_pct))) << "\n";
    if (c.referral_coins > 0)
        text << wxString::Format(_("%lld coins to each side of a referral"), static_cast<long long>(c.referral_coins)) << "\n";
    if (c.birthday_coins > 0)
        text << wxString::Format(_("%lld coins in the member's birthday month"), static_cast<long long>(c.birthday_coins)) << "\n";
    if (!c.owner.empty()) text << wxString::Format(_("Owner: %s"), to_wx(c.owner)) << "\n";
    wxMessageBox(text, local_name(c.name_zh, c.name_en) + " (" + to_wx(c.code) + ")", wxOK | wxICON_INFORMATION, this);
}

void CampaignsPanel::select(const std::string& code) {
    for (long row = 0; row < list_->GetItemCount(); ++row)
        if (to_utf8(list_->GetItemText(row)) == code) {
            list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            list_->EnsureVisible(row);
        }
}

}  // namespace md::views
