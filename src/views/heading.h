#pragma once
// A bold section title. The font is set before the label, so the control is measured in bold and
// the end of the title is never cut off.
#include <wx/stattext.h>

namespace md::views {

inline wxStaticText* bold_heading(wxWindow* parent, const wxString& text) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString());
    t->SetFont(t->GetFont().Bold());
    t->SetLabel(text);
    return t;
}

}  // namespace md::views
