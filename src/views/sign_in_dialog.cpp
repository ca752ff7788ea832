#include "views/sign_in_dialog.h"

#include "db/database_url.h"
#include "models/errors.h"
#include "views/app_icons.h"
#include "views/error_dialog.h"
#include "views/open_database_dialog.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace md::views {
namespace {

wxString database_display(const std::string& url) {
    try {
        return to_wx(parse_database_url(url).display);
    } catch (const std::exception&) {
        return to_wx(url);  // the open attempt reports what is wrong with it
    }
}

const wxColour kRefusalRed(0xB0, 0x1C, 0x1C);

}  // namespace

SignInDialog::SignInDialog(wxWindow* parent, std::string database_url)
    : wxDialog(parent, wxID_ANY, _("Sign in — MemberDesk")), url_(std::move(database_url)) {
    SetIcons(app_icons());  // the first window: the task bar shows it before the console
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(10);

    database_label_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(database_label_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Username:")), 0, wxALIGN_CENTER_VERTICAL);
    username_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)));
    grid->Add(username_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Password:")), 0, wxALIGN_CENTER_VERTICAL);
    password_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    grid->Add(password_, 1, wxEXPAND);
    sizer->Add(grid, 0, wxEXPAND | wxALL, gap);

    // Why the last attempt failed, or that the database is still opening. Kept in the dialog
    // (not only in a message box) so it stays visible while the person retypes.
    state_label_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(state_label_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    open_another_ = new wxButton(this, wxID_ANY, _("Open another database…"));
    buttons->Add(open_another_, 0, wxRIGHT, gap);
    buttons->AddStretchSpacer();
    sign_in_ = new wxButton(this, wxID_OK, _("Sign in"));
    sign_in_->SetDefault();
    buttons->Add(sign_in_, 0, wxRIGHT, FromDIP(6));
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);

    SetSizer(sizer);
    show_database_name();
    set_ready(false);
    state_label_->SetLabel(_("Opening the database…"));
    SetMinSize(FromDIP(wxSize(440, -1)));
    Fit();
    CentreOnScreen();
    username_->SetFocus();

    sign_in_->Bind(wxEVT_BUTTON, &SignInDialog::on_sign_in, this);
    open_another_->Bind(wxEVT_BUTTON, &SignInDialog::on_open_another, this);
    // The dialog is on screen before the first attempt, so a slow server never hides it.
    CallAfter([this] { open_database(); });
}

void SignInDialog::show_database_name() {
    database_label_->SetLabel(wxString::Format(_("Database: %s"), database_display(url_)));
}

void SignInDialog::set_ready(bool ready) {
    sign_in_->Enable(ready);
    open_another_->Enable(!opener_.busy());
}

void SignInDialog::show_refusal(const wxString& message) {
    state_label_->SetForegroundColour(kRefusalRed);
    state_label_->SetLabel(message);
    state_label_->Wrap(GetClientSize().x - FromDIP(20));
    Layout();
    Fit();
}

void SignInDialog::open_database() {
    services_.reset();
    state_label_->SetForegroundColour(GetForegroundColour());
    state_label_->SetLabel(_("Opening the database…"));
    opener_.start(url_, [this](OpenedDatabase opened) { on_database_opened(opened); });
    set_ready(false);
}

void SignInDialog::on_database_opened(const OpenedDatabase& opened) {
    if (opened.services) {
        services_ = opened.services;
        state_label_->SetLabel(wxString());
        set_ready(true);
        Layout();
        return;
    }
    set_ready(false);
    try {
        std::rethrow_exception(opened.error);
    } catch (const std::exception& e) {
        show_refusal(to_wx(e.what()));
        offer_ways_out(e);
    }
}

void SignInDialog::offer_ways_out(const std::exception& error) {
    wxMessageDialog ask(this, to_wx(error.what()), _("Cannot open the database"),
                        wxYES_NO | wxCANCEL | wxICON_ERROR);
    ask.SetYesNoCancelLabels(_("Retry"), _("Open another database…"), _("Quit"));
    switch (ask.ShowModal()) {
        case wxID_YES:
            open_database();
            return;
        case wxID_NO:
            if (choose_another_database()) return;
            offer_ways_out(error);  // nothing chosen: the same three ways out again
            return;
        default:
            EndModal(wxID_CANCEL);
    }
}

bool SignInDialog::choose_another_database() {
    OpenDatabaseDialog choose(this);
    if (choose.ShowModal() != wxID_OK) return false;
    url_ = choose.url();
    show_database_name();
    open_database();
    return true;
}

void SignInDialog::on_open_another(wxCommandEvent&) {
    if (!opener_.busy()) choose_another_database();
}

void SignInDialog::on_sign_in(wxCommandEvent&) {
    if (!services_) return;
    wxBusyCursor hashing;  // Argon2id takes a noticeable moment on purpose
    try {
        actor_ = services_->auth.sign_in(to_utf8(username_->GetValue().Strip(wxString::both)),
                                         to_utf8(password_->GetValue()));
        EndModal(wxID_OK);
    } catch (const std::exception& e) {
        show_refusal(to_wx(e.what()));
        show_error(this, e);
        // Keep both fields: the person fixes the one that is wrong.
        password_->SetFocus();
        password_->SelectAll();
    }
}

}  // namespace md::views
