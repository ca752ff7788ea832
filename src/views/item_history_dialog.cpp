#include "views/item_history_dialog.h"

#include "models/date_text.h"
#include "services/services.h"
#include "views/change_dialogs.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {

ItemHistoryDialog::ItemHistoryDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, ItemRef item)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("History: %s"), item.label), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(std::move(services)), actor_(std::move(actor)), item_(std::move(item)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("Every approved version of this item. To roll back, select an earlier version "
                                    "and propose it again: it goes through approval like any change."));
    hint->Wrap(FromDIP(620));
    sizer->Add(hint, 0, wxALL, gap);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(640, 180)), wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Version"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    list_->AppendColumn(_("Effective from"), wxLIST_FORMAT_LEFT, std::max(FromDIP(120), date_column_width(this)));
    list_->AppendColumn(_("Content"), wxLIST_FORMAT_LEFT, FromDIP(120));
    list_->AppendColumn(_("Change request"), wxLIST_FORMAT_RIGHT, FromDIP(120));
    list_->AppendColumn(_("Approved at"), wxLIST_FORMAT_LEFT, time_column_width(this));
    sizer->Add(list_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    body_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(640, 220)),
                           wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    sizer->Add(body_, 1, wxEXPAND | wxALL, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    again_ = new wxButton(this, wxID_ANY, _("Propose this version &again…"));
    again_->Disable();
    buttons->Add(again_, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizerAndFit(sizer);

    run_or_show_error(this, [&] { versions_ = services_->program.history(actor_, item_.kind, item_.key); });
    for (std::size_t i = 0; i < versions_.size(); ++i) {
        const ConfigVersion& v = versions_[i];
        const long row = list_->InsertItem(static_cast<long>(i), wxString::Format("%d", v.version));
        list_->SetItem(row, 1, to_wx(display_date(v.effective_from)));
        list_->SetItem(row, 2, v.body ? _("Item") : _("Retired"));
        list_->SetItem(row, 3, wxString::Format("#%lld", static_cast<long long>(v.change_id)));
        list_->SetItem(row, 4, to_wx(display_business_time(v.approved_at)));
    }
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { on_select(e.GetIndex()); });
    again_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_propose_again(); });
    if (role_may(actor_.role, Action::ProposeChange)) {
        again_->SetToolTip(_("Creates a change request that restores the selected version."));
    } else {
        again_->SetToolTip(_("Your role may not propose programme changes."));
    }
    if (!versions_.empty()) {
        const long last = static_cast<long>(versions_.size() - 1);
        list_->SetItemState(last, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
    list_->SetFocus();  // Up and Down walk the versions at once
}

void ItemHistoryDialog::on_select(long row) {
    selected_ = row;
    const ConfigVersion& v = versions_.at(static_cast<std::size_t>(row));
    body_->ChangeValue(v.body ? to_wx(nlohmann::json::parse(*v.body).dump(2)) : _("(retired from this date)"));
    // The newest version is the one in force or coming: proposing it again would change nothing.
    again_->Enable(role_may(actor_.role, Action::ProposeChange) && row + 1 < static_cast<long>(versions_.size()));
}

void ItemHistoryDialog::on_propose_again() {
    if (selected_ < 0) return;
    const ConfigVersion v = versions_.at(static_cast<std::size_t>(selected_));
    ProposeDialog ask(this, wxString::Format(_("%s — back to version %d"), item_.label, v.version),
                      services_->program.today(), [&](const std::string& reason, const Date& effective) {
                          proposed_ = services_->program.propose_version(actor_, item_.kind, item_.key, v.version,
                                                                         reason, effective).id;
                      });
    if (ask.ShowModal() == wxID_OK) EndModal(wxID_OK);
}

}  // namespace md::views
