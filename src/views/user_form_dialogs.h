#pragma once
// The small forms of the Admin area. Each takes the service call to make on Save; when the
// call fails the form stays open with what was typed, so nothing has to be entered twice.
#include "models/user.h"
#include "services/user_service.h"

#include <functional>
#include <string>
#include <wx/dialog.h>

class wxChoice;
class wxTextCtrl;

namespace md::views {

class AddUserDialog : public wxDialog {
public:
    AddUserDialog(wxWindow* parent, std::function<void(const NewUser&)> save);

private:
    void on_save(wxCommandEvent&);
    std::function<void(const NewUser&)> save_;
    wxTextCtrl* username_ = nullptr;
    wxTextCtrl* display_name_ = nullptr;
    wxChoice* role_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* confirm_ = nullptr;
};

class ChangeRoleDialog : public wxDialog {
public:
    ChangeRoleDialog(wxWindow* parent, const User& user, std::function<void(const std::string& role_code)> save);

private:
    void on_save(wxCommandEvent&);
    std::function<void(const std::string&)> save_;
    wxChoice* role_ = nullptr;
};

class ResetPasswordDialog : public wxDialog {
public:
    ResetPasswordDialog(wxWindow* parent, const User& user, std::function<void(const std::string& password)> save);

private:
    void on_save(wxCommandEvent&);
    std::function<void(const std::string&)> save_;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* confirm_ = nullptr;
};

// Shown with a stale-edit error inside these forms: the form now holds the newer version.
wxString stale_edit_hint();

}  // namespace md::views
