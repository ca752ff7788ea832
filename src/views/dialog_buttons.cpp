#include "views/dialog_buttons.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/statline.h>

namespace md::views {

wxSizer* affirm_cancel_buttons(wxDialog* dialog, const wxString& affirm) {
    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(dialog, wxID_OK, affirm);
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(dialog, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    return buttons;
}

wxSizer* ok_cancel_buttons(wxDialog* dialog) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(new wxStaticLine(dialog), 0, wxEXPAND | wxBOTTOM, dialog->FromDIP(8));
    column->Add(affirm_cancel_buttons(dialog, _("OK")), 0, wxEXPAND);
    return column;
}

}  // namespace md::views
