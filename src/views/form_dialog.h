#pragma once
// A small dialog of labelled text fields for the one-line actions (recharge, redeem, refund,
// activate a card...). It stays open with what was typed until the action succeeds: the caller's
// `accept` runs the service call and the dialog shows any refusal and keeps the input.
#include <functional>
#include <string>
#include <vector>
#include <wx/dialog.h>

class wxTextCtrl;

namespace md::views {

struct FormField {
    FormField(wxString label, wxString initial = wxString(), wxString hint = wxString(), bool secret = false)
        : label(std::move(label)), initial(std::move(initial)), hint(std::move(hint)), secret(secret) {}
    wxString label;
    wxString initial;
    wxString hint;        // shown under the field (the rule in plain words), may be empty
    bool secret = false;  // a PIN: typed characters are hidden
};

class FormDialog : public wxDialog {
public:
    // accept(values) performs the action; it throws the core's errors, which are shown here.
    FormDialog(wxWindow* parent, const wxString& title, const wxString& intro, const std::vector<FormField>& fields,
               std::function<void(const std::vector<std::string>&)> accept);

private:
    void on_ok(wxCommandEvent&);
    std::vector<wxTextCtrl*> inputs_;
    std::function<void(const std::vector<std::string>&)> accept_;
};

}  // namespace md::views
