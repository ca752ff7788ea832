#include "views/new_member_dialog.h"

#include "models/errors.h"
#include "views/dialog_buttons.h"
#include "views/error_dialog.h"
#include "views/member_fields.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {

NewMemberDialog::NewMemberDialog(wxWindow* parent, std::function<std::string(const MemberInput&)> add)
    : wxDialog(parent, wxID_ANY, _("New member"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      add_(std::move(add)) {
    const int gap = FromDIP(10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* note = new wxStaticText(this, wxID_ANY, _("The member number is given on saving. Only the name is required."));
    sizer->Add(note, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    fields_ = new MemberFields(this, true);
    sizer->Add(fields_, 1, wxEXPAND | wxALL, gap);

    sizer->Add(affirm_cancel_buttons(this, _("Save")), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizerAndFit(sizer);
    SetSize(wxSize(std::max(GetSize().x, FromDIP(720)), GetSize().y));
    CentreOnParent();

    Bind(wxEVT_BUTTON, &NewMemberDialog::on_save, this, wxID_OK);
    fields_->focus_field("name");
}

void NewMemberDialog::on_save(wxCommandEvent&) {
    try {
        added_ = add_(fields_->everything());
        EndModal(wxID_OK);
    } catch (const ValidationError& e) {
        fields_->show_invalid(e);
    } catch (const std::exception& e) {
        show_error(this, e);
    }
}

}  // namespace md::views
