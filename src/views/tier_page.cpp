#include "views/tier_page.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/services.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/form_dialog.h"
#include "views/heading.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

namespace md::views {
namespace {

wxListCtrl* list(wxWindow* parent, const std::vector<std::pair<wxString, int>>& columns, int height) {
    auto* l = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(-1, height)),
                             wxLC_REPORT | wxLC_SINGLE_SEL);
    for (const auto& [title, width] : columns) l->AppendColumn(title, wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return l;
}

wxString rule_text(const TierLadder& ladder, const Standing& s) {
    if (s.rule == "threshold") return _("the threshold is reached");
    if (s.rule == "held")
        return wxString::Format(_("kept under the downgrade policy (%s); earned on %s"),
                                label_of(downgrade_labels(), ladder.downgrade), to_wx(display_date(*s.reached_on)));
    if (s.rule == "override") return _("set by an override");
    if (s.rule.rfind("alternative ", 0) == 0 && s.tier >= 0) {
        const std::size_t n = std::stoul(s.rule.substr(12));
        const Tier& t = ladder.tiers[static_cast<std::size_t>(s.tier)];
        if (n >= 1 && n <= t.alternatives.size())
            return wxString::Format(_("alternative qualification: %s"), describe(t.alternatives[n - 1]));
    }
    return _("no tier reached yet");
}

// One ladder's "why" in a few plain sentences.
wxString standing_text(const LadderStanding& l) {
    const Standing& s = l.standing;
    const TierLadder& ladder = l.ladder;
    wxString text = local_name(ladder.name_zh, ladder.name_en) + ": ";
    if (s.tier >= 0) {
        const Tier& t = ladder.tiers[static_cast<std::size_t>(s.tier)];
        text += tier_name(ladder, t.code, _("no tier")) + "  " + discount_text(t.discount);
    } else {
        text += _("no tier yet");
    }
    const wxString window = s.window_from ? wxString::Format(_("from %s to %s"), to_wx(display_date(*s.window_from)),
                                                             to_wx(display_date(s.window_to)))
                                          : wxString::Format(_("all time to %s"), to_wx(display_date(s.window_to)));
    text += "\n    " + wxString::Format(_("%s: %s, %s (%s)"), label_of(measure_labels(), ladder.measure),
                                        ladder.measure == LadderMeasure::PointsEarned
                                            ? wxString::Format("%lld", static_cast<long long>(s.measure.fen() / 100))
                                            : to_wx(s.measure.to_display()),
                                        window, label_of(window_labels(), ladder.window));
    text += "\n    " + wxString::Format(_("Why: %s"), rule_text(ladder, s));
    if (s.override)
        text += "\n    " + wxString::Format(_("Override O%lld until %s by %s: %s"), static_cast<long long>(s.override->id),
                                            to_wx(display_date(s.override->expires)), to_wx(s.override->by),
                                            to_wx(s.override->reason));
    if (s.next >= 0) {
        const Tier& n = ladder.tiers[static_cast<std::size_t>(s.next)];
        text += "\n    " + wxString::Format(_("Next: %s at %s — %s to go"), tier_name(ladder, n.code, _("no tier")),
                                            to_wx(n.threshold.to_display()), to_wx(s.to_next.to_display()));
    } else if (s.tier >= 0) {
        text += "\n    " + _("This is the top tier.");
    }
    return text;
}

wxString override_state_label(const std::string& state) {
    if (state == "pending") return _("waiting for approval");
    if (state == "active") return _("approved");
    if (state == "rejected") return _("rejected");
    return to_wx(state);
}

}  // namespace

TierPage::TierPage(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::string number)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)), number_(std::move(number)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    standings_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(standings_, 0, wxALL, gap);

    sizer->Add(bold_heading(this, _("Overrides")), 0, wxLEFT | wxRIGHT, gap);
    overrides_ = list(this, {{_("No."), 45}, {_("Ladder"), 140}, {_("Tier"), 120}, {_("Starts"), 90}, {_("Until"), 90},
                             {_("Approval"), 140}, {_("By"), 80}, {_("Reason"), 200}}, 90);
    overrides_->SetColumnWidth(3, date_column_width(this));  // Starts
    overrides_->SetColumnWidth(4, date_column_width(this));  // Until
    sizer->Add(overrides_, 0, wxEXPAND | wxALL, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* request = new wxButton(this, wxID_ANY, _("&Override tier…"));
    approve_ = new wxButton(this, wxID_ANY, _("A&pprove override"));
    reject_ = new wxButton(this, wxID_ANY, _("Re&ject override…"));
    const bool may_request = role_may(actor_.role, Action::RequestTierOverride);
    request->Enable(may_request);
    request->SetToolTip(may_request ? _("Set this member's tier by hand until a date, with a reason. Someone else "
                                        "approves it when approval is required.")
                                    : _("Your role may not override tiers."));
    const bool may_decide = role_may(actor_.role, Action::DecideTierOverride);
    approve_->Enable(may_decide);
    reject_->Enable(may_decide);
    if (!may_decide) approve_->SetToolTip(_("Your role may not decide overrides."));
    buttons->Add(request, 0, wxRIGHT, FromDIP(4));
    buttons->Add(approve_, 0, wxRIGHT, FromDIP(4));
    buttons->Add(reject_, 0);
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    sizer->Add(bold_heading(this, _("Tier history (newest first)")), 0, wxLEFT | wxRIGHT, gap);
    history_ = list(this, {{_("Day"), 95}, {_("Ladder"), 140}, {wxGETTEXT_IN_CONTEXT("tier", "From"), 130}, {wxGETTEXT_IN_CONTEXT("tier", "To"), 130}, {_("Because of"), 110},
                           {_("By"), 90}}, 150);
    history_->SetColumnWidth(0, date_column_width(this));  // Day
    sizer->Add(history_, 1, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    request->Bind(wxEVT_BUTTON, &TierPage::on_request_override, this);
    approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide_selected(true); });
    reject_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide_selected(false); });
    reload();
}

