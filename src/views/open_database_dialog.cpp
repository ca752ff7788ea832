#include "views/open_database_dialog.h"

#include "db/database_url.h"
#include "models/errors.h"
#include "models/translate.h"
#include "views/dialog_buttons.h"
#include "views/error_dialog.h"
#include "views/postgres_url.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/filepicker.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

wxTextCtrl* add_field(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, const wxString& value,
                      long style = 0) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* field = new wxTextCtrl(parent, wxID_ANY, value, wxDefaultPosition, wxDefaultSize, style);
    grid->Add(field, 1, wxEXPAND);
    return field;
}

}  // namespace

OpenDatabaseDialog::OpenDatabaseDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Open database"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    kinds_ = new wxNotebook(this, wxID_ANY);

    auto* sqlite_page = new wxPanel(kinds_);
    auto* sqlite_sizer = new wxBoxSizer(wxVERTICAL);
    sqlite_sizer->Add(new wxStaticText(sqlite_page, wxID_ANY, _("A MemberDesk database file on this computer or a shared drive:")),
                      0, wxALL, FromDIP(8));
    sqlite_file_ = new wxFilePickerCtrl(sqlite_page, wxID_ANY, wxString(), _("Choose a MemberDesk database"),
                                        _("MemberDesk databases (*.db)|*.db|All files|*"), wxDefaultPosition,
                                        FromDIP(wxSize(460, -1)),
                                        wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    sqlite_sizer->Add(sqlite_file_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    sqlite_page->SetSizer(sqlite_sizer);
    kinds_->AddPage(sqlite_page, _("SQLite file"));

    auto* pg_page = new wxPanel(kinds_);
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    host_ = add_field(pg_page, grid, _("Host:"), "localhost");
    port_ = add_field(pg_page, grid, _("Port:"), "5432");
    database_ = add_field(pg_page, grid, _("Database:"), "memberdesk");
    user_ = add_field(pg_page, grid, _("User:"), wxString());
    password_ = add_field(pg_page, grid, _("Password:"), wxString(), wxTE_PASSWORD);
    auto* pg_sizer = new wxBoxSizer(wxVERTICAL);
    pg_sizer->Add(grid, 0, wxEXPAND | wxALL, FromDIP(8));
    pg_sizer->Add(new wxStaticText(pg_page, wxID_ANY, _("The password is used for this connection only and never saved.")),
                  0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    pg_page->SetSizer(pg_sizer);
    kinds_->AddPage(pg_page, _("PostgreSQL server"));

    wxSizer* buttons = affirm_cancel_buttons(this, _("Open"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(kinds_, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    SetSizerAndFit(sizer);
    CentreOnParent();
    Bind(wxEVT_BUTTON, &OpenDatabaseDialog::on_open, this, wxID_OK);
}

std::string OpenDatabaseDialog::read_url() const {
    if (kinds_->GetSelection() == 0) {
        const std::string path = to_utf8(sqlite_file_->GetPath());
        if (path.empty()) throw ValidationError("file", "", tr("file: choose a database file"));
        return sqlite_url(path);
    }
    return postgres_url({to_utf8(host_->GetValue().Strip(wxString::both)),
                         to_utf8(port_->GetValue().Strip(wxString::both)),
                         to_utf8(database_->GetValue().Strip(wxString::both)),
                         to_utf8(user_->GetValue().Strip(wxString::both)), to_utf8(password_->GetValue())});
}

void OpenDatabaseDialog::on_open(wxCommandEvent&) {
    if (run_or_show_error(this, [&] { url_ = read_url(); })) EndModal(wxID_OK);
}

}  // namespace md::views
