#include "views/simulation_view.h"

#include "views/heading.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {
namespace {

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
    auto* pages = new wxNotebook(this, wxID_ANY);
    auto list = [&](const std::vector<std::pair<wxString, int>>& columns) {
        auto* l = new wxListCtrl(pages, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 150)), wxLC_REPORT | wxLC_SINGLE_SEL);
        for (const auto& [title, width] : columns)
            l->AppendColumn(title, width < 0 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(std::abs(width)));
        return l;
    };
    figures_ = list({{_("Figure"), 170}, {_("Rules in force"), -95}, {_("Draft"), -95}, {_("Change"), -95}});
    migration_ = list({{_("Ladder"), 130}, {wxGETTEXT_IN_CONTEXT("tier", "From"), 120}, {wxGETTEXT_IN_CONTEXT("tier", "To"), 120}, {_("Members"), -80}});
    mix_ = list({{_("Ladder"), 120}, {_("Tier"), 120}, {_("Now"), -70}, {_("Draft"), -70}, {_("Target"), -70}});
    pages->AddPage(figures_, _("Money and coins"));
    pages->AddPage(migration_, _("Tier migration"));
    pages->AddPage(mix_, _("Tier mix"));
    sizer->Add(pages, 1, wxEXPAND);
    SetSizer(sizer);
}

void SimulationView::clear(const wxString& why) {
    figures_->DeleteAllItems();
    migration_->DeleteAllItems();
    mix_->DeleteAllItems();
    summary_->SetLabel(why);
    summary_->Wrap(FromDIP(460));
    Layout();
}

void SimulationView::show(const nlohmann::json& s, const Program& names) {
    clear(wxString());
    if (s.contains("error")) {
        clear(wxString::Format(_("No what-if for this request: %s"), to_wx(s["error"].get<std::string>())));
        return;
    }
    wxString summary = wxString::Format(_("%d months: %s to %s"), s["months"].get<int>(), text_of(s["from"]),
                                        text_of(s["to"]));
    if (s.value("starts_with_data", false)) summary += " " + _("(the data starts then)");
    summary += "\n" + wxString::Format(_("%lld members; %lld would change tier."), s["members"].get<long long>(),
                                       s["movers_total"].get<long long>());
    summary_->SetLabel(summary);

    auto add = [](wxListCtrl* list, const std::vector<wxString>& cells) {
        const long at = list->InsertItem(list->GetItemCount(), cells[0]);
        for (std::size_t i = 1; i < cells.size(); ++i) list->SetItem(at, static_cast<long>(i), cells[i]);
    };
    auto money_row = [&](const wxString& figure, const nlohmann::json& m) {
        add(figures_, {figure, yuan(m["current"]), yuan(m["draft"]), yuan(m["change"])});
    };
    money_row(_("Discount given"), s["discount"]);
    const auto& coins = s["coins_issued"];
    add(figures_, {_("Coins issued"), text_of(coins["current"]), text_of(coins["draft"]), text_of(coins["change"])});
    money_row(_("Points liability"), s["points_liability"]);
    money_row(_("Recharge bonus given"), s["bonus"]);

    // Moves first: they are what the approver is asked about; those who stay follow.
    const wxString no_tier = _("no tier");
    for (const bool moving : {true, false})
        for (const auto& cell : s["matrix"]) {
            const std::string ladder = cell["ladder"].get<std::string>();
            const std::string from = cell["from"].get<std::string>(), to = cell["to"].get<std::string>();
            if ((from != to) != moving) continue;
            add(migration_, {ladder_name(names, ladder), tier_name(names, ladder, from, no_tier),
                             tier_name(names, ladder, to, no_tier), text_of(cell["members"])});
        }
    for (const auto& m : s["tier_mix"]) {
        const std::string ladder = m["ladder"].get<std::string>();
        add(mix_, {ladder_name(names, ladder), tier_name(names, ladder, m["tier"].get<std::string>(), no_tier),
                   percent(m["current_bp"].get<long long>()), percent(m["draft_bp"].get<long long>()),
                   m["target_bp"].is_null() ? wxString("—") : percent(m["target_bp"].get<long long>())});
    }
    summary_->Wrap(FromDIP(460));
    Layout();
}

}  // namespace md::views
