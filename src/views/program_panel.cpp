#include "views/program_panel.h"

#include "views/what_if_dialog.h"

#include "models/errors.h"
#include "services/services.h"
#include "views/change_dialogs.h"
#include "views/committee_page.h"
#include "views/complaint_policy_page.h"
#include "views/desk_calendar_page.h"
#include "views/item_history_dialog.h"
#include "views/lifecycle_page.h"
#include "views/stored_value_page.h"
#include "views/error_dialog.h"
#include "views/ladder_page.h"
#include "views/offer_pages.h"
#include "views/package_page.h"
#include "views/points_page.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {

namespace {

wxString scope_title(ProgramScope scope) {
    switch (scope) {
        case ProgramScope::MealPackages: return _("Meal packages");
        case ProgramScope::Committee: return _("Brand advisory committee");
        case ProgramScope::Everything: break;
    }
    return _("Programme configuration");
}

}  // namespace

ProgramPanel::ProgramPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, ProgramScope scope)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto* title = new wxStaticText(this, wxID_ANY, scope_title(scope));
    title->SetFont(title->GetFont().Bold());
    top->Add(title, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(24));
    top->Add(new wxStaticText(this, wxID_ANY, _("In force on:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    as_of_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(110, -1)), wxTE_PROCESS_ENTER);
    as_of_->SetHint("YYYY-MM-DD");
    top->Add(as_of_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    auto* show = new wxButton(this, wxID_ANY, _("Show"));
    top->Add(show, 0, wxALIGN_CENTER_VERTICAL);
    top->AddSpacer(FromDIP(24));
    auto* history = new wxButton(this, wxID_ANY, _("History…"));
    history->SetToolTip(_("Every version of the selected item; an earlier one can be proposed again (rollback)."));
    top->Add(history, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    auto* retire = new wxButton(this, wxID_ANY, _("Retire…"));
    retire->SetToolTip(_("Propose that the selected item ends from a date."));
    guard(retire);
    top->Add(retire, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(top, 0, wxALL, gap);

    note_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(note_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    tabs_ = new wxNotebook(this, wxID_ANY);
    auto add = [this](ProgramPage* page, const wxString& label) {
        tabs_->AddPage(page, label);
        pages_.push_back(page);
    };
    const bool everything = scope == ProgramScope::Everything;
    if (everything) {
        add(new LadderPage(tabs_, *this), _("Tier ladders"));
        add(new PointsPage(tabs_, *this), _("Points rule"));
        add(new DenominationsPage(tabs_, *this), _("Denominations"));
        add(new BonusesPage(tabs_, *this), _("Recharge bonuses"));
    }
    if (everything || scope == ProgramScope::MealPackages) add(new PackagePage(tabs_, *this), _("Meal packages"));
    if (everything || scope == ProgramScope::Committee) add(new CommitteePage(tabs_, *this), _("Committee"));
    if (everything) {
        add(new LifecyclePage(tabs_, *this), _("Lifecycle"));
        add(new StoredValuePage(tabs_, *this), _("Stored value"));
        add(new DeskCalendarPage(tabs_, *this), _("Desk calendar"));
        add(new ComplaintPolicyPage(tabs_, *this), _("Complaint policy"));
    }
    sizer->Add(tabs_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    show->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { load(); });
    as_of_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { load(); });
    history->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_history(); });
    retire->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_retire(); });
}

std::optional<ItemRef> ProgramPanel::selected_item() const {
    const int page = tabs_->GetSelection();
    if (page < 0 || page >= static_cast<int>(pages_.size())) return std::nullopt;
    return pages_[static_cast<std::size_t>(page)]->selected_item();
}

void ProgramPanel::on_history() {
    const auto item = selected_item();
    if (!item) {
        wxMessageBox(_("Select an item in the list first."), _("History"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    ItemHistoryDialog dialog(this, services_, actor_, *item);
    if (dialog.ShowModal() == wxID_OK && dialog.proposed()) tell_submitted(*dialog.proposed());
}

void ProgramPanel::on_retire() {
    const auto item = selected_item();
    if (!item) {
        wxMessageBox(_("Select an item in the list first."), _("Retire"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    std::int64_t id = 0;
    ProposeDialog dialog(this, wxString::Format(_("Retire: %s"), item->label), services_->program.today(),
                         [&](const std::string& reason, const Date& effective) {
                             Proposal proposal;
                             proposal.kind = item->kind;
                             proposal.retire_key = item->key;
                             proposal.reason = reason;
                             proposal.effective_from = effective;
                             id = services_->program.propose(actor_, proposal).id;
                         });
    if (dialog.ShowModal() == wxID_OK) tell_submitted(id);
}

void ProgramPanel::tell_submitted(std::int64_t id) {
    wxMessageBox(wxString::Format(_("Change request #%lld was submitted. It takes effect once an approver accepts it."),
                                  static_cast<long long>(id)),
                 _("Change submitted"), wxOK | wxICON_INFORMATION, this);
    load();
}

void ProgramPanel::show_refusal(const wxString& message) {
    note_->SetLabel(message);
    note_->Wrap(FromDIP(640));
    tabs_->Hide();
    Layout();
}

void ProgramPanel::load() {
    try {
        if (as_of_->GetValue().Strip(wxString::both).empty()) as_of_->ChangeValue(to_wx(format_date(services_->program.today())));
        const Date as_of = parse_date(to_utf8(as_of_->GetValue().Strip(wxString::both)), "as_of");
        shown_ = as_of;
        const Program program = services_->program.program_as_of(actor_, as_of);
        for (ProgramPage* page : pages_) page->show(program);
        note_->SetLabel(role_may(actor_.role, Action::ProposeChange)
                            ? _("Edit an item, then propose the change: it takes effect once approved.")
                            : _("Read only: your role may look at the programme but not propose changes."));
    } catch (const PermissionError& e) {
        show_refusal(to_wx(e.what()));
    } catch (const std::exception& e) {
        show_error(this, e);
    }
    Layout();
}

bool ProgramPanel::propose(ChangeKind kind, const nlohmann::json& item, const wxString& what) {
    std::int64_t id = 0;
    ProposeDialog dialog(this, what, services_->program.today(), [&](const std::string& reason, const Date& effective) {
        Proposal proposal;
        proposal.kind = kind;
        proposal.item = item;
        proposal.reason = reason;
        proposal.effective_from = effective;
        id = services_->program.propose(actor_, proposal).id;
    });
    if (dialog.ShowModal() != wxID_OK) return false;
    tell_submitted(id);
    return true;
}

void ProgramPanel::what_if(ChangeKind kind, const nlohmann::json& item, const wxString& what) {
    // A programme file with the one draft item: the same input as `tier simulate --draft`.
    nlohmann::json document = {{"format", "memberdesk-program"}, {"format_version", 1}};
    if (kind == ChangeKind::Ladder) document["ladders"] = nlohmann::json::array({item});
    else if (kind == ChangeKind::Points) document["points"] = item;
    else if (kind == ChangeKind::Bonus) document["bonuses"] = nlohmann::json::array({item});
    WhatIfDialog dialog(this, services_, actor_, document, what);
    dialog.ShowModal();
}

std::map<std::string, std::string> ProgramPanel::committee_warnings() const {
    std::map<std::string, std::string> out;
    run_or_show_error(const_cast<ProgramPanel*>(this), [&] { out = services_->program.committee_warnings(actor_); });
    return out;
}

void ProgramPanel::guard_what_if(wxButton* button) const {
    if (role_may(actor_.role, Action::SimulateRules)) return;
    button->Disable();
    button->SetToolTip(wxString::Format(_("Your role (%s) may not run what-if simulations."), to_wx(role_label(actor_.role))));
}

void ProgramPanel::guard(wxButton* button) const {
    if (role_may(actor_.role, Action::ProposeChange)) return;
    button->Disable();
    button->SetToolTip(wxString::Format(_("Your role (%s) may not propose programme changes; marketing and "
                                          "administrators may."),
                                        to_wx(role_label(actor_.role))));
}

}  // namespace md::views
