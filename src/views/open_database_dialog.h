#pragma once
// File → Open database…: a SQLite file, or a PostgreSQL server the team shares.
#include <string>
#include <wx/dialog.h>

class wxNotebook;
class wxFilePickerCtrl;
class wxTextCtrl;

namespace md::views {

class OpenDatabaseDialog : public wxDialog {
public:
    explicit OpenDatabaseDialog(wxWindow* parent);
    // Valid after ShowModal() returned wxID_OK. May hold a password: keep it in memory only.
    const std::string& url() const { return url_; }

private:
    void on_open(wxCommandEvent&);
    std::string read_url() const;

    wxNotebook* kinds_ = nullptr;
    wxFilePickerCtrl* sqlite_file_ = nullptr;
    wxTextCtrl* host_ = nullptr;
    wxTextCtrl* port_ = nullptr;
    wxTextCtrl* database_ = nullptr;
    wxTextCtrl* user_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    std::string url_;
};

}  // namespace md::views
