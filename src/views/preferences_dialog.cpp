#include "views/preferences_dialog.h"

#include "views/dialog_buttons.h"
#include "views/language_preference.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {

PreferencesDialog::PreferencesDialog(wxWindow* parent) : wxDialog(parent, wxID_ANY, _("Preferences")) {
    wxArrayString labels;
    int selected = 0;
    const std::string current = saved_language();
    for (const LanguageChoice& choice : language_choices()) {
        if (choice.code == current) selected = static_cast<int>(labels.size());
        labels.Add(choice.label);
    }
    language_ = new wxRadioBox(this, wxID_ANY, _("Language"), wxDefaultPosition, wxDefaultSize, labels, 1,
                               wxRA_SPECIFY_COLS);
    language_->SetSelection(selected);

    wxSizer* buttons = affirm_cancel_buttons(this, _("&Save"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(10);
    sizer->Add(language_, 0, wxEXPAND | wxALL, gap);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("A new language applies the next time MemberDesk starts.")), 0,
               wxLEFT | wxRIGHT, gap);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);
    CentreOnParent();
    Bind(wxEVT_BUTTON, &PreferencesDialog::on_save, this, wxID_OK);
}

void PreferencesDialog::on_save(wxCommandEvent&) {
    const std::string chosen = language_choices().at(static_cast<std::size_t>(language_->GetSelection())).code;
    const bool changed = chosen != saved_language();
    save_language(chosen);
    if (changed)
        wxMessageBox(_("Saved. Restart MemberDesk to see the new language."), _("Preferences"),
                     wxOK | wxICON_INFORMATION, this);
    EndModal(wxID_OK);
}

}  // namespace md::views
