#pragma once
// A bold section title. The font is set before the label, and the minimum width is the bold
// text's own extent, so the end of the title is never cut off (GTK may otherwise keep the width
// measured in the regular font when the page is laid out before it is shown).
#include <wx/stattext.h>

namespace md::views {

inline wxStaticText* bold_heading(wxWindow* parent, const wxString& text) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString());
    t->SetFont(t->GetFont().Bold());
    t->SetLabel(text);
    t->SetMinSize(wxSize(t->GetTextExtent(text).x + t->FromDIP(4), -1));
    return t;
}

}  // namespace md::views
