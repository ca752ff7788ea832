#pragma once
// The button row of a dialog (OK, Save or Open, and Cancel), in one place and labelled from
// MemberDesk's catalog: the same words as the rest of the form in either language, whatever
// GTK's stock labels would say.
#include <wx/string.h>

class wxDialog;
class wxSizer;

namespace md::views {

// The affirmative button (wxID_OK, labelled `affirm`, the default: Enter) and Cancel (Esc), in the
// platform's order. Bind wxID_OK on the dialog to act before it closes.
wxSizer* affirm_cancel_buttons(wxDialog* dialog, const wxString& affirm);
// A separator line, then OK and Cancel as above.
wxSizer* ok_cancel_buttons(wxDialog* dialog);

}  // namespace md::views
