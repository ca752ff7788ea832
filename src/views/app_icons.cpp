#include "views/app_icons.h"

#include "views/program_files.h"

#include <wx/filename.h>
#include <wx/image.h>

namespace md::views {
namespace {

wxIconBundle load_icons() {
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
    wxIconBundle icons;
    for (const wxString& theme : {beside_program("icons/hicolor"), beside_program("../share/icons/hicolor")}) {
        for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
            const wxString file = wxString::Format("%s/%dx%d/apps/memberdesk.png", theme, size, size);
            if (wxFileName::FileExists(file)) icons.AddIcon(file, wxBITMAP_TYPE_PNG);
        }
        if (!icons.IsEmpty()) break;
    }
    return icons;
}

}  // namespace

const wxIconBundle& app_icons() {
    static const wxIconBundle icons = load_icons();
    return icons;
}

}  // namespace md::views
