#pragma once
// An area that is not built yet: one plain line saying so, rather than a screen that pretends.
#include <wx/panel.h>

namespace md::views {

class AreaPlaceholderPanel : public wxPanel {
public:
    AreaPlaceholderPanel(wxWindow* parent, const wxString& note);
};

}  // namespace md::views
