#include "views/area_placeholder_panel.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {

AreaPlaceholderPanel::AreaPlaceholderPanel(wxWindow* parent, const wxString& note) : wxPanel(parent) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* line = new wxStaticText(this, wxID_ANY, note);
    line->Wrap(FromDIP(640));
    sizer->Add(line, 0, wxALL, FromDIP(16));
    SetSizer(sizer);
}

}  // namespace md::views
