#include "views/lifecycle_page.h"

#include "models/errors.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

namespace md::views {

LifecyclePage::LifecyclePage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    none_ = new wxStaticText(this, wxID_ANY, _("No lifecycle thresholds are in force on this date; proposing them creates them."));
    sizer->Add(none_, 0, wxALL, gap);
    auto* grid = new wxFlexGridSizer(3, FromDIP(8), FromDIP(10));
    auto days_row = [&](const wxString& label, const wxString& hint) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* field = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)),
                                     wxSP_ARROW_KEYS, 1, 3650, 90);
        grid->Add(field, 0);
        grid->Add(new wxStaticText(this, wxID_ANY, hint), 0, wxALIGN_CENTER_VERTICAL);
        return field;
    };
    dormant_ = days_row(_("Dormant after (days):"), _("without a purchase or recharge"));
    lapsed_ = days_row(_("Lapsed after (days):"), _("without a purchase or recharge; more than dormant"));
    sizer->Add(grid, 0, wxALL, gap);
    rule_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(rule_, 0, wxALL, gap);
    sizer->AddStretchSpacer();
    sizer->Add(discard_and_propose(
                   [this] {
                       Program p;
                       p.lifecycle = shown_;
                       show(p);
                   },
                   [this] { on_propose(); }),
               0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    dormant_->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { explain(); });
    lapsed_->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { explain(); });
}

void LifecyclePage::show(const Program& program) {
    none_->Show(!program.lifecycle);
    shown_ = program.lifecycle.value_or(LifecycleRule{});
    dormant_->SetValue(shown_.dormant_after_days);
    lapsed_->SetValue(shown_.lapsed_after_days);
    explain();
    Layout();
}

void LifecyclePage::explain() {
    // The inclusive reading of the thresholds, in words, for the numbers being typed.
    rule_->SetLabel(wxString::Format(_("A member who has neither bought nor recharged for %d days or more is dormant; "
                                       "for %d days or more, lapsed. Counting starts at registration for a member "
                                       "who has done neither yet. Any purchase or recharge makes them active again."),
                                     dormant_->GetValue(), lapsed_->GetValue()));
    rule_->Wrap(FromDIP(640));
}

std::optional<ItemRef> LifecyclePage::selected_item() const {
    return ItemRef{ChangeKind::Lifecycle, "default", _("Lifecycle thresholds")};
}

void LifecyclePage::on_propose() {
    LifecycleRule rule;
    if (!run_or_show_error(this, [&] {
            rule.dormant_after_days = dormant_->GetValue();
            rule.lapsed_after_days = lapsed_->GetValue();
            validate(rule);
        }))
        return;
    proposer_.propose(ChangeKind::Lifecycle, item_json(rule), _("Lifecycle thresholds"));
}

}  // namespace md::views