void TierPage::reload() {
    run_or_show_error(this, [&] {
        const TierExplanation why = services_->tiers.explain(actor_, number_, std::nullopt);
        wxString text;
        for (const LadderStanding& l : why.ladders) text += (text.empty() ? "" : "\n\n") + standing_text(l);
        if (text.empty()) text = _("No ladder in force ranks this member.");
        standings_->SetLabel(text);
        standings_->Wrap(FromDIP(760));

        // Ladder and tier names for the lists, from the ladders in force.
        auto names = [&](const std::string& ladder_code, const std::string& tier) {
            for (const LadderStanding& l : why.ladders)
                if (l.ladder.code == ladder_code)
                    return std::make_pair(local_name(l.ladder.name_zh, l.ladder.name_en),
                                          tier_name(l.ladder, tier, _("no tier")));
            return std::make_pair(to_wx(ladder_code), tier.empty() ? _("no tier") : to_wx(tier));
        };
        overrides_->DeleteAllItems();
        for (const StoredOverride& o : services_->tiers.overrides(actor_, number_, false)) {
            const auto [ladder, tier] = names(o.override.ladder, o.override.tier);
            const long row = overrides_->InsertItem(overrides_->GetItemCount(),
                                                    wxString::Format("O%lld", static_cast<long long>(o.override.id)));
            overrides_->SetItem(row, 1, ladder);
            overrides_->SetItem(row, 2, tier);
            overrides_->SetItem(row, 3, to_wx(display_date(o.override.starts)));
            overrides_->SetItem(row, 4, to_wx(display_date(o.override.expires)));
            overrides_->SetItem(row, 5, override_state_label(o.state));
            overrides_->SetItem(row, 6, to_wx(o.override.by));
            overrides_->SetItem(row, 7, to_wx(o.override.reason));
        }
        history_->DeleteAllItems();
        for (const TierMove& m : services_->tiers.history(actor_, number_)) {
            const auto [ladder, from] = names(m.ladder, m.from_tier);
            const long row = history_->InsertItem(history_->GetItemCount(), to_wx(display_date(m.day)));
            history_->SetItem(row, 1, ladder);
            history_->SetItem(row, 2, from);
            history_->SetItem(row, 3, names(m.ladder, m.to_tier).second);
            history_->SetItem(row, 4, to_wx(m.source));
            history_->SetItem(row, 5, to_wx(m.actor));
        }
        Layout();
    });
}

std::int64_t TierPage::selected_override() const {
    const long row = overrides_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0) return 0;
    return std::stoll(overrides_->GetItemText(row, 0).Mid(1).ToStdString());
}

void TierPage::on_request_override(wxCommandEvent&) {
    // The ladders and tiers this member can be given, in plain words under the fields.
    wxString choices;
    std::string first_ladder;
    run_or_show_error(this, [&] {
        for (const LadderStanding& l : services_->tiers.explain(actor_, number_, std::nullopt).ladders) {
            if (first_ladder.empty()) first_ladder = l.ladder.code;
            wxString tiers;
            for (const Tier& t : l.ladder.tiers) tiers += (tiers.empty() ? "" : ", ") + to_wx(t.code);
            choices += (choices.empty() ? "" : "\n") + to_wx(l.ladder.code) + ": " + tiers;
        }
    });
    const Date today = services_->program.today();
    FormDialog dialog(this, _("Override tier"),
                      _("The tier applies from the first day through the last day, then the earned tier returns."),
                      {{_("Ladder:"), to_wx(first_ladder), choices},
                       {_("Tier:"), ""},
                       {_("Reason:"), "", _("Required: it is shown wherever the tier is shown.")},
                       {_("First day:"), to_wx(format_date(today))},
                       {_("Last day:"), to_wx(format_date(today + boost::gregorian::days(30)))}},
                      [&](const std::vector<std::string>& v) {
                          services_->tiers.request_override(
                              actor_, {number_, v[0], v[1], v[2], parse_date(v[3], "starts"), parse_date(v[4], "expires")});
                      });
    if (dialog.ShowModal() == wxID_OK) reload();
}

void TierPage::decide_selected(bool approve) {
    const std::int64_t id = selected_override();
    if (id == 0) {
        show_error(this, ValidationError("override", "", tr("override: select an override in the list first")));
        return;
    }
    wxString comment;
    if (!approve) {
        wxTextEntryDialog ask(this, _("Why is it rejected?"), _("Reject override"));
        if (ask.ShowModal() != wxID_OK) return;
        comment = ask.GetValue();
    }
    if (run_or_show_error(this, [&] { services_->tiers.decide_override(actor_, id, approve, comment.ToStdString(wxConvUTF8)); }))
        reload();
}

}  // namespace md::views
