#include "views/points_page.h"

#include "models/errors.h"
#include "views/error_dialog.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {

PointsPage::PointsPage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    none_ = new wxStaticText(this, wxID_ANY, _("No points rule is in force on this date; proposing one creates it."));
    sizer->Add(none_, 0, wxALL, gap);

    auto* grid = new wxFlexGridSizer(3, FromDIP(8), FromDIP(10));
    auto money_row = [&](const wxString& label, const wxString& hint) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* field = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)));
        grid->Add(field, 0);
        grid->Add(new wxStaticText(this, wxID_ANY, hint), 0, wxALIGN_CENTER_VERTICAL);
        return field;
    };
    spend_per_coin_ = money_row(_("Spend per coin (yuan):"), _("eligible spend that earns one coin"));
    entry_threshold_ = money_row(_("Entry threshold (yuan):"), _("first recharge or purchase needed to join"));
    coin_value_ = money_row(_("Coin value (yuan):"), _("goods one coin redeems"));

    entry_threshold_->SetToolTip(_("A customer joins the coin scheme with a first recharge or purchase of at least "
                                   "this amount; exactly this amount is enough."));
    coin_value_->SetToolTip(_("When coins are redeemed, each coin pays for this much of goods."));

    grid->Add(new wxStaticText(this, wxID_ANY, _("Earns no coins:")), 0, wxALIGN_TOP);
    excluded_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(200, 60)));
    grid->Add(excluded_, 0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("purchase kinds left out of eligible spend")), 0, wxALIGN_TOP);

    grid->Add(new wxStaticText(this, wxID_ANY, _("Coins expire:")), 0, wxALIGN_CENTER_VERTICAL);
    expiry_ = new wxChoice(this, wxID_ANY);
    grid->Add(expiry_, 0);
    auto* days_row = new wxBoxSizer(wxHORIZONTAL);
    days_row->Add(new wxStaticText(this, wxID_ANY, _("Days:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    expiry_days_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                  wxSP_ARROW_KEYS, 0, 3650, 0);
    days_row->Add(expiry_days_, 0);
    grid->Add(days_row, 0);
    excluded_->SetToolTip(_("Purchases of the ticked kinds earn no coins (meal packages, for example)."));
    expiry_->SetToolTip(_("When earned coins lapse: never, or a number of days after they were earned."));
    sizer->Add(grid, 0, wxALL, gap);

    auto* rounding_title = new wxStaticText(this, wxID_ANY, _("Rounding rule"));
    rounding_title->SetFont(rounding_title->GetFont().Bold());
    rounding_title->SetInitialSize();  // measured again in bold, or its last word is cut off
    sizer->Add(rounding_title, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    rounding_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(rounding_, 0, wxALL, gap);
    sizer->AddStretchSpacer();

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* discard = new wxButton(this, wxID_ANY, _("Discard edits"));
    auto* propose = new wxButton(this, wxID_ANY, _("Propose change…"));
    auto* what_if = new wxButton(this, wxID_ANY, _("&What-if…"));
    what_if->SetToolTip(_("Replay the last months of real purchases under the edited rule: coins issued and the "
                          "points liability, before proposing it."));
    buttons->AddStretchSpacer();
    buttons->Add(discard, 0, wxRIGHT, gap);
    buttons->Add(what_if, 0, wxRIGHT, gap);
    buttons->Add(propose, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    proposer_.guard(propose);
    proposer_.guard_what_if(what_if);
    what_if->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        PointsRule rule;
        if (!run_or_show_error(this, [&] {
                rule = read_rule();
                validate(rule);
            }))
            return;
        proposer_.what_if(ChangeKind::Points, item_json(rule), _("Points rule (exchange coin)"));
    });

    fill_choice(expiry_, expiry_labels(), CoinExpiry::Never);
    expiry_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        expiry_days_->Enable(chosen(expiry_, expiry_labels()) == CoinExpiry::DaysAfterEarning);
    });
    spend_per_coin_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { show_rounding_rule(); });
    discard->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        Program p;
        p.points = shown_;
        show(p);
    });
    propose->Bind(wxEVT_BUTTON, &PointsPage::on_propose, this);
}

void PointsPage::show(const Program& program) {
    none_->Show(!program.points);
    shown_ = program.points.value_or(PointsRule{});
    spend_per_coin_->ChangeValue(to_wx(shown_.spend_per_coin.to_string()));
    entry_threshold_->ChangeValue(to_wx(shown_.entry_threshold.to_string()));
    coin_value_->ChangeValue(to_wx(shown_.coin_value.to_string()));
    kind_codes_.clear();
    for (const CodeLabel& l : purchase_kind_labels()) kind_codes_.push_back(l.code);
    for (const std::string& k : shown_.excluded_purchase_kinds)
        if (std::find(kind_codes_.begin(), kind_codes_.end(), k) == kind_codes_.end()) kind_codes_.push_back(k);
    excluded_->Clear();
    for (std::size_t i = 0; i < kind_codes_.size(); ++i) {
        excluded_->Append(code_label(purchase_kind_labels(), kind_codes_[i]));
        const auto& ex = shown_.excluded_purchase_kinds;
        excluded_->Check(static_cast<unsigned>(i), std::find(ex.begin(), ex.end(), kind_codes_[i]) != ex.end());
    }
    fill_choice(expiry_, expiry_labels(), shown_.expiry);
    expiry_days_->SetValue(shown_.expiry_days);
    expiry_days_->Enable(shown_.expiry == CoinExpiry::DaysAfterEarning);
    show_rounding_rule();
    Layout();
}

void PointsPage::show_rounding_rule() {
    // The rule text comes from the model, for the rate being typed when it reads as money.
    PointsRule rule = shown_;
    try {
        rule.spend_per_coin = Money::parse(to_utf8(spend_per_coin_->GetValue().Strip(wxString::both)), "spend_per_coin");
    } catch (const Error&) {
    }
    rounding_->SetLabel(to_wx(rounding_rule_text(rule)));
    // The field explains itself where the mouse rests, with the rate being typed.
    spend_per_coin_->SetToolTip(to_wx(rounding_rule_text(rule)));
    rounding_->Wrap(FromDIP(640));
}

PointsRule PointsPage::read_rule() const {
    PointsRule rule;
    rule.spend_per_coin = Money::parse(to_utf8(spend_per_coin_->GetValue().Strip(wxString::both)), "points.spend_per_coin");
    rule.entry_threshold = Money::parse(to_utf8(entry_threshold_->GetValue().Strip(wxString::both)), "points.entry_threshold");
    rule.coin_value = Money::parse(to_utf8(coin_value_->GetValue().Strip(wxString::both)), "points.coin_value");
    rule.excluded_purchase_kinds.clear();
    for (std::size_t i = 0; i < kind_codes_.size(); ++i)
        if (excluded_->IsChecked(static_cast<unsigned>(i))) rule.excluded_purchase_kinds.push_back(kind_codes_[i]);
    rule.expiry = chosen(expiry_, expiry_labels());
    rule.expiry_days = rule.expiry == CoinExpiry::DaysAfterEarning ? expiry_days_->GetValue() : 0;
    return rule;
}

std::optional<ItemRef> PointsPage::selected_item() const {
    return ItemRef{ChangeKind::Points, "default", _("Points rule (exchange coin)")};
}

void PointsPage::on_propose(wxCommandEvent&) {
    PointsRule rule;
    if (!run_or_show_error(this, [&] {
            rule = read_rule();
            validate(rule);
        }))
        return;
    proposer_.propose(ChangeKind::Points, item_json(rule), _("Points rule (exchange coin)"));
}

}  // namespace md::views
