#include "views/form_dialog.h"

#include "views/dialog_buttons.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {

FormDialog::FormDialog(wxWindow* parent, const wxString& title, const wxString& intro,
                       const std::vector<FormField>& fields, std::function<void(const std::vector<std::string>&)> accept)
    : wxDialog(parent, wxID_ANY, title), accept_(std::move(accept)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (!intro.empty()) {
        auto* text = new wxStaticText(this, wxID_ANY, intro);
        text->Wrap(FromDIP(420));
        sizer->Add(text, 0, wxALL, gap);
    }
    auto* grid = new wxFlexGridSizer(2, FromDIP(4), gap);
    grid->AddGrowableCol(1);
    for (const FormField& f : fields) {
        grid->Add(new wxStaticText(this, wxID_ANY, f.label), 0, wxALIGN_CENTER_VERTICAL);
        auto* input = new wxTextCtrl(this, wxID_ANY, f.initial, wxDefaultPosition, FromDIP(wxSize(260, -1)),
                                     f.secret ? wxTE_PASSWORD : 0);
        grid->Add(input, 1, wxEXPAND);
        inputs_.push_back(input);
        if (!f.hint.empty()) {
            grid->AddSpacer(0);
            auto* hint = new wxStaticText(this, wxID_ANY, f.hint);
            hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            hint->Wrap(FromDIP(260));
            grid->Add(hint, 0);
        }
    }
    sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(ok_cancel_buttons(this), 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);
    if (!inputs_.empty()) inputs_.front()->SetFocus();
    Bind(wxEVT_BUTTON, &FormDialog::on_ok, this, wxID_OK);
}

void FormDialog::on_ok(wxCommandEvent&) {
    std::vector<std::string> values;
    for (wxTextCtrl* input : inputs_) values.push_back(to_utf8(input->GetValue().Trim().Trim(false)));
    // A refusal is shown and the dialog stays open with the input as typed.
    if (run_or_show_error(this, [&] { accept_(values); })) EndModal(wxID_OK);
}

}  // namespace md::views
