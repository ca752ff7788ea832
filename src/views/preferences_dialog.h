#pragma once
// File → Preferences…: the interface language, saved for the next start.
#include <wx/dialog.h>

class wxRadioBox;

namespace md::views {

class PreferencesDialog : public wxDialog {
public:
    explicit PreferencesDialog(wxWindow* parent);

private:
    void on_save(wxCommandEvent&);
    wxRadioBox* language_ = nullptr;
};

}  // namespace md::views
