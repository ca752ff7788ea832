#include "views/program_files.h"

#include <wx/filename.h>
#include <wx/stdpaths.h>

namespace md::views {

wxString beside_program(const wxString& relative) {
    wxFileName folder =
        wxFileName::DirName(wxFileName(wxStandardPaths::Get().GetExecutablePath()).GetPath() + "/" + relative);
    folder.Normalize(wxPATH_NORM_DOTS | wxPATH_NORM_ABSOLUTE);
    return folder.GetPath();
}

}  // namespace md::views
