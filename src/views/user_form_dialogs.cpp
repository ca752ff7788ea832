#include "views/user_form_dialogs.h"

#include "models/errors.h"
#include "models/role.h"
#include "views/dialog_buttons.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

wxTextCtrl* add_text_field(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, long style = 0) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition,
                                 parent->FromDIP(wxSize(260, -1)), style);
    grid->Add(field, 1, wxEXPAND);
    return field;
}

wxChoice* add_role_choice(wxWindow* parent, wxFlexGridSizer* grid, Role selected) {
    grid->Add(new wxStaticText(parent, wxID_ANY, _("Role:")), 0, wxALIGN_CENTER_VERTICAL);
    auto* choice = new wxChoice(parent, wxID_ANY);
    for (Role role : all_roles()) {
        const int at = choice->Append(to_wx(role_label(role)));
        if (role == selected) choice->SetSelection(at);
    }
    grid->Add(choice, 1, wxEXPAND);
    return choice;
}

std::string chosen_role_code(const wxChoice* choice) {
    const int at = choice->GetSelection();
    if (at == wxNOT_FOUND) throw ValidationError("role", "", to_utf8(_("role: choose a role")));
    return role_code(all_roles().at(static_cast<std::size_t>(at)));
}

std::string confirmed_password(const wxTextCtrl* password, const wxTextCtrl* confirm) {
    if (password->GetValue() != confirm->GetValue())
        throw ValidationError("confirm", "", to_utf8(_("confirm: the two passwords differ; type the same password twice")));
    return to_utf8(password->GetValue());
}

// Labels, fields and the Save/Cancel row; Save is wired by the caller.
wxButton* lay_out_form(wxDialog* dialog, wxSizer* above, wxFlexGridSizer* grid) {
    wxSizer* buttons = affirm_cancel_buttons(dialog, _("Save"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const int gap = dialog->FromDIP(10);
    if (above) sizer->Add(above, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(grid, 1, wxEXPAND | wxALL, gap);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    dialog->SetSizerAndFit(sizer);
    dialog->CentreOnParent();
    return static_cast<wxButton*>(dialog->FindWindow(wxID_OK));
}

wxSizer* heading(wxWindow* parent, const wxString& text) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(parent, wxID_ANY, text));
    return sizer;
}

wxString user_heading(const User& user) {
    return wxString::Format(_("User: %s (%s)"), to_wx(user.username), to_wx(user.display_name));
}

wxFlexGridSizer* form_grid(wxWindow* parent) {
    auto* grid = new wxFlexGridSizer(2, parent->FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    return grid;
}

}  // namespace

wxString stale_edit_hint() {
    return _("Your input is kept. Save again to apply it over their change, or Cancel to leave it.");
}

AddUserDialog::AddUserDialog(wxWindow* parent, std::function<void(const NewUser&)> save)
    : wxDialog(parent, wxID_ANY, _("Add user")), save_(std::move(save)) {
    auto* grid = form_grid(this);
    username_ = add_text_field(this, grid, _("Username:"));
    display_name_ = add_text_field(this, grid, _("Name:"));
    role_ = add_role_choice(this, grid, Role::Service);
    password_ = add_text_field(this, grid, _("Password:"), wxTE_PASSWORD);
    confirm_ = add_text_field(this, grid, _("Password again:"), wxTE_PASSWORD);
    lay_out_form(this, nullptr, grid)->Bind(wxEVT_BUTTON, &AddUserDialog::on_save, this);
    username_->SetFocus();
}

void AddUserDialog::on_save(wxCommandEvent&) {
    const bool saved = run_or_show_error(this, [&] {
        NewUser user;
        user.username = to_utf8(username_->GetValue().Strip(wxString::both));
        user.display_name = to_utf8(display_name_->GetValue().Strip(wxString::both));
        user.role = chosen_role_code(role_);
        user.password = confirmed_password(password_, confirm_);
        save_(user);
    });
    if (saved) EndModal(wxID_OK);
}

ChangeRoleDialog::ChangeRoleDialog(wxWindow* parent, const User& user,
                                   std::function<void(const std::string&)> save)
    : wxDialog(parent, wxID_ANY, _("Change role")), save_(std::move(save)) {
    auto* grid = form_grid(this);
    role_ = add_role_choice(this, grid, user.role);
    lay_out_form(this, heading(this, user_heading(user)), grid)->Bind(wxEVT_BUTTON, &ChangeRoleDialog::on_save, this);
}

void ChangeRoleDialog::on_save(wxCommandEvent&) {
    if (run_or_show_error(this, [&] { save_(chosen_role_code(role_)); }, stale_edit_hint())) EndModal(wxID_OK);
}

ResetPasswordDialog::ResetPasswordDialog(wxWindow* parent, const User& user,
                                         std::function<void(const std::string&)> save)
    : wxDialog(parent, wxID_ANY, _("Reset password")), save_(std::move(save)) {
    auto* grid = form_grid(this);
    password_ = add_text_field(this, grid, _("New password:"), wxTE_PASSWORD);
    confirm_ = add_text_field(this, grid, _("Password again:"), wxTE_PASSWORD);
    lay_out_form(this, heading(this, user_heading(user) + "\n" + _("A reset also clears a sign-in lock.")), grid)
        ->Bind(wxEVT_BUTTON, &ResetPasswordDialog::on_save, this);
    password_->SetFocus();
}

void ResetPasswordDialog::on_save(wxCommandEvent&) {
    if (run_or_show_error(this, [&] { save_(confirmed_password(password_, confirm_)); }, stale_edit_hint()))
        EndModal(wxID_OK);
}

}  // namespace md::views
