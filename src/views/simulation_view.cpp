#include "views/simulation_view.h"

#include "views/heading.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {
namespace {

const TierLadder* ladder_in(const Program& p, const std::string& code) {
    for (const TierLadder& l : p.ladders)
        if (l.code == code) return &l;
    return nullptr;
}

wxString ladder_name(const Program& p, const std::string& code) {
    const TierLadder* l = ladder_in(p, code);
    return l ? local_name(l->name_zh, l->name_en) : to_wx(code);
}

wxString tier_name(const Program& p, const std::string& ladder, const std::string& tier) {
    if (tier.empty()) return _("no tier");
    if (const TierLadder* l = ladder_in(p, ladder))
        for (const Tier& t : l->tiers)
            if (t.code == tier) return local_name(t.name_zh, t.name_en);
    return to_wx(tier);
}

wxString text_of(const nlohmann::json& v) {
    if (v.is_string()) return to_wx(v.get<std::string>());
    if (v.is_number_integer()) return wxString::Format("%lld", v.get<long long>());
    return wxString();
}

wxString yuan(const nlohmann::json& v) { return to_wx(Money::parse(v.get<std::string>(), "amount").to_display()); }

// 3333 → "33.33%": shares are whole basis points (truncated), never floating point.
wxString percent(long long bp) { return wxString::Format("%lld.%02lld%%", bp / 100, bp % 100); }

}  // namespace

SimulationView::SimulationView(wxWindow* parent) : wxPanel(parent) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bold_heading(this, _("What-if: the last months replayed under this change")), 0, wxBOTTOM, FromDIP(4));
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(summary_, 0, wxBOTTOM, FromDIP(4));
    figures_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 220)), wxLC_REPORT | wxLC_SINGLE_SEL);
    figures_->AppendColumn(_("Figure"), wxLIST_FORMAT_LEFT, FromDIP(250));
    figures_->AppendColumn(_("Rules in force"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    figures_->AppendColumn(_("Draft"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    figures_->AppendColumn(_("Change"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    sizer->Add(figures_, 1, wxEXPAND);
    SetSizer(sizer);
}

void SimulationView::clear(const wxString& why) {
    figures_->DeleteAllItems();
    summary_->SetLabel(why);
    summary_->Wrap(FromDIP(560));
    Layout();
}

void SimulationView::show(const nlohmann::json& s, const Program& names) {
    figures_->DeleteAllItems();
    if (s.contains("error")) {
        clear(wxString::Format(_("No what-if for this request: %s"), to_wx(s["error"].get<std::string>())));
        return;
    }
    wxString summary = wxString::Format(_("%d months, %s to %s, %lld members; %lld would change tier."),
                                        s["months"].get<int>(), text_of(s["from"]), text_of(s["to"]),
                                        s["members"].get<long long>(), s["movers_total"].get<long long>());
    if (s.value("starts_with_data", false))
        summary += " " + wxString::Format(_("(The data starts on %s.)"), text_of(s["from"]));
    summary_->SetLabel(summary);
    auto row = [&](const wxString& figure, const wxString& current, const wxString& draft, const wxString& change) {
        const long at = figures_->InsertItem(figures_->GetItemCount(), figure);
        figures_->SetItem(at, 1, current);
        figures_->SetItem(at, 2, draft);
        figures_->SetItem(at, 3, change);
    };
    auto money_row = [&](const wxString& figure, const nlohmann::json& m) {
        row(figure, yuan(m["current"]), yuan(m["draft"]), yuan(m["change"]));
    };
    money_row(_("Discount given"), s["discount"]);
    const auto& coins = s["coins_issued"];
    row(_("Coins issued"), text_of(coins["current"]), text_of(coins["draft"]), text_of(coins["change"]));
    money_row(_("Points liability"), s["points_liability"]);
    money_row(_("Recharge bonus given"), s["bonus"]);
    for (const auto& cell : s["matrix"]) {
        const std::string ladder = cell["ladder"].get<std::string>();
        const std::string from = cell["from"].get<std::string>(), to = cell["to"].get<std::string>();
        row(wxString::Format(_("%s: %s → %s"), ladder_name(names, ladder), tier_name(names, ladder, from),
                             tier_name(names, ladder, to)),
            "", "", wxString::Format(_("%lld members"), cell["members"].get<long long>()));
    }
    for (const auto& m : s["tier_mix"]) {
        const std::string ladder = m["ladder"].get<std::string>();
        wxString figure = wxString::Format(_("Mix %s: %s"), ladder_name(names, ladder),
                                           tier_name(names, ladder, m["tier"].get<std::string>()));
        if (!m["target_bp"].is_null()) figure += wxString::Format(_(" (target %s)"), percent(m["target_bp"].get<long long>()));
        const long long current = m["current_bp"].get<long long>(), draft = m["draft_bp"].get<long long>();
        row(figure, percent(current), percent(draft), (draft >= current ? "+" : "-") + percent(std::llabs(draft - current)));
    }
    summary_->Wrap(FromDIP(560));
    Layout();
}

}  // namespace md::views
