#include "views/change_dialogs.h"

#include "views/dialog_buttons.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

// Ctrl+Enter sends the form from inside the multi-line text, where Enter is a new line.
void submit_on_ctrl_enter(wxDialog* dialog) {
    dialog->Bind(wxEVT_CHAR_HOOK, [dialog](wxKeyEvent& event) {
        if ((event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_NUMPAD_ENTER) && event.ControlDown()) {
            wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
            ok.SetEventObject(dialog);
            dialog->ProcessWindowEvent(ok);
            return;
        }
        event.Skip();
    });
}

wxStaticText* wrapped(wxWindow* parent, const wxString& text, int width) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->Wrap(parent->FromDIP(width));
    return label;
}

}  // namespace

ProposeDialog::ProposeDialog(wxWindow* parent, const wxString& what, const Date& today, Propose propose)
    : wxDialog(parent, wxID_ANY, _("Propose change"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      propose_(std::move(propose)) {
    const int gap = FromDIP(10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, what);
    title->SetFont(title->GetFont().Bold());
    sizer->Add(title, 0, wxALL, gap);
    sizer->Add(wrapped(this, _("The change takes effect only after an approver accepts it. "
                               "Nothing changes for members before its effective date."), 420),
               0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    grid->AddGrowableRow(0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Reason (required):")), 0, wxALIGN_TOP | wxTOP, FromDIP(4));
    reason_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(340, 80)), wxTE_MULTILINE);
    grid->Add(reason_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Effective from:")), 0, wxALIGN_CENTER_VERTICAL);
    effective_ = new wxTextCtrl(this, wxID_ANY, to_wx(format_date(today)), wxDefaultPosition, FromDIP(wxSize(140, -1)));
    effective_->SetHint("YYYY-MM-DD");
    grid->Add(effective_, 0);
    sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(affirm_cancel_buttons(this, _("Submit for approval")), 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);
    CentreOnParent();
    reason_->SetFocus();
    Bind(wxEVT_BUTTON, &ProposeDialog::on_ok, this, wxID_OK);
    submit_on_ctrl_enter(this);
}

void ProposeDialog::on_ok(wxCommandEvent&) {
    const bool done = run_or_show_error(this, [this] {
        const Date effective = parse_date(to_utf8(effective_->GetValue().Strip(wxString::both)), "effective_from");
        propose_(to_utf8(reason_->GetValue()), effective);
    });
    if (done) EndModal(wxID_OK);
}

DecisionDialog::DecisionDialog(wxWindow* parent, bool approve, const wxString& what, Decide decide, const wxString& title)
    : wxDialog(parent, wxID_ANY, !title.empty() ? title : approve ? _("Approve change") : _("Reject change"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      decide_(std::move(decide)) {
    const int gap = FromDIP(10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, what);
    heading->SetFont(heading->GetFont().Bold());
    sizer->Add(heading, 0, wxALL, gap);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Comment (required; Ctrl+Enter sends):")), 0, wxLEFT | wxRIGHT, gap);
    comment_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, 90)), wxTE_MULTILINE);
    sizer->Add(comment_, 1, wxEXPAND | wxALL, gap);
    sizer->Add(affirm_cancel_buttons(this, approve ? _("Approve") : _("Reject")), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizerAndFit(sizer);
    CentreOnParent();
    comment_->SetFocus();
    Bind(wxEVT_BUTTON, &DecisionDialog::on_ok, this, wxID_OK);
    submit_on_ctrl_enter(this);
}

void DecisionDialog::on_ok(wxCommandEvent&) {
    if (run_or_show_error(this, [this] { decide_(to_utf8(comment_->GetValue())); })) EndModal(wxID_OK);
}

}  // namespace md::views
